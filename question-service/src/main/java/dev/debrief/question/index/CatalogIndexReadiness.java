package dev.debrief.question.index;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the index holds the catalog. The data (size, age, search cache hits and misses) is what the
 * benchmark reports; nothing in it is private.
 */
@Readiness
@ApplicationScoped
public class CatalogIndexReadiness implements HealthCheck {

    private final CatalogIndex index;
    private final TextSearch search;

    public CatalogIndexReadiness(CatalogIndex index, TextSearch search) {
        this.index = index;
        this.search = search;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("catalog index").status(index.loaded())
                .withData("questions", index.size())
                .withData("refreshedMillisAgo", System.currentTimeMillis() - index.refreshedAt())
                .withData("searchCacheHits", search.hits())
                .withData("searchCacheMisses", search.misses())
                .withData("searchCacheRevisions", search.revisions())
                .build();
    }
}
