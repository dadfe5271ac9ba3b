package dev.debrief.session.webhooks;

import dev.debrief.kit.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** An endpoint's delivery log, and sending one delivery again. */
@ApplicationScoped
public class WebhookDeliveries {

    /** A delivery with its attempts, oldest attempt first. */
    public record Logged(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
    }

    static final int MAX_LISTED = 500;

    private final WebhookEndpoints endpoints;
    private final WebhookDispatcher dispatcher;
    private final WebhooksConfig config;
    private final Clock clock;

    public WebhookDeliveries(WebhookEndpoints endpoints, WebhookDispatcher dispatcher, WebhooksConfig config, Clock clock) {
        this.endpoints = endpoints;
        this.dispatcher = dispatcher;
        this.config = config;
        this.clock = clock;
    }

    /** The endpoint's latest deliveries, newest first, each with every attempt. */
    public List<Logged> log(String tenant, UUID endpointId, WebhookDeliveryStatus status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            endpoints.get(tenant, endpointId);
            List<WebhookDelivery> deliveries = status == null
                    ? WebhookDelivery.find("endpointId = ?1 order by createdAt desc, id", endpointId).page(0, MAX_LISTED).list()
                    : WebhookDelivery.find("endpointId = ?1 and status = ?2 order by createdAt desc, id", endpointId, status)
                            .page(0, MAX_LISTED).list();
            if (deliveries.isEmpty()) {
                return List.of();
            }
            Map<UUID, List<WebhookAttempt>> attempts = WebhookAttempt.<WebhookAttempt>list(
                    "deliveryId in ?1 order by attemptedAt, id", deliveries.stream().map(d -> d.id).toList())
                    .stream().collect(Collectors.groupingBy(a -> a.deliveryId));
            return deliveries.stream().map(d -> new Logged(d, attempts.getOrDefault(d.id, List.of()))).toList();
        });
    }

    /**
     * Sends the delivery again now, whatever its state, and opens a new retry window for it: when this try
     * fails, the schedule retries it as it would a new one.
     */
    public Logged resend(String tenant, UUID endpointId, UUID deliveryId) {
        QuarkusTransaction.requiringNew().run(() -> {
            endpoints.get(tenant, endpointId);
            WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
            if (delivery == null || !delivery.endpointId.equals(endpointId)) {
                throw ProblemException.notFound("webhook delivery", deliveryId);
            }
            Instant now = clock.instant();
            delivery.status = WebhookDeliveryStatus.PENDING;
            delivery.windowStart = now;
            delivery.deliveredAt = null;
            delivery.nextAttemptAt = now.plus(config.claimLease()); // ours: the dispatcher leaves it alone meanwhile
        });
        dispatcher.attempt(deliveryId, true);
        return QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
            if (delivery == null) { // its endpoint was deleted while it was sent
                throw ProblemException.notFound("webhook delivery", deliveryId);
            }
            return new Logged(delivery, WebhookAttempt.list("deliveryId = ?1 order by attemptedAt, id", deliveryId));
        });
    }
}
