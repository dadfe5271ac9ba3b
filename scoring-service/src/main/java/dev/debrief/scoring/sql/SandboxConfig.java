package dev.debrief.scoring.sql;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The SQL sandbox's limits. The connection itself comes from the {@code sandbox} datasource, which logs in as the
 * {@code debrief_sandbox} role to the {@code debrief_sandbox} database (see docs/scoring-service.md); that role's own
 * settings (statement, lock and idle timeouts, temp_file_limit, work_mem) are set where the role is created.
 */
@ConfigMapping(prefix = "debrief.scoring.sandbox")
public interface SandboxConfig {

    /** The only schema a sandboxed query may read: the fixture dataset, in the sandbox database. */
    @WithDefault("scoring_fixture")
    String schema();

    /** Per run ({@code SET LOCAL}); the role's own statement_timeout bounds anything else on its connections. */
    @WithDefault("2s")
    Duration statementTimeout();

    /** Rows returned at most; a query with more is cut off and flagged. */
    @WithDefault("1000")
    int rowCap();

    /** The result's size at most, counted over its values as text; a larger result is refused, not cut. */
    @WithDefault("1000000")
    int resultByteCap();
}
