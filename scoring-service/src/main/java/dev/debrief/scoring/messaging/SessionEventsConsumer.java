package dev.debrief.scoring.messaging;

import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import dev.debrief.scoring.domain.AnswerScoring;
import dev.debrief.scoring.domain.SessionDebriefing;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Reads session-service's events: scores each submitted answer and debriefs each completed session.
 * Everything else on the topic is ignored. Redeliveries are harmless (the inbox), and one bad record is
 * logged and skipped rather than stopping the stream.
 */
@ApplicationScoped
public class SessionEventsConsumer {

    private static final Logger LOG = Logger.getLogger(SessionEventsConsumer.class);

    private final AnswerScoring scoring;
    private final SessionDebriefing debriefing;

    public SessionEventsConsumer(AnswerScoring scoring, SessionDebriefing debriefing) {
        this.scoring = scoring;
        this.debriefing = debriefing;
    }

    @Incoming("sessions")
    @Blocking
    public void consume(String payload) {
        EventEnvelope envelope;
        try {
            envelope = Json.mapper().readValue(payload, EventEnvelope.class);
        } catch (Exception e) {
            LOG.warnf("Skipped a record that is not an event envelope: %s", e.getMessage());
            return;
        }
        try {
            if (envelope.is(EventType.ANSWER_SUBMITTED)) {
                scoring.onAnswerSubmitted(envelope);
            } else if (envelope.is(EventType.SESSION_COMPLETED)) {
                debriefing.onSessionCompleted(envelope.id(), UUID.fromString(envelope.subject()), envelope.tenant());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not apply %s %s", envelope.type(), envelope.id());
        }
    }
}
