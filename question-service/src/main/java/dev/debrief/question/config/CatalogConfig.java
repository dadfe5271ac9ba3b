package dev.debrief.question.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "debrief.catalog")
public interface CatalogConfig {

    /** Classpath resources loaded into the public catalog at startup, in order; missing ones are skipped. */
    @WithDefault("seed/catalog.json")
    List<String> seedResources();

    /**
     * How often the in-memory index asks PostgreSQL for other replicas' changes (a delta query that returns
     * nothing when nothing changed); also the bound on how stale their changes can look here.
     */
    @WithDefault("1s")
    Duration refreshInterval();

    /**
     * The folder under which each replica makes its index's temporary directory (removed at shutdown);
     * the system's temporary folder when not set. The index is memory-mapped from there.
     */
    java.util.Optional<java.nio.file.Path> indexParent();
}
