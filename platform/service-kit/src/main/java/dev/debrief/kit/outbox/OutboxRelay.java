package dev.debrief.kit.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows to Kafka in commit order, then stamps them published. One relay drains at a
 * time across all replicas (a PostgreSQL advisory lock), which keeps each key's events in order. If
 * Kafka is down the batch rolls back and is retried; consumers are idempotent on the event id, so a
 * retry after a partial send does no harm.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary, fixed: the advisory lock key that serialises relays of one service. */
    private static final long RELAY_LOCK = 0x0de6_81ef_0001L;
    static final int BUSY = -1;
    private static final int MAX_BUSY_RETRIES = 40;
    private static final long BUSY_PAUSE_MILLIS = 25;

    private final EntityManager entityManager;
    private final Emitter<String> emitter;
    private final Clock clock;
    private final int batchSize;
    private final Duration sendTimeout;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("outbox-relay").factory());
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** False until the first poll: at start-up the Kafka channel may not be wired yet, and the poll catches up. */
    private volatile boolean accepting;

    public OutboxRelay(EntityManager entityManager, @Channel("outbox") Emitter<String> emitter, Clock clock,
            @ConfigProperty(name = "debrief.outbox.batch-size", defaultValue = "200") int batchSize,
            @ConfigProperty(name = "debrief.outbox.send-timeout", defaultValue = "PT10S") Duration sendTimeout) {
        this.entityManager = entityManager;
        this.emitter = emitter;
        this.clock = clock;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
    }

    /** Asks for a drain soon; many nudges while one is pending coalesce into one drain. */
    public void nudge() {
        if (accepting && !worker.isShutdown() && scheduled.compareAndSet(false, true)) {
            try {
                worker.submit(this::drainQuietly);
            } catch (RejectedExecutionException e) {
                // shutting down: the next start's poll publishes what is left
            }
        }
    }

    /** The safety net for nudges lost to a crash or a Kafka outage. */
    @Scheduled(every = "${debrief.outbox.poll-interval:2s}", delayed = "${debrief.outbox.first-poll-delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        accepting = true;
        nudge();
    }

    private void drainQuietly() {
        scheduled.set(false);
        try {
            int published;
            int busyRetries = 0;
            while ((published = drainBatch()) == batchSize
                    || (published == BUSY && busyRetries++ < MAX_BUSY_RETRIES && pause())) {
                // a full batch may have more behind it; a busy lock means another replica is draining and may
                // have read its batch before our commit, so look again shortly rather than at the next poll
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay could not publish, will retry: %s", e.getMessage());
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(BUSY_PAUSE_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @return how many events were published, or {@link #BUSY} when another relay holds the lock */
    public int drainBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                    .setParameter("key", RELAY_LOCK).getSingleResult();
            if (!locked) {
                return BUSY;
            }
            List<OutboxEvent> batch = OutboxEvent.<OutboxEvent>find("publishedAt is null order by seq")
                    .page(0, batchSize).list();
            if (batch.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<Void>> acks = batch.stream().map(this::send).toList();
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            var now = clock.instant();
            batch.forEach(row -> row.publishedAt = now);
            return batch.size();
        });
    }

    private CompletableFuture<Void> send(OutboxEvent row) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.messageKey)
                .build();
        Message<String> message = Message.of(row.payload)
                .addMetadata(metadata)
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return ack;
    }

    /** Published rows are kept a while for audit and replay questions, then removed. */
    @Scheduled(every = "1h", delayed = "1m")
    void purgePublished() {
        QuarkusTransaction.requiringNew().run(() -> OutboxEvent.delete("publishedAt < ?1",
                clock.instant().minus(Duration.ofDays(7))));
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }
}
