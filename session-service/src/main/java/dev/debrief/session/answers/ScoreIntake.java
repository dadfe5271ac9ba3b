package dev.debrief.session.answers;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.scores.AnswerScored;
import dev.debrief.kit.consumer.TransientFailure;
import dev.debrief.kit.inbox.Inbox;
import dev.debrief.kit.tracing.EventTraces;
import dev.debrief.session.timeline.Timeline;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores scores against their answers. Two subscriptions feed it: the durable group {@code session-service}
 * (nothing is missed while replicas restart) and each replica's live group (live.LiveFanOut, which then nudges the
 * sockets it holds). The inbox stores each score once; a replica that loses the race waits on the winner's insert,
 * so once {@link #apply} returns the entry is committed and the nudge finds it. A re-score names the score it
 * supersedes, which is then removed: an answer shows its current score.
 */
@ApplicationScoped
public class ScoreIntake {

    static final String CONSUMER = "session-service.scores";
    private static final Logger LOG = Logger.getLogger(ScoreIntake.class);

    private final Inbox inbox;
    private final Timeline timeline;
    private final Clock clock;
    private final Tracer tracer;

    public ScoreIntake(Inbox inbox, Timeline timeline, Clock clock, Tracer tracer) {
        this.tracer = tracer;
        this.inbox = inbox;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * The failure policy (docs/events.md): a transient failure (the database away) is retried with backoff; one that
     * persists or is not transient (an unreadable record) fails the record, which the channel's
     * {@code failure-strategy=dead-letter-queue} writes to the dead-letter topic with the error before acknowledging it.
     */
    @Incoming("scores")
    @Blocking(ordered = true)
    @Retry(maxRetries = -1, delay = 250, jitter = 100, maxDuration = 600_000)
    @ExponentialBackoff(factor = 2, maxDelay = 15_000)
    @RetryWhen(exception = TransientFailure.class)
    public void durable(ConsumerRecord<String, String> record) {
        apply(record);
    }

    /**
     * Stores the score in the span of its event, a child of scoring-service's (the record's traceparent); either
     * subscription may store it first, in the same trace.
     *
     * @return the session the score belongs to, if it is a score
     */
    public Optional<UUID> apply(ConsumerRecord<String, String> record) {
        Span span = tracer.spanBuilder("apply score event").setParent(EventTraces.fromHeaders(record.headers()))
                .setSpanKind(SpanKind.CONSUMER).setAttribute("messaging.destination.name", record.topic()).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return accept(record.value());
        } catch (RuntimeException e) {
            span.recordException(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private Optional<UUID> accept(String record) {
        EventEnvelope envelope;
        AnswerScored score;
        try {
            envelope = Json.mapper().readValue(record, EventEnvelope.class);
            if (!envelope.is(EventType.ANSWER_SCORED)) {
                return Optional.empty();
            }
            score = Json.mapper().treeToValue(envelope.data(), AnswerScored.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("unreadable score record: " + e.getMessage(), e);
        }
        QuarkusTransaction.requiringNew().run(() -> store(envelope, score));
        return Optional.ofNullable(score.sessionId());
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
        if (score.supersedes() != null) {
            // a re-score by a newer scorer version: the answer shows the newer score only (the timeline keeps both)
            AnswerScore.delete("scoreId = ?1 and answerId = ?2", score.supersedes(), answer.id);
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
