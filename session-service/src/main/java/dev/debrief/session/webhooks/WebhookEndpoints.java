package dev.debrief.session.webhooks;

import dev.debrief.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * A firm's endpoints: register, change, remove, rotate the secret. Everything is checked before anything is
 * written, so refused input changes nothing; an endpoint of another firm is 404.
 */
@ApplicationScoped
public class WebhookEndpoints {

    /** What a registration or change asks for; {@code secret} only at registration and rotation. */
    public record Change(String url, String description, List<String> eventTypes, Boolean enabled) {
    }

    private final DestinationPolicy policy;
    private final WebhooksConfig config;
    private final Clock clock;

    public WebhookEndpoints(DestinationPolicy policy, WebhooksConfig config, Clock clock) {
        this.policy = policy;
        this.config = config;
        this.clock = clock;
    }

    /** @return the endpoint and its secret in plain text, the only time it is shown besides a rotation */
    @Transactional
    public WebhookEndpoint register(String tenant, String createdBy, Change change, String suppliedSecret) {
        String types = checked(change);
        WebhookSecret secret = suppliedSecret == null ? WebhookSecret.generate() : secret(suppliedSecret, "secret");
        if (WebhookEndpoint.count("tenant", tenant) >= config.maxEndpointsPerFirm()) {
            throw ProblemException.conflict("a firm may register at most " + config.maxEndpointsPerFirm() + " endpoints");
        }
        Instant now = clock.instant();
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.tenant = tenant;
        endpoint.url = change.url();
        endpoint.description = change.description();
        endpoint.eventTypes = types;
        endpoint.enabled = change.enabled() == null || change.enabled();
        endpoint.secret = secret.value();
        endpoint.createdBy = createdBy;
        endpoint.createdAt = now;
        endpoint.updatedAt = now;
        endpoint.persist();
        return endpoint;
    }

    @Transactional
    public List<WebhookEndpoint> list(String tenant) {
        return WebhookEndpoint.list("tenant = ?1 order by createdAt desc", tenant);
    }

    @Transactional
    public WebhookEndpoint get(String tenant, UUID id) {
        WebhookEndpoint endpoint = WebhookEndpoint.ofTenant(id, tenant);
        if (endpoint == null) {
            throw ProblemException.notFound("webhook endpoint", id);
        }
        return endpoint;
    }

    /** Replaces url, description, event types and enabled; the secret stays (rotate it instead). */
    @Transactional
    public WebhookEndpoint update(String tenant, UUID id, Change change) {
        WebhookEndpoint endpoint = get(tenant, id);
        String types = checked(change);
        endpoint.url = change.url();
        endpoint.description = change.description();
        endpoint.eventTypes = types;
        endpoint.enabled = change.enabled() == null || change.enabled();
        endpoint.updatedAt = clock.instant();
        return endpoint;
    }

    /** Removes the endpoint with its deliveries and their log. */
    @Transactional
    public void delete(String tenant, UUID id) {
        get(tenant, id).delete();
    }

    /**
     * A new secret (supplied or generated) signs from now on; the current one keeps signing beside it for the
     * overlap, so receivers can switch without losing a message.
     *
     * @return the endpoint; its {@code secret} is the new one, in plain text
     */
    @Transactional
    public WebhookEndpoint rotate(String tenant, UUID id, String suppliedSecret, Long overlapSeconds) {
        WebhookEndpoint endpoint = get(tenant, id);
        WebhookSecret next = suppliedSecret == null ? WebhookSecret.generate() : secret(suppliedSecret, "secret");
        Duration overlap = overlapSeconds == null ? config.rotationOverlap() : Duration.ofSeconds(overlapSeconds);
        Instant now = clock.instant();
        endpoint.previousSecret = overlap.isZero() ? null : endpoint.secret;
        endpoint.previousSecretExpiresAt = overlap.isZero() ? null : now.plus(overlap);
        endpoint.secret = next.value();
        endpoint.updatedAt = now;
        return endpoint;
    }

    private String checked(Change change) {
        try {
            policy.check(change.url());
        } catch (RefusedDestination e) {
            throw ProblemException.badRequest("url", e.getMessage());
        }
        if (change.eventTypes() == null || change.eventTypes().isEmpty()) {
            throw ProblemException.badRequest("eventTypes", "must name at least one event type");
        }
        for (int i = 0; i < change.eventTypes().size(); i++) {
            if (!WebhookEventTypes.ALL.contains(change.eventTypes().get(i))) {
                throw ProblemException.badRequest("eventTypes[" + i + "]", "must be one of " + WebhookEventTypes.ALL);
            }
        }
        return String.join(" ", new LinkedHashSet<>(change.eventTypes()));
    }

    private static WebhookSecret secret(String value, String field) {
        try {
            return new WebhookSecret(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, e.getMessage());
        }
    }
}
