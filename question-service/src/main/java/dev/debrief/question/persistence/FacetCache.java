package dev.debrief.question.persistence;

import dev.debrief.question.config.CatalogConfig;
import dev.debrief.question.messaging.CatalogChanges;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The two read caches of listing: facet counts per filter (they cost a scan of the whole match set while
 * a page costs an index range) and rendered pages per exact query. Both keyed by what the caller may see.
 */
@ApplicationScoped
public class FacetCache {

    private record FacetKey(QuestionFilter filter, QuestionFilter.Visibility visibility) {
    }

    /** An exact page request: filter, visibility, order and window. */
    public record PageKey(QuestionFilter filter, QuestionFilter.Visibility visibility, SortOrder sort, int page,
            int size) {
    }

    private final ReadCache<FacetKey, Map<String, Map<String, Long>>> facets;
    private final ReadCache<PageKey, byte[]> pages;

    public FacetCache(CatalogChanges changes, CatalogConfig config) {
        this.facets = new ReadCache<>(changes, config.facetCacheTtl(), config.facetCacheEntries());
        this.pages = new ReadCache<>(changes, config.pageCacheTtl(), config.pageCacheEntries());
    }

    public Map<String, Map<String, Long>> get(QuestionFilter filter, QuestionFilter.Visibility visibility,
            Supplier<Map<String, Map<String, Long>>> compute) {
        return facets.get(new FacetKey(filter, visibility), compute);
    }

    public byte[] page(PageKey key, Supplier<byte[]> render) {
        return pages.get(key, render);
    }

    /** Hits and misses of both caches, for the benchmark report and metrics. */
    public Map<String, Long> stats() {
        return Map.of("facetHits", facets.hits(), "facetMisses", facets.misses(), "pageHits", pages.hits(),
                "pageMisses", pages.misses());
    }
}
