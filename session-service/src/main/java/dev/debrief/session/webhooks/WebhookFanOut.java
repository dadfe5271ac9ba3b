package dev.debrief.session.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import dev.debrief.kit.consumer.TransientFailure;
import dev.debrief.session.lifecycle.InterviewSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Turns the events of the session and score topics into deliveries owed to the firm's endpoints, through a
 * durable consumer group of its own ({@code session-service-webhooks}). The firm is the session's, read
 * from this service's own table, and must equal the event's {@code tenant}: an event reaches only the
 * endpoints of the firm it belongs to, and events of no firm reach none. An endpoint receives the events
 * that happen after it was registered. One delivery per endpoint and event (a unique key), so a redelivered
 * record adds nothing.
 */
@ApplicationScoped
public class WebhookFanOut {

    private static final Logger LOG = Logger.getLogger(WebhookFanOut.class);

    private final EntityManager entityManager;
    private final Clock clock;

    public WebhookFanOut(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * The failure policy of docs/events.md: a transient failure (the database away) is retried with backoff for up
     * to ten minutes; then the channel fails and stops unacknowledged, so the records come again after a restart.
     */
    @Incoming("webhook-events")
    @Blocking(ordered = true)
    @Retry(maxRetries = -1, delay = 250, jitter = 100, maxDuration = 600_000)
    @ExponentialBackoff(factor = 2, maxDelay = 15_000)
    @RetryWhen(exception = TransientFailure.class)
    public void consume(String record) {
        accept(record);
    }

    /** @return how many deliveries the event added */
    public int accept(String record) {
        EventEnvelope envelope;
        try {
            envelope = Json.mapper().readValue(record, EventEnvelope.class);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            // not an event of ours: nothing any firm subscribed to
            LOG.warnf("Webhooks skip an unreadable record: %s", e.getMessage());
            return 0;
        }
        if (envelope.tenant() == null || envelope.subject() == null || EventType.fromCeType(envelope.type()).isEmpty()) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> fanOut(envelope, record));
    }

    private int fanOut(EventEnvelope envelope, String record) {
        UUID sessionId;
        try {
            sessionId = UUID.fromString(envelope.subject());
        } catch (IllegalArgumentException e) {
            return 0;
        }
        InterviewSession session = InterviewSession.findById(sessionId);
        if (session == null || !envelope.tenant().equals(session.tenant)) {
            LOG.warnf("Webhooks skip event %s: its tenant is not its session's firm", envelope.id());
            return 0;
        }
        String type = envelope.type().substring(EventType.TYPE_PREFIX.length());
        Instant now = clock.instant();
        int added = 0;
        for (WebhookEndpoint endpoint : WebhookEndpoint.subscribed(session.tenant, type)) {
            if (envelope.time().isBefore(endpoint.createdAt)) {
                continue;
            }
            added += entityManager.createNativeQuery("""
                    insert into webhook_delivery (id, endpoint_id, tenant, event_id, event_type, payload, status,
                        attempts, window_start, next_attempt_at, created_at)
                    values (:id, :endpoint, :tenant, :event, :type, :payload, 'PENDING', 0, :now, :now, :now)
                    on conflict (endpoint_id, event_id) do nothing""")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("endpoint", endpoint.id)
                    .setParameter("tenant", endpoint.tenant)
                    .setParameter("event", envelope.id())
                    .setParameter("type", type)
                    .setParameter("payload", record)
                    .setParameter("now", now)
                    .executeUpdate();
        }
        return added;
    }
}
