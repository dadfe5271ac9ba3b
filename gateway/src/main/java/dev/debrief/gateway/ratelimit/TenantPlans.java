package dev.debrief.gateway.ratelimit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per-firm request budgets from the {@code tenant_plan} table, cached in memory and read again on a
 * schedule, so a request never waits on the database and a database outage keeps the last plans.
 */
@ApplicationScoped
public class TenantPlans {

    private static final Logger LOG = Logger.getLogger(TenantPlans.class);

    /** A firm's budget; {@code burst} is a minute's worth when the row leaves it empty. */
    public record Plan(int requestsPerMinute, int burst) {
    }

    private final AgroalDataSource dataSource;
    private volatile Map<String, Plan> plans = Map.of();

    public TenantPlans(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    public Optional<Plan> of(String tenant) {
        return Optional.ofNullable(plans.get(tenant));
    }

    @Scheduled(every = "${debrief.gateway.rate-limit.plan-refresh}", delayed = "${debrief.gateway.rate-limit.plan-refresh}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        Map<String, Plan> loaded = new HashMap<>();
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(
                        "select tenant, requests_per_minute, burst from gateway.tenant_plan");
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                int perMinute = rows.getInt(2);
                int burst = rows.getInt(3);
                loaded.put(rows.getString(1), new Plan(perMinute, rows.wasNull() ? perMinute : burst));
            }
            plans = Map.copyOf(loaded);
        } catch (SQLException e) {
            LOG.warnf("Could not read tenant plans, keeping the %d known: %s", plans.size(), e.getMessage());
        }
    }
}
