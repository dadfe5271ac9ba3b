package dev.debrief.question.config;

import io.quarkus.runtime.configuration.MemorySize;
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

    /**
     * How much the views kept for reads by id may hold, estimated by their JSON (on the heap about half of that for
     * English text, at most twice): a share of the heap (the manifest gives a replica 104 MB, about 47 MB of it live
     * without this cache); 16M keeps the benchmark's 5,000 questions read by id. The least used go first.
     */
    @WithDefault("16M")
    MemorySize viewCacheSize();
}
