package dev.debrief.question.index;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Down once Lucene has closed the index writer after a failure it cannot undo (out of disk or of file
 * descriptors in the middle of writing a segment). The replica would otherwise answer from a catalog frozen
 * at that moment for as long as it runs; a failed liveness probe has the platform restart it, and a restart
 * builds the index again from PostgreSQL in seconds.
 */
@Liveness
@ApplicationScoped
public class CatalogIndexLiveness implements HealthCheck {

    private final CatalogIndex index;

    public CatalogIndexLiveness(CatalogIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        Throwable failure = index.failure();
        return failure == null ? HealthCheckResponse.up("catalog index writer") : down("catalog index writer", failure);
    }

    static HealthCheckResponse down(String name, Throwable failure) {
        return HealthCheckResponse.named(name).down()
                // the kind only: the message names files; the refresh's warning in the log has it whole
                .withData("failure", failure.getClass().getSimpleName())
                .build();
    }
}
