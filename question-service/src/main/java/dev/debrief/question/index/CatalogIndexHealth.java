package dev.debrief.question.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The catalog index's two health checks.
 * <ul>
 * <li>Readiness ({@code catalog index}): ready once the index holds the catalog. The data (size, segments, age,
 * how long the last full load took) is what the benchmark reports; nothing in it is private.</li>
 * <li>Liveness ({@code catalog index writer}): down once Lucene has closed the index writer after a failure it
 * cannot undo (out of disk or of file descriptors in the middle of writing a segment). The replica would
 * otherwise answer from a catalog frozen at that moment for as long as it runs; a failed liveness probe has the
 * platform restart it, and a restart builds the index again from PostgreSQL in seconds.</li>
 * </ul>
 */
@ApplicationScoped
public class CatalogIndexHealth {

    private final CatalogIndex index;

    public CatalogIndexHealth(CatalogIndex index) {
        this.index = index;
    }

    @Produces
    @Readiness
    HealthCheck loaded() {
        return () -> {
            Throwable failure = index.failure();
            if (failure != null) {
                return down("catalog index", failure);
            }
            HealthCheckResponseBuilder answer = HealthCheckResponse.named("catalog index").status(index.loaded())
                    .withData("questions", index.size())
                    .withData("segments", index.segments())
                    .withData("lastFullLoadMillis", index.lastLoadMillis());
            index.viewAgeMillis().ifPresent(age -> answer.withData("refreshedMillisAgo", age));
            return answer.build();
        };
    }

    @Produces
    @Liveness
    HealthCheck writing() {
        return () -> {
            Throwable failure = index.failure();
            return failure == null ? HealthCheckResponse.up("catalog index writer") : down("catalog index writer", failure);
        };
    }

    static HealthCheckResponse down(String name, Throwable failure) {
        return HealthCheckResponse.named(name).down()
                // the kind only: the message names files; the refresh's warning in the log has it whole
                .withData("failure", failure.getClass().getSimpleName())
                .build();
    }
}
