package dev.debrief.session.webhooks;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends what is due. A run claims up to a batch of due deliveries in one short transaction (pushing their
 * {@code next_attempt_at} a lease ahead, {@code skip locked}, so replicas share the work and a crash mid-send
 * only delays a retry), sends each outside any transaction, then records the attempt and the next step of the
 * schedule. Every attempt resolves and checks the host again and connects to the address it checked.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final EntityManager entityManager;
    private final WebhookSender sender;
    private final DestinationPolicy policy;
    private final RetrySchedule schedule;
    private final WebhooksConfig config;
    private final Clock clock;

    public WebhookDispatcher(EntityManager entityManager, WebhookSender sender, DestinationPolicy policy,
            RetrySchedule schedule, WebhooksConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.sender = sender;
        this.policy = policy;
        this.schedule = schedule;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${debrief.webhooks.dispatch-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        dispatchDue();
    }

    /** @return how many deliveries were attempted */
    public int dispatchDue() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> claimed = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                update webhook_delivery set next_attempt_at = :lease where id in (
                    select d.id from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
                    where d.status = 'PENDING' and d.next_attempt_at <= :now and e.enabled
                    order by d.next_attempt_at limit :batch for update of d skip locked)
                returning id""", UUID.class)
                .setParameter("lease", now.plus(config.claimLease()))
                .setParameter("now", now)
                .setParameter("batch", config.batchSize())
                .getResultList());
        claimed.forEach(id -> attempt(id, false));
        return claimed.size();
    }

    /** One attempt at a delivery now; {@code manual} when a resend asked for it. */
    public WebhookSender.Outcome attempt(UUID deliveryId, boolean manual) {
        Prepared prepared = QuarkusTransaction.requiringNew().call(() -> prepare(deliveryId));
        if (prepared == null) {
            return null; // the endpoint was deleted meanwhile
        }
        WebhookSender.Outcome outcome;
        try {
            outcome = sender.send(policy.check(prepared.url), prepared.headers, prepared.body);
        } catch (RefusedDestination e) {
            outcome = new WebhookSender.Outcome(null, "refused: " + e.getMessage(), 0);
        }
        WebhookSender.Outcome result = outcome;
        QuarkusTransaction.requiringNew().run(() -> record(deliveryId, prepared.at, result, manual));
        return outcome;
    }

    private record Prepared(String url, Map<String, String> headers, String body, Instant at) {
    }

    private Prepared prepare(UUID deliveryId) {
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
        WebhookEndpoint endpoint = delivery == null ? null : WebhookEndpoint.findById(delivery.endpointId);
        if (endpoint == null) {
            return null;
        }
        Instant at = clock.instant();
        String messageId = "msg_" + delivery.id;
        long timestamp = at.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("user-agent", "Debrief-Webhooks/1");
        headers.put("webhook-id", messageId);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.header(endpoint.signingSecrets(at), messageId, timestamp,
                delivery.payload));
        return new Prepared(endpoint.url, headers, delivery.payload, at);
    }

    private void record(UUID deliveryId, Instant at, WebhookSender.Outcome outcome, boolean manual) {
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
        if (delivery == null) {
            return;
        }
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.deliveryId = deliveryId;
        attempt.attemptedAt = at;
        attempt.durationMs = outcome.durationMs();
        attempt.statusCode = outcome.statusCode();
        attempt.error = outcome.error();
        attempt.manual = manual;
        attempt.persist();
        delivery.attempts++;
        delivery.lastStatusCode = outcome.statusCode();
        if (outcome.delivered()) {
            delivery.status = WebhookDeliveryStatus.DELIVERED;
            delivery.deliveredAt = clock.instant();
            delivery.nextAttemptAt = null;
            return;
        }
        // every attempt since the window opened failed, this one included (a success ends the delivery)
        int failures = (int) WebhookAttempt.count("deliveryId = ?1 and attemptedAt >= ?2", deliveryId,
                delivery.windowStart);
        var next = schedule.next(Math.max(failures, 1), delivery.windowStart, clock.instant());
        delivery.status = next.isPresent() ? WebhookDeliveryStatus.PENDING : WebhookDeliveryStatus.FAILED;
        delivery.nextAttemptAt = next.orElse(null);
        LOG.debugf("Webhook delivery %s failed (%s), next %s", deliveryId,
                outcome.statusCode() != null ? outcome.statusCode() : outcome.error(), next.orElse(null));
    }
}
