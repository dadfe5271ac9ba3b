package dev.debrief.kit.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The outbox as an operator sees it: how many events wait for Kafka and how old the oldest is. Read from the
 * database on a schedule (the partial index on unpublished rows keeps it cheap), not on every scrape; while the
 * database is away the gauges keep their last reading.
 */
@Startup
@ApplicationScoped
public class OutboxGauges {

    private final EntityManager entityManager;
    private final Clock clock;
    private final AtomicReference<Reading> last = new AtomicReference<>(new Reading(0, null));

    private record Reading(long backlog, Instant oldest) {
    }

    public OutboxGauges(EntityManager entityManager, Clock clock, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.clock = clock;
        Gauge.builder("debrief.outbox.backlog", last, r -> r.get().backlog())
                .description("Events written to the outbox and not yet published to Kafka")
                .register(registry);
        Gauge.builder("debrief.outbox.oldest.unpublished.age", last, this::oldestAgeSeconds)
                .description("Age of the oldest event not yet published to Kafka; 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
    }

    private double oldestAgeSeconds(AtomicReference<Reading> reading) {
        Instant oldest = reading.get().oldest();
        return oldest == null ? 0 : Math.max(0, (clock.millis() - oldest.toEpochMilli()) / 1000.0);
    }

    @Scheduled(every = "${debrief.metrics.outbox-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                    "select count(*), min(created_at) from outbox_event where published_at is null").getSingleResult());
            last.set(new Reading(((Number) row[0]).longValue(), instant(row[1])));
        } catch (RuntimeException e) {
            // the database is away: keep the last reading (the age keeps growing with the clock)
        }
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case Timestamp t -> t.toInstant();
            case OffsetDateTime o -> o.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }
}
