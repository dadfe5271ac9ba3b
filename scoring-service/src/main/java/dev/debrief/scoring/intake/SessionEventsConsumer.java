package dev.debrief.scoring.intake;

import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import dev.debrief.kit.consumer.DeadLetter;
import dev.debrief.kit.tracing.EventTraces;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads session-service's events: scores each submitted answer and debriefs each completed session; everything
 * else on the topic is ignored. Records arrive a poll at a time. The failure policy (docs/events.md): a transient
 * failure is retried with backoff ({@link ScoringAttempts}); a record that still fails is written to the dead-letter
 * topic with the error and its coordinates, and only then is the poll acknowledged, so nothing is acknowledged
 * unprocessed. If even the dead letter cannot be written the poll fails unacknowledged and comes again.
 */
@ApplicationScoped
public class SessionEventsConsumer {

    private static final Logger LOG = Logger.getLogger(SessionEventsConsumer.class);

    private final ScoringAttempts attempts;
    private final Emitter<String> deadLetters;
    private final String deadLetterTopic;
    private final Duration deadLetterTimeout;
    private final Clock clock;
    private final Timer latency;
    private final Timer delay;
    private final Counter deadLettered;
    private final Tracer tracer;

    public SessionEventsConsumer(ScoringAttempts attempts, @Channel("sessions-dead-letters") Emitter<String> deadLetters,
            @ConfigProperty(name = "mp.messaging.outgoing.sessions-dead-letters.topic") String deadLetterTopic,
            @ConfigProperty(name = "debrief.scoring.dead-letter-timeout", defaultValue = "PT30S") Duration deadLetterTimeout,
            Clock clock, MeterRegistry registry, Tracer tracer) {
        this.attempts = attempts;
        this.tracer = tracer;
        this.deadLetters = deadLetters;
        this.deadLetterTopic = deadLetterTopic;
        this.deadLetterTimeout = deadLetterTimeout;
        this.clock = clock;
        this.latency = Timer.builder("debrief.scoring.latency")
                .description("From taking a poll's answers to their scores committed, per answer")
                .publishPercentileHistogram().register(registry);
        this.delay = Timer.builder("debrief.answer.to.score.delay")
                .description("From an answer's submission (its event time) to its score committed")
                .publishPercentileHistogram().register(registry);
        this.deadLettered = Counter.builder("debrief.consumer.dead.lettered")
                .description("Records this consumer wrote to its dead-letter topic")
                .tag("consumer", "scoring-service").register(registry);
    }

    /**
     * A polled batch, each partition in order. Consecutive answer-submitted events are scored together; a
     * session.completed is applied after the answers before it, so a debrief sees every answer it follows.
     */
    @Incoming("sessions")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        for (TopicPartition partition : records.partitions()) {
            List<Parsed> answers = new ArrayList<>();
            for (ConsumerRecord<String, String> record : records.records(partition)) {
                EventEnvelope envelope;
                try {
                    envelope = Json.mapper().readValue(record.value(), EventEnvelope.class);
                } catch (Exception e) {
                    deadLetter(record, new IllegalArgumentException("not an event envelope: " + e.getMessage(), e));
                    continue;
                }
                if (envelope.is(EventType.ANSWER_SUBMITTED)) {
                    answers.add(new Parsed(record, envelope, span(record, envelope)));
                } else if (envelope.is(EventType.SESSION_CREATED) || envelope.is(EventType.SESSION_PANEL_CHANGED)) {
                    // who takes part in the session: what the access rule reads (independent of the answers around it)
                    Span span = span(record, envelope);
                    try (Scope ignored = span.storeInContext(EventTraces.fromHeaders(record.headers())).makeCurrent()) {
                        attempts.scope(envelope);
                    } catch (RuntimeException e) {
                        deadLetter(record, e);
                    } finally {
                        span.end();
                    }
                } else if (envelope.is(EventType.SESSION_COMPLETED)) {
                    score(answers);
                    answers.clear();
                    Span span = span(record, envelope);
                    try (Scope ignored = span.storeInContext(EventTraces.fromHeaders(record.headers())).makeCurrent()) {
                        attempts.debrief(envelope);
                    } catch (RuntimeException e) {
                        deadLetter(record, e);
                    } finally {
                        span.end();
                    }
                }
            }
            score(answers);
        }
    }

    private record Parsed(ConsumerRecord<String, String> record, EventEnvelope envelope, Span span) {
    }

    /** The event's own span, a child of the producer's (the record's traceparent): one answer, one trace. */
    private Span span(ConsumerRecord<String, String> record, EventEnvelope envelope) {
        return tracer.spanBuilder("apply " + envelope.type())
                .setParent(EventTraces.fromHeaders(record.headers()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.message.id", envelope.id())
                .startSpan();
    }

    /** All together first; if that fails for good, one by one, so only the answers that still fail are dead-lettered. */
    private void score(List<Parsed> answers) {
        if (answers.isEmpty()) {
            return;
        }
        List<String> ids = answers.stream().map(a -> a.envelope().id()).toList();
        // what an answer's scoring publishes is published in its span (AnswerScoring enters it per event)
        answers.forEach(a -> EventTraces.register(a.envelope().id(),
                a.span().storeInContext(EventTraces.fromHeaders(a.record().headers()))));
        try {
            scoreAll(answers);
        } finally {
            EventTraces.clear(ids);
            answers.forEach(a -> a.span().end());
        }
    }

    private void scoreAll(List<Parsed> answers) {
        try {
            long began = System.nanoTime();
            attempts.score(answers.stream().map(Parsed::envelope).toList());
            scored(answers, System.nanoTime() - began);
            return;
        } catch (RuntimeException e) {
            if (answers.size() == 1) {
                deadLetter(answers.get(0).record(), e);
                return;
            }
            LOG.warnf("Scoring %d answers together failed (%s); scoring them one by one", answers.size(), e.getMessage());
        }
        for (Parsed answer : answers) {
            try {
                long began = System.nanoTime();
                attempts.score(List.of(answer.envelope()));
                scored(List.of(answer), System.nanoTime() - began);
            } catch (RuntimeException e) {
                answer.span().recordException(e);
                deadLetter(answer.record(), e);
            }
        }
    }

    private void scored(List<Parsed> answers, long nanos) {
        Instant now = clock.instant();
        for (Parsed answer : answers) {
            latency.record(nanos, TimeUnit.NANOSECONDS);
            if (answer.envelope().time() != null) {
                delay.record(Duration.between(answer.envelope().time(), now).toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, Throwable failure) {
        deadLettered.increment();
        LOG.errorf(failure, "Dead-lettering %s/%d@%d to %s", record.topic(), record.partition(), record.offset(),
                deadLetterTopic);
        CompletableFuture<Void> sent = new CompletableFuture<>();
        deadLetters.send(DeadLetter.of(record, failure, deadLetterTopic, sent));
        try {
            sent.get(deadLetterTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            // the poll stays unacknowledged and the channel fails: the records come again after a restart
            throw new IllegalStateException("could not dead-letter " + record.topic() + "/" + record.partition() + "@"
                    + record.offset(), e);
        }
    }
}
