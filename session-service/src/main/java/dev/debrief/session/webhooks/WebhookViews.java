package dev.debrief.session.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The API's request and response records of the webhooks feature (not the entities). */
public final class WebhookViews {

    private WebhookViews() {
    }

    /** Registers an endpoint; without {@code secret} the server generates one (shown once, in the answer). */
    public record WebhookEndpointRequest(
            @NotBlank @Size(max = DestinationPolicy.MAX_URL) String url,
            @Size(max = 200) String description,
            @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 100) String> eventTypes,
            Boolean enabled,
            @Size(max = 200) String secret) {

        WebhookEndpoints.Change change() {
            return new WebhookEndpoints.Change(url, description, eventTypes, enabled);
        }
    }

    /** Replaces an endpoint's settings; its secret changes only by rotation. */
    public record WebhookEndpointUpdate(
            @NotBlank @Size(max = DestinationPolicy.MAX_URL) String url,
            @Size(max = 200) String description,
            @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 100) String> eventTypes,
            Boolean enabled) {

        WebhookEndpoints.Change change() {
            return new WebhookEndpoints.Change(url, description, eventTypes, enabled);
        }
    }

    /** A new secret (generated unless given) and how long the current one keeps signing beside it (default a day). */
    public record WebhookRotationRequest(
            @Size(max = 200) String secret,
            @PositiveOrZero @Max(604_800) Long overlapSeconds) {
    }

    /**
     * An endpoint as its firm sees it. {@code secret} is present only in the answers of a registration and a
     * rotation: the one time it is shown.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebhookEndpointView(UUID id, String url, String description, List<String> eventTypes, boolean enabled,
            Instant createdAt, Instant updatedAt, Instant previousSecretExpiresAt, String secret) {

        static WebhookEndpointView of(WebhookEndpoint e, boolean withSecret) {
            return new WebhookEndpointView(e.id, e.url, e.description, e.eventTypeList(), e.enabled, e.createdAt, e.updatedAt,
                    e.previousSecretExpiresAt, withSecret ? e.secret : null);
        }
    }

    /** One attempt: when, how long, the status the endpoint answered, or the error when it answered none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebhookAttemptView(Instant at, long durationMs, Integer statusCode, String error, boolean manual) {
    }

    /** A delivery with its attempts. {@code id} is the message's {@code webhook-id} without its {@code msg_} prefix. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebhookDeliveryView(UUID id, String webhookId, String eventId, String eventType, WebhookDeliveryStatus status,
            int attemptCount, Integer lastStatusCode, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
            List<WebhookAttemptView> attempts) {

        static WebhookDeliveryView of(WebhookDeliveries.Logged logged) {
            WebhookDelivery d = logged.delivery();
            return new WebhookDeliveryView(d.id, "msg_" + d.id, d.eventId, d.eventType, d.status, d.attempts, d.lastStatusCode,
                    d.createdAt, d.status == WebhookDeliveryStatus.PENDING ? d.nextAttemptAt : null, d.deliveredAt,
                    logged.attempts().stream().map(a -> new WebhookAttemptView(a.attemptedAt, a.durationMs, a.statusCode,
                            a.error, a.manual)).toList());
        }
    }
}
