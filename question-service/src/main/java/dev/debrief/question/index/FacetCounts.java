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
 * ordinals from Lucene's reader state); only where they are read from differs: a row of ints per document
 * (about 5 MB at 100,000 questions), built once per segment. {@code ListsOverMatchesTest} checks the counts
 * against Lucene's own on one segment and on many.
 */
final class FacetCounts {

    /** The share of a segment's documents whose values fit in their row; the rest keep theirs aside. */
    private static final double IN_ROW = 0.99;

    /**
     * One segment's values: a row of {@code width} ints per document, its count of values, then its segment
     * ordinals, so counting a match reads one place in memory (a start offset beside the values cost a second
     * read per match, and about a tenth more CPU per list: docs/benchmarks/question-service.md). The row is as
     * wide as 99% of the documents need; a document with more values (a question may have 52) keeps them in
     * {@code aside}, its row holding where they start.
     */
    private record Segment(int[] rows, int width, int[] aside, int valueCount) {

        static Segment of(LeafReader reader, String field) throws IOException {
            int n = reader.maxDoc();
            int[] docsWith = new int[1];   // documents by how many values they have
            SortedSetDocValues values = DocValues.getSortedSet(reader, field);
            for (int d = values.nextDoc(); d != SortedSetDocValues.NO_MORE_DOCS; d = values.nextDoc()) {
                int count = values.docValueCount();
                if (count >= docsWith.length) {
                    docsWith = Arrays.copyOf(docsWith, count + 1);
                }
                docsWith[count]++;
            }
            int width = rowWidth(docsWith, n);
            int[] rows = new int[n * width];
            int[] aside = new int[valuesAside(docsWith, width)];
            int used = 0;
            values = DocValues.getSortedSet(reader, field);
            for (int d = values.nextDoc(); d != SortedSetDocValues.NO_MORE_DOCS; d = values.nextDoc()) {
                int count = values.docValueCount();
                int at = d * width;
                rows[at] = count;
                if (count < width) {
                    for (int i = 1; i <= count; i++) {
                        rows[at + i] = (int) values.nextOrd();
                    }
                } else {
                    rows[at + 1] = used;
                    for (int i = 0; i < count; i++) {
                        aside[used++] = (int) values.nextOrd();
                    }
                }
            }
            return new Segment(rows, width, aside, (int) values.getValueCount());
        }

        /** A count and the values of {@link #IN_ROW} of the documents; at least two ints (a count and where). */
        private static int rowWidth(int[] docsWith, int docs) {
            int values = 0;
            long covered = docs - Arrays.stream(docsWith).sum();   // the documents without values
            while (covered < IN_ROW * docs && values < docsWith.length - 1) {
                covered += docsWith[++values];
            }
            return Math.max(2, values + 1);
        }

        private static int valuesAside(int[] docsWith, int width) {
            int n = 0;
            for (int count = width; count < docsWith.length; count++) {
                n += count * docsWith[count];
            }
            return n;
        }

        /** Adds one to {@code local} at each value of {@code doc}. */
        void count(int doc, int[] local) {
            int at = doc * width;
            int count = rows[at];
            if (count < width) {
                for (int i = at + 1, end = at + 1 + count; i < end; i++) {
                    local[rows[i]]++;
                }
            } else {
                for (int i = rows[at + 1], end = i + count; i < end; i++) {
                    local[aside[i]]++;
                }
            }
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
            long[] words = leaf.bits().getBits();
            for (int w = 0; w < words.length; w++) {
                long word = words[w];
                while (word != 0) {
                    segment.count((w << 6) + Long.numberOfTrailingZeros(word), local);
                    word &= word - 1;
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
