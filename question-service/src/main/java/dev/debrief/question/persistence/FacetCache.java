package dev.debrief.question.persistence;

import dev.debrief.question.config.CatalogConfig;
import dev.debrief.question.messaging.CatalogChanges;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Facet counts (and so the total) of one filter as one visibility sees it, reused briefly: they cost a scan
 * of the whole match set while a page costs an index range. Entries die after the TTL or at once when this
 * replica commits a catalog change. Bounded: when full it starts over rather than evicting carefully.
 */
@ApplicationScoped
public class FacetCache {

    private record Key(QuestionFilter filter, QuestionFilter.Visibility visibility) {
    }

    private record Entry(long generation, long expiresAt, Map<String, Map<String, Long>> facets) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final CatalogChanges changes;
    private final long ttlNanos;
    private final int maxEntries;

    public FacetCache(CatalogChanges changes, CatalogConfig config) {
        this.changes = changes;
        this.ttlNanos = config.facetCacheTtl().toNanos();
        this.maxEntries = config.facetCacheEntries();
    }

    public Map<String, Map<String, Long>> get(QuestionFilter filter, QuestionFilter.Visibility visibility,
            Supplier<Map<String, Map<String, Long>>> compute) {
        Key key = new Key(filter, visibility);
        long now = System.nanoTime();
        long generation = changes.generation();
        Entry entry = entries.get(key);
        if (entry != null && entry.generation == generation && now - entry.expiresAt < 0) {
            return entry.facets;
        }
        Map<String, Map<String, Long>> facets = compute.get();
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry(generation, now + ttlNanos, facets));
        return facets;
    }
}
