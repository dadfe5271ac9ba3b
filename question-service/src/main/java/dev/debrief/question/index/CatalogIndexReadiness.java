package dev.debrief.question.index;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the index holds the catalog. The data (size, age, how long the last full load took) is what
 * the benchmark reports; nothing in it is private.
 */
@Readiness
@ApplicationScoped
public class CatalogIndexReadiness implements HealthCheck {

    private final CatalogIndex index;

    public CatalogIndexReadiness(CatalogIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        Throwable failure = index.failure();
        if (failure != null) {
            return CatalogIndexLiveness.down("catalog index", failure);
        }
        return HealthCheckResponse.named("catalog index").status(index.loaded())
                .withData("questions", index.size())
                .withData("refreshedMillisAgo", System.currentTimeMillis() - index.refreshedAt())
                .withData("lastFullLoadMillis", index.lastLoadMillis())
                .build();
    }
}
