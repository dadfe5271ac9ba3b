package dev.debrief.question.index;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Something computed once per segment and kept while the segment lives (a segment never changes; an edit
 * writes a new small one, and a merge's old segments close): keyed by the segment's core, dropped when it
 * closes, as Lucene's own per-segment caches are.
 */
final class SegmentCache<T> {

    interface Compute<T> {
        T of(LeafReader segment) throws IOException;
    }

    private final Map<Object, T> values = new ConcurrentHashMap<>();
    private final Compute<T> compute;

    SegmentCache(Compute<T> compute) {
        this.compute = compute;
    }

    /** Computes what segments not seen yet need (on a refresh's new searcher, so no request pays for it). */
    void warm(IndexReader reader) {
        reader.leaves().forEach(this::get);
    }

    T get(LeafReaderContext context) {
        LeafReader reader = context.reader();
        IndexReader.CacheHelper core = reader.getCoreCacheHelper();
        if (core == null) {
            return computed(reader);   // not a segment of the writer's (cannot happen here): nothing to key it by
        }
        return values.computeIfAbsent(core.getKey(), key -> {
            core.addClosedListener(values::remove);
            return computed(reader);
        });
    }

    int size() {
        return values.size();
    }

    private T computed(LeafReader reader) {
        try {
            return compute.of(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a catalog segment", e);
        }
    }
}
