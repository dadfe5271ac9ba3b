package dev.debrief.question.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.debrief.contracts.Json;
import dev.debrief.question.catalog.domain.QuestionStatus;

import java.util.UUID;

/**
 * The question views kept for reads by id, bounded by their estimated size rather than their number (least used
 * first out): one question may carry about 160 KB of text (ten exemplars of 8,000 characters, follow-ups, a reference
 * query), so a bound on entries alone let anyone who can write and read questions fill a replica's heap with them.
 */
final class ViewCache {

    /** One cached view with who may read it. */
    record Entry(QuestionView view, String tenant, QuestionStatus status) {
    }

    /** Per entry beyond its text: the records, lists, boxed values and the cache's own node. */
    static final int OVERHEAD = 512;

    private final Cache<UUID, Entry> entries;

    ViewCache(long maxBytes) {
        // Caffeine weighs an entry once, as it goes in
        this.entries = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((UUID id, Entry e) -> weight(e.view())).build();
    }

    Entry get(UUID id) {
        return entries.getIfPresent(id);
    }

    void put(UUID id, Entry entry) {
        entries.put(id, entry);
    }

    void invalidate(UUID id) {
        entries.invalidate(id);
    }

    /** What the kept views are estimated to hold, after pending evictions. */
    long bytes() {
        entries.cleanUp();
        return entries.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /**
     * The view's JSON in bytes, plus {@link #OVERHEAD}. Its text is most of it: a Latin-1 string holds a byte a
     * character, and its JSON no fewer (the keys add to it: a seeded view's JSON of 2.7 KB is about 1.5 KB on the heap);
     * a string with any character beyond Latin-1 holds two bytes for each, which UTF-8 matches beyond the Latin
     * letters and undercounts at most twice for mostly-English text with one such character.
     */
    static int weight(QuestionView view) {
        return (int) Math.min(Integer.MAX_VALUE, (long) Json.bytes(view).length + OVERHEAD);
    }
}
