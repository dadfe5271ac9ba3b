package dev.debrief.session.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.scores.AnswerScored;
import dev.debrief.kit.inbox.Inbox;
import dev.debrief.session.domain.Answer;
import dev.debrief.session.domain.AnswerScore;
import dev.debrief.session.persistence.Timeline;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Stores scores against their answers and pushes them live. Two subscriptions feed it: the durable group
 * {@code session-service} (nothing is missed while replicas restart) and each replica's own group (so
 * every replica learns of every score for the sockets it holds). The inbox stores each score once; a
 * replica that loses the race waits on the winner's insert, so once it returns the entry is committed
 * and its nudge finds it.
 */
@ApplicationScoped
public class ScoreIntake {

    static final String CONSUMER = "session-service.scores";
    private static final Logger LOG = Logger.getLogger(ScoreIntake.class);

    private final Inbox inbox;
    private final Timeline timeline;
    private final LiveHub hub;
    private final Clock clock;

    public ScoreIntake(Inbox inbox, Timeline timeline, LiveHub hub, Clock clock) {
        this.inbox = inbox;
        this.timeline = timeline;
        this.hub = hub;
        this.clock = clock;
    }

    /** A failure to store (the database away) is retried before the record is given up and logged. */
    @Incoming("scores")
    @Blocking(ordered = true)
    @Retry(maxRetries = 10, delay = 1, delayUnit = ChronoUnit.SECONDS)
    public void durable(String record) {
        accept(record);
    }

    @Incoming("scores-live")
    @Blocking(ordered = true)
    public void live(String record) {
        accept(record);
    }

    public void accept(String record) {
        EventEnvelope envelope;
        AnswerScored score;
        try {
            envelope = Json.mapper().readValue(record, EventEnvelope.class);
            if (!envelope.is(EventType.ANSWER_SCORED)) {
                return;
            }
            score = Json.mapper().treeToValue(envelope.data(), AnswerScored.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warnf("Skipping an unreadable score record: %s", e.getMessage());
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> store(envelope, score));
        if (score.sessionId() != null) {
            hub.nudge(score.sessionId());
        }
    }

    private void store(EventEnvelope envelope, AnswerScored score) {
        if (!inbox.firstDelivery(CONSUMER, envelope.id())) {
            return;
        }
        Answer answer = score.answerId() == null ? null : Answer.findById(score.answerId());
        if (answer == null || !answer.session.id.equals(score.sessionId())) {
            LOG.debugf("Score %s names no answer of ours", score.scoreId());
            return;
        }
        AnswerScore stored = new AnswerScore();
        stored.scoreId = score.scoreId() != null ? score.scoreId() : UUID.fromString(envelope.id());
        stored.answerId = answer.id;
        stored.sessionId = score.sessionId();
        stored.payload = envelope.data().toString();
        stored.receivedAt = clock.instant();
        stored.persist();
        timeline.append(score.sessionId(), "answer-scored", "system:scoring", clock.instant(), score);
    }
}
