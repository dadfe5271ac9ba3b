package dev.debrief.session.webhooks;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A firm's registered receiver: where to POST which event types, and the secrets that sign them. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(nullable = false)
    public String url;

    public String description;

    /** Event type names ({@code session.completed}), space-separated. */
    @Column(name = "event_types", nullable = false)
    public String eventTypes;

    @Column(nullable = false)
    public boolean enabled;

    @Column(nullable = false)
    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<String> eventTypeList() {
        return Arrays.asList(eventTypes.split(" "));
    }

    public boolean subscribesTo(String eventType) {
        return eventTypeList().contains(eventType);
    }

    /** The secrets that sign at {@code now}: the current one, and the previous one while its overlap lasts. */
    public List<WebhookSecret> signingSecrets(Instant now) {
        List<WebhookSecret> secrets = new ArrayList<>(List.of(new WebhookSecret(secret)));
        if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
            secrets.add(new WebhookSecret(previousSecret));
        }
        return secrets;
    }

    /** An endpoint of another firm is indistinguishable from one that does not exist. */
    public static WebhookEndpoint ofTenant(UUID id, String tenant) {
        WebhookEndpoint endpoint = findById(id);
        return endpoint != null && endpoint.tenant.equals(tenant) ? endpoint : null;
    }

    public static List<WebhookEndpoint> subscribed(String tenant, String eventType) {
        return WebhookEndpoint.<WebhookEndpoint>list("tenant = ?1 and enabled = true", tenant).stream()
                .filter(e -> e.subscribesTo(eventType)).toList();
    }
}
