package dev.debrief.session.webhooks;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One try at a delivery: when, how long it took, the status the endpoint answered or why none came. */
@Entity
@Table(name = "webhook_delivery_attempt")
public class WebhookAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "delivery_id", nullable = false)
    public UUID deliveryId;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;

    @Column(name = "status_code")
    public Integer statusCode;

    public String error;

    /** Sent because someone asked (a resend), not by the schedule. */
    @Column(nullable = false)
    public boolean manual;
}
