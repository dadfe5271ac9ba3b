package dev.debrief.question.persistence;

import dev.debrief.question.messaging.CatalogChanges;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A short-lived read cache: an entry dies after its TTL or at once when this replica commits a catalog
 * change (the generation moves on). Bounded: when full it starts over rather than evicting carefully.
 * Other replicas' changes show after at most the TTL, which the catalog accepts for lists and facets.
 */
public final class ReadCache<K, V> {

    private record Entry<V>(long generation, long expiresAt, V value) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final CatalogChanges changes;
    private final long ttlNanos;
    private final int maxEntries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public ReadCache(CatalogChanges changes, java.time.Duration ttl, int maxEntries) {
        this.changes = changes;
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    public V get(K key, Supplier<V> compute) {
        if (ttlNanos <= 0) {
            return compute.get();
        }
        long now = System.nanoTime();
        long generation = changes.generation();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.generation == generation && now - entry.expiresAt < 0) {
            hits.increment();
            return entry.value;
        }
        misses.increment();
        V value = compute.get();
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(generation, now + ttlNanos, value));
        return value;
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }
}
