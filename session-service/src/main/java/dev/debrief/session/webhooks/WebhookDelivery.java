package dev.debrief.session.webhooks;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One event owed to one endpoint, with its persisted schedule. Its id is the {@code webhook-id} header: the
 * same on every attempt, so a receiver deduplicates on it.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "endpoint_id", nullable = false)
    public UUID endpointId;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The body sent: the event's CloudEvents envelope exactly as it was read from the topic. */
    @Column(nullable = false)
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WebhookDeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    /** Retries go on for the schedule's window from here: the first try, or the last manual resend. */
    @Column(name = "window_start", nullable = false)
    public Instant windowStart;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
