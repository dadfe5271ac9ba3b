package dev.debrief.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The SQL sandbox's limits. */
@ConfigMapping(prefix = "debrief.scoring.sandbox")
public interface SandboxConfig {

    /** The only schema a sandboxed query may read: the fixture dataset the migration fills. */
    @WithDefault("scoring_fixture")
    String schema();

    /** The NOLOGIN role a sandboxed query runs as (SELECT on the fixture, nothing else). */
    @WithDefault("scoring_sandbox")
    String role();

    @WithDefault("2s")
    Duration statementTimeout();

    /** Rows returned at most; a query with more is cut off and flagged. */
    @WithDefault("1000")
    int rowCap();
}
