package dev.debrief.question.index;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.LongValues;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facet counts over a set of matches, from each segment's facet values held in the heap as flat arrays.
 * <p>
 * Lucene's {@code SortedSetDocValuesFacetCounts} decodes each matching document's values from the
 * memory-mapped doc values on every request; at 100,000 questions that was a fifth of a list's CPU. The
 * values are the same (the {@code $facets} sorted-set field that {@link FacetsConfig} writes, and its global
 * ordinals from Lucene's reader state); only where they are read from differs: 4 bytes per value per document
 * (about 5 MB at 100,000 questions), built once per segment. {@code ListsOverMatchesTest} checks the counts
 * against Lucene's own on one segment and on many.
 */
final class FacetCounts {

    /** One segment's values: document d's are {@code ords[start[d] .. start[d + 1])}, segment ordinals. */
    private record Segment(int[] start, int[] ords, int valueCount) {

        static Segment of(LeafReader reader, String field) throws IOException {
            int n = reader.maxDoc();
            int[] start = new int[n + 1];
            int[] ords = new int[Math.max(16, n * 8)];
            int used = 0;
            SortedSetDocValues values = DocValues.getSortedSet(reader, field);
            int next = 0;
            for (int d = values.nextDoc(); d != SortedSetDocValues.NO_MORE_DOCS; d = values.nextDoc()) {
                while (next <= d) {
                    start[next++] = used;
                }
                int count = values.docValueCount();
                if (used + count > ords.length) {
                    ords = Arrays.copyOf(ords, Math.max(used + count, ords.length * 2));
                }
                for (int i = 0; i < count; i++) {
                    ords[used++] = (int) values.nextOrd();
                }
            }
            while (next <= n) {
                start[next++] = used;
            }
            return new Segment(start, Arrays.copyOf(ords, used), (int) values.getValueCount());
        }
    }

    /** What one point-in-time view counts with: its global ordinals' dimensions and labels, each segment's map. */
    static final class View {
        private final SortedSetDocValuesReaderState state;
        private final String[] labels;
        private final List<Segment> segments;
        private final LongValues[] toGlobal;

        private View(SortedSetDocValuesReaderState state, List<Segment> segments) throws IOException {
            this.state = state;
            this.segments = segments;
            SortedSetDocValues all = state.getDocValues();
            OrdinalMap map = all instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
            this.toGlobal = new LongValues[segments.size()];
            for (int i = 0; i < segments.size(); i++) {
                toGlobal[i] = map == null ? LongValues.IDENTITY : map.getGlobalOrds(i);
            }
            this.labels = new String[state.getSize()];
            for (int ord = 0; ord < labels.length; ord++) {
                String[] path = FacetsConfig.stringToPath(all.lookupOrd(ord).utf8ToString());
                labels[ord] = path[path.length - 1];
            }
        }

        /**
         * Per dimension, each value's count among the matches (values no match has are left out), in the
         * ordinals' order: the values' code point order. A dimension in {@code most} keeps only its that many most
         * frequent values, most frequent first, ties in code point order (Lucene's {@code getTopChildren} order):
         * picked from the counts as primitives, where sorting every value's boxed entry was a sixteenth of a list's
         * CPU (435 tags).
         */
        Map<String, Map<String, Integer>> count(MatchedDocs matches, List<String> dims, Map<String, Integer> most) {
            int[] counts = new int[labels.length];
            for (MatchedDocs.Leaf leaf : matches.leaves()) {
                if (leaf.count() > 0) {
                    countSegment(leaf, counts);
                }
            }
            Map<String, Map<String, Integer>> out = new HashMap<>();
            for (String dim : dims) {
                Map<String, Integer> values = new LinkedHashMap<>();
                SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
                if (range != null) {
                    Integer limit = most.get(dim);
                    if (limit == null) {
                        for (int ord = range.start(); ord <= range.end(); ord++) {
                            if (counts[ord] > 0) {
                                values.put(labels[ord], counts[ord]);
                            }
                        }
                    } else {
                        for (int ord : mostFrequent(counts, range, limit)) {
                            values.put(labels[ord], counts[ord]);
                        }
                    }
                }
                out.put(dim, values);
            }
            return out;
        }

        /** The ordinals of the {@code limit} highest counts in {@code range}, highest first, ties by ordinal. */
        private static int[] mostFrequent(int[] counts, SortedSetDocValuesReaderState.OrdRange range, int limit) {
            long[] keyed = new long[range.end() - range.start() + 1];
            int n = 0;
            for (int ord = range.start(); ord <= range.end(); ord++) {
                if (counts[ord] > 0) {
                    keyed[n++] = ((long) (Integer.MAX_VALUE - counts[ord]) << 32) | ord;   // ascending: count desc, ord asc
                }
            }
            Arrays.sort(keyed, 0, n);
            int[] ords = new int[Math.min(limit, n)];
            for (int i = 0; i < ords.length; i++) {
                ords[i] = (int) keyed[i];
            }
            return ords;
        }

        private void countSegment(MatchedDocs.Leaf leaf, int[] counts) {
            int index = leaf.context().ord;
            Segment segment = segments.get(index);
            int[] local = new int[segment.valueCount()];
            int[] start = segment.start();
            int[] ords = segment.ords();
            long[] words = leaf.bits().getBits();
            for (int w = 0; w < words.length; w++) {
                long word = words[w];
                while (word != 0) {
                    int doc = (w << 6) + Long.numberOfTrailingZeros(word);
                    word &= word - 1;
                    for (int i = start[doc]; i < start[doc + 1]; i++) {
                        local[ords[i]]++;
                    }
                }
            }
            LongValues global = toGlobal[index];
            for (int ord = 0; ord < local.length; ord++) {
                if (local[ord] > 0) {
                    counts[(int) global.get(ord)] += local[ord];
                }
            }
        }
    }

    private final SegmentCache<Segment> segments;
    private final FacetsConfig config;

    FacetCounts(FacetsConfig config) {
        this.config = config;
        this.segments = new SegmentCache<>(reader -> Segment.of(reader, FacetsConfig.DEFAULT_INDEX_FIELD_NAME));
    }

    /**
     * The view of {@code reader} (on a refresh: its new segments' values read here, not on a request); null for
     * an index without facet values yet (an empty one).
     */
    View view(IndexReader reader) throws IOException {
        if (reader.maxDoc() == 0) {
            return null;
        }
        SortedSetDocValuesReaderState state;
        try {
            state = new DefaultSortedSetDocValuesReaderState(reader, config);
        } catch (IllegalArgumentException noFacetsYet) {
            return null;
        }
        List<Segment> perSegment = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            perSegment.add(segments.get(leaf));
        }
        return new View(state, perSegment);
    }
}
