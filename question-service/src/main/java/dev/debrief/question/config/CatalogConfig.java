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

    /** How long facet counts of one filter are reused; a write on this replica invalidates them at once. */
    @WithDefault("PT10S")
    Duration facetCacheTtl();

    @WithDefault("5000")
    int facetCacheEntries();

    /** How long a rendered page of one exact query is reused; zero turns the page cache off. */
    @WithDefault("PT5S")
    Duration pageCacheTtl();

    @WithDefault("3000")
    int pageCacheEntries();
}
