package dev.debrief.kit.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.Topics;
import dev.debrief.kit.tracing.EventTraces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.UUID;

/**
 * Records an event in the caller's transaction. Nothing reaches Kafka unless that transaction commits;
 * after it commits the relay is nudged so the event goes out at once rather than at the next poll.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;
    private final String source;

    public Outbox(OutboxRelay relay, TransactionSynchronizationRegistry transactions, Clock clock,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.relay = relay;
        this.transactions = transactions;
        this.clock = clock;
        this.source = "/debrief/" + applicationName;
    }

    /**
     * @param subject the aggregate id: the Kafka key and the CloudEvents subject
     * @param tenant the coaching firm the event belongs to, or null
     * @return the envelope as it will be published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(EventType type, UUID subject, String tenant, Object data) {
        JsonNode payload = Json.mapper().valueToTree(data);
        EventEnvelope envelope = EventEnvelope.of(type, source, subject.toString(), tenant, clock.instant(), payload);
        record(type.topic(), envelope);
        // analytics reads a redacted copy, committed with the event itself (docs/events.md)
        AnalyticsProjection.of(type, envelope).ifPresent(projection -> record(Topics.ANALYTICS, projection));
        transactions.registerInterposedSynchronization(new NudgeAfterCommit(relay));
        return envelope;
    }

    private static void record(String topic, EventEnvelope envelope) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.fromString(envelope.id());
        row.topic = topic;
        row.messageKey = envelope.subject();
        row.eventType = envelope.type();
        row.payload = Json.write(envelope);
        row.createdAt = envelope.time();
        row.traceparent = EventTraces.currentTraceparent();
        row.persist();
    }

    private record NudgeAfterCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.nudge();
            }
        }
    }
}
