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

import java.sql.SQLException;
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
 * time across all replicas (a PostgreSQL advisory lock, waited for rather than skipped, so a replica whose commit
 * landed during another's drain publishes right after it), which keeps each key's events in order. If
 * Kafka is down the batch rolls back and is retried; consumers are idempotent on the event id, so a
 * retry after a partial send does no harm.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /**
     * Arbitrary, fixed: with the service's schema it names the advisory lock that serialises the relays of one
     * service. Services share a database, so the schema keeps one service's drain from waiting on another's.
     */
    private static final int RELAY_LOCK = 0x0de6_81ef;
    static final int BUSY = -1;
    private static final int MAX_BUSY_RETRIES = 3;

    private final EntityManager entityManager;
    private final Emitter<String> emitter;
    private final Clock clock;
    private final int batchSize;
    private final Duration sendTimeout;
    private final Duration lockWait;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("outbox-relay").factory());
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** False until the first poll: at start-up the Kafka channel may not be wired yet, and the poll catches up. */
    private volatile boolean accepting;

    public OutboxRelay(EntityManager entityManager, @Channel("outbox") Emitter<String> emitter, Clock clock,
            @ConfigProperty(name = "debrief.outbox.batch-size", defaultValue = "200") int batchSize,
            @ConfigProperty(name = "debrief.outbox.send-timeout", defaultValue = "PT10S") Duration sendTimeout,
            @ConfigProperty(name = "debrief.outbox.lock-wait", defaultValue = "PT5S") Duration lockWait) {
        this.entityManager = entityManager;
        this.emitter = emitter;
        this.clock = clock;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.lockWait = lockWait;
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
    // not while the application starts (its Kafka channel, which this bean's constructor needs, is not wired yet
    // on a slow start) or stops
    @Scheduled(every = "${debrief.outbox.poll-interval:2s}", delayed = "${debrief.outbox.first-poll-delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        accepting = true;
        nudge();
    }

    private void drainQuietly() {
        scheduled.set(false);
        try {
            int published;
            int busyRetries = 0;
            while ((published = drainBatch()) == batchSize || (published == BUSY && busyRetries++ < MAX_BUSY_RETRIES)) {
                // a full batch may have more behind it; BUSY means another replica held the lock for the whole
                // lock wait (a slow broker): try again rather than wait for the next poll
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay could not publish, will retry: %s", e.getMessage());
        }
    }

    /**
     * Takes the relay lock, waiting while another replica drains (at most the lock wait): whoever waited then
     * publishes what that replica's batch did not include, right after it, instead of at the next poll.
     *
     * @return how many events were published, or {@link #BUSY} when the lock was not free within the lock wait
     */
    public int drainBatch() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                entityManager.createNativeQuery("select set_config('lock_timeout', :wait, true)")
                        .setParameter("wait", lockWait.toMillis() + "ms").getSingleResult();
                entityManager.createNativeQuery(
                        "select 1 from (select pg_advisory_xact_lock(:key, hashtext(current_schema()))) locked")
                        .setParameter("key", RELAY_LOCK).getSingleResult();
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
        } catch (RuntimeException e) {
            if (isLockTimeout(e)) {
                return BUSY;
            }
            throw e;
        }
    }

    /** PostgreSQL's lock_not_available (55P03): the lock wait ran out while another relay held the lock. */
    private static boolean isLockTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private CompletableFuture<Void> send(OutboxEvent row) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.messageKey)
                .withHeaders(RecordHeadersOf.event(row))
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
