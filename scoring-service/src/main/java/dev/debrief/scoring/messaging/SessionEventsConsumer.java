package dev.debrief.scoring.messaging;

import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import dev.debrief.scoring.domain.AnswerScoring;
import dev.debrief.contracts.sessions.SessionCreated;
import dev.debrief.contracts.sessions.SessionPanelChanged;
import dev.debrief.scoring.domain.SessionDebriefing;
import dev.debrief.scoring.domain.SessionScopes;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads session-service's events: scores each submitted answer and debriefs each completed session.
 * Everything else on the topic is ignored. Redeliveries are harmless (the inbox), and one bad record is
 * logged and skipped rather than stopping the stream. Records arrive in batches (one poll).
 */
@ApplicationScoped
public class SessionEventsConsumer {

    private static final Logger LOG = Logger.getLogger(SessionEventsConsumer.class);

    private final AnswerScoring scoring;
    private final SessionDebriefing debriefing;
    private final SessionScopes scopes;

    public SessionEventsConsumer(AnswerScoring scoring, SessionDebriefing debriefing, SessionScopes scopes) {
        this.scoring = scoring;
        this.debriefing = debriefing;
        this.scopes = scopes;
    }

    /**
     * A polled batch, in order. Consecutive answer-submitted events are scored in one transaction; a
     * session.completed is applied after the answers before it, so a debrief sees every answer it follows.
     */
    @Incoming("sessions")
    @Blocking
    public void consume(List<String> payloads) {
        List<EventEnvelope> answers = new ArrayList<>();
        for (String payload : payloads) {
            EventEnvelope envelope = parse(payload);
            if (envelope == null) {
                continue;
            }
            if (envelope.is(EventType.ANSWER_SUBMITTED)) {
                answers.add(envelope);
            } else if (envelope.is(EventType.SESSION_COMPLETED)) {
                score(answers);
                answers.clear();
                try {
                    debriefing.onSessionCompleted(envelope.id(), UUID.fromString(envelope.subject()), envelope.tenant());
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Could not debrief session %s (event %s)", envelope.subject(), envelope.id());
                }
            } else if (envelope.is(EventType.SESSION_CREATED) || envelope.is(EventType.SESSION_PANEL_CHANGED)) {
                scope(envelope);
            }
        }
        score(answers);
    }

    private void score(List<EventEnvelope> answers) {
        if (answers.isEmpty()) {
            return;
        }
        try {
            scoring.onAnswersSubmitted(List.copyOf(answers));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not score %d answer(s) starting with event %s", answers.size(), answers.get(0).id());
        }
    }

    /** Who takes part in the session: what the access rule reads (independent of the answers around it). */
    private void scope(EventEnvelope envelope) {
        try {
            UUID sessionId = UUID.fromString(envelope.subject());
            if (envelope.is(EventType.SESSION_CREATED)) {
                SessionCreated created = Json.mapper().treeToValue(envelope.data(), SessionCreated.class);
                scopes.onSessionCreated(envelope.id(), sessionId, envelope.tenant(), created.candidate(), created.coach());
            } else {
                SessionPanelChanged changed = Json.mapper().treeToValue(envelope.data(), SessionPanelChanged.class);
                scopes.onPanelChanged(envelope.id(), sessionId, changed.panel() == null ? List.of() : changed.panel(),
                        changed.changedAt() == null ? envelope.time() : changed.changedAt());
            }
        } catch (Exception e) {
            LOG.errorf(e, "Could not record the parties of session %s (event %s)", envelope.subject(), envelope.id());
        }
    }

    private static EventEnvelope parse(String payload) {
        try {
            return Json.mapper().readValue(payload, EventEnvelope.class);
        } catch (Exception e) {
            LOG.warnf("Skipped a record that is not an event envelope: %s", e.getMessage());
            return null;
        }
    }
}
