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
     * How many full-text matches (about 4 bytes each) the per-text search cache may hold in total; 0 turns it
     * off. The least recently used texts go first; after a catalog change, a cached text is revised with the
     * changed questions only.
     */
    @WithDefault("1000000")
    int searchCacheMatches();
}
