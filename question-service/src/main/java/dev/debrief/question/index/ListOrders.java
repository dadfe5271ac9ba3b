package dev.debrief.question.index;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.IntroSorter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each segment's documents in every list order, computed once per segment (a segment never changes; an edit
 * writes a new small one), so a page of a list is the first matches met walking that order: no sort values
 * read or compared per match. Lucene's own sorting collector compares and copies the sort values of every
 * competitive match of every request (the title's copy decompresses a block of its terms), which was most of
 * a list's cost; index sorting would give one order only, and lists have eight.
 * <p>
 * Across segments (the big one and the small ones of recent edits) the first matches of each are merged by
 * their sort values, read for those few documents only.
 */
final class ListOrders {

    /** A document of the page: top-level id. */
    private record Hit(int leaf, int doc, int topLevelDoc) {
    }

    /** Fewer matches than one in this many documents of a segment: sort the matches rather than walk the order. */
    private static final int SPARSE = 64;

    private final SegmentCache<Segment> segments = new SegmentCache<>(Segment::new);

    /** Computes the orders of segments not seen yet (a refresh's new searcher: not on a request). */
    void warm(IndexReader reader) {
        segments.warm(reader);
    }

    /**
     * The top-level ids of the first {@code wanted} matches in {@code order} (all of them when fewer match).
     */
    int[] first(MatchedDocs matches, SortOrder order, int wanted) throws IOException {
        List<MatchedDocs.Leaf> leaves = matches.leaves().stream().filter(l -> l.count() > 0).toList();
        if (leaves.isEmpty()) {
            return new int[0];
        }
        if (leaves.size() == 1) {
            MatchedDocs.Leaf only = leaves.get(0);
            int[] docs = segments.get(only.context()).first(only, order, wanted);
            for (int i = 0; i < docs.length; i++) {
                docs[i] += only.context().docBase;
            }
            return docs;
        }
        List<Hit> hits = new ArrayList<>();
        List<SortKeys> keys = new ArrayList<>();
        for (int l = 0; l < leaves.size(); l++) {
            MatchedDocs.Leaf leaf = leaves.get(l);
            Segment segment = segments.get(leaf.context());
            keys.add(new SortKeys(segment, leaf.context().reader()));
            for (int doc : segment.first(leaf, order, wanted)) {
                hits.add(new Hit(l, doc, leaf.context().docBase + doc));
            }
        }
        hits.sort(across(order, keys));
        return hits.stream().limit(wanted).mapToInt(Hit::topLevelDoc).toArray();
    }

    /** Compares two hits of different segments by the order's values, ending on the id as every order does. */
    private static Comparator<Hit> across(SortOrder order, List<SortKeys> keys) {
        Comparator<Hit> title = (a, b) -> keys.get(a.leaf()).title(a.doc()).compareTo(keys.get(b.leaf()).title(b.doc()));
        Comparator<Hit> id = Comparator.<Hit>comparingLong(h -> keys.get(h.leaf()).segment.idHigh[h.doc()])
                .thenComparingLong(h -> keys.get(h.leaf()).segment.idLow[h.doc()]);
        Comparator<Hit> updated = Comparator.comparingLong(h -> keys.get(h.leaf()).segment.updated[h.doc()]);
        Comparator<Hit> rank = Comparator.comparingInt(h -> keys.get(h.leaf()).segment.rank[h.doc()]);
        Comparator<Hit> time = Comparator.comparingInt(h -> keys.get(h.leaf()).segment.time[h.doc()]);
        return switch (order) {
            case TITLE -> title.thenComparing(id);
            case TITLE_DESC -> title.thenComparing(id).reversed();
            case UPDATED -> updated.thenComparing(id);
            case UPDATED_DESC -> updated.thenComparing(id).reversed();
            case DIFFICULTY -> rank.thenComparing(title).thenComparing(id);
            case DIFFICULTY_DESC -> rank.reversed().thenComparing(title).thenComparing(id);
            case TIME_BUDGET -> time.thenComparing(id);
            case TIME_BUDGET_DESC -> time.reversed().thenComparing(id);
            case RELEVANCE -> throw new IllegalArgumentException("relevance is the search's score, not a list order");
        };
    }

    /** A segment's titles, looked up for the few documents a merge compares. */
    private static final class SortKeys {
        final Segment segment;
        final SortedDocValues titles;
        private final Map<Integer, BytesRef> looked = new HashMap<>();

        SortKeys(Segment segment, LeafReader reader) throws IOException {
            this.segment = segment;
            this.titles = DocValues.getSorted(reader, Fields.TITLE_SORT);
        }

        BytesRef title(int doc) {
            return looked.computeIfAbsent(doc, d -> {
                try {
                    return BytesRef.deepCopyOf(titles.lookupOrd(segment.titleOrd[d]));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** One segment's sort values (heap arrays) and its documents in each order. */
    private static final class Segment {
        final int[] titleOrd;
        final long[] idHigh;
        final long[] idLow;
        final long[] updated;
        final int[] rank;
        final int[] time;
        /** Forward orders; a descending title or update order is the walk backwards of the ascending one. */
        final Map<SortOrder, int[]> orders = new EnumMap<>(SortOrder.class);
        /** Each forward order's inverse: a document's place in the walk, so few matches sort as plain ints. */
        final Map<SortOrder, int[]> places = new EnumMap<>(SortOrder.class);

        Segment(LeafReader reader) throws IOException {
            int n = reader.maxDoc();
            titleOrd = new int[n];
            idHigh = new long[n];
            idLow = new long[n];
            updated = new long[n];
            rank = new int[n];
            time = new int[n];
            SortedDocValues titles = DocValues.getSorted(reader, Fields.TITLE_SORT);
            for (int d = titles.nextDoc(); d != SortedDocValues.NO_MORE_DOCS; d = titles.nextDoc()) {
                titleOrd[d] = titles.ordValue();
            }
            read(DocValues.getNumeric(reader, Fields.ID_HIGH), (d, v) -> idHigh[d] = v);
            read(DocValues.getNumeric(reader, Fields.ID_LOW), (d, v) -> idLow[d] = v);
            read(DocValues.getNumeric(reader, Fields.UPDATED), (d, v) -> updated[d] = v);
            read(DocValues.getNumeric(reader, Fields.DIFFICULTY_RANK), (d, v) -> rank[d] = (int) v);
            read(DocValues.getNumeric(reader, Fields.TIME_BUDGET), (d, v) -> time[d] = (int) v);
            // two sorts, the other orders derived from them by stable passes over small keys (every order ends on
            // the id, so bucketing the id order by a value keeps the id as the tie-breaker): a third of the CPU of
            // six sorts, on the first view of a load and after every merge
            int[] byId = sorted(allDocs(n), this::id);
            int[] byTitle = byKey(byId, titleOrd, false);
            int[] timeRanks = denseRanks(time);
            put(SortOrder.TITLE, byTitle);
            put(SortOrder.UPDATED, sorted(allDocs(n), (a, b) -> then(Long.compare(updated[a], updated[b]), a, b)));
            put(SortOrder.DIFFICULTY, byKey(byTitle, rank, false));
            put(SortOrder.DIFFICULTY_DESC, byKey(byTitle, rank, true));
            put(SortOrder.TIME_BUDGET, byKey(byId, timeRanks, false));
            put(SortOrder.TIME_BUDGET_DESC, byKey(byId, timeRanks, true));
        }

        private void put(SortOrder order, int[] walk) {
            int[] place = new int[walk.length];
            for (int i = 0; i < walk.length; i++) {
                place[walk[i]] = i;
            }
            orders.put(order, walk);
            places.put(order, place);
        }

        /**
         * The first {@code wanted} matching documents of this segment in {@code order}, segment ids: the walk of
         * the order, or, when few match (a walk would pass mostly non-matches), the matches sorted by their places
         * in it.
         */
        int[] first(MatchedDocs.Leaf matches, SortOrder order, int wanted) {
            FixedBitSet bits = matches.bits();
            int[] out = new int[Math.min(wanted, matches.count())];
            boolean backwards = order == SortOrder.TITLE_DESC || order == SortOrder.UPDATED_DESC;
            SortOrder forward = order == SortOrder.TITLE_DESC ? SortOrder.TITLE
                    : order == SortOrder.UPDATED_DESC ? SortOrder.UPDATED : order;
            int[] walk = orders.get(forward);
            if ((long) matches.count() * SPARSE < bits.length()) {
                // the matches' places in the walk, sorted as ints: the same order, no comparator per pair
                int[] place = places.get(forward);
                int[] at = new int[matches.count()];
                BitSetIterator each = new BitSetIterator(bits, matches.count());
                for (int i = 0; i < at.length; i++) {
                    at[i] = place[each.nextDoc()];
                }
                Arrays.sort(at);
                for (int i = 0; i < out.length; i++) {
                    out[i] = walk[at[backwards ? at.length - 1 - i : i]];
                }
                return out;
            }
            int found = 0;
            for (int i = 0; i < walk.length && found < out.length; i++) {
                int doc = walk[backwards ? walk.length - 1 - i : i];
                if (bits.get(doc)) {
                    out[found++] = doc;
                }
            }
            return out;
        }

        private int then(int c, int a, int b) {
            return c != 0 ? c : id(a, b);
        }

        private int id(int a, int b) {
            int c = Long.compare(idHigh[a], idHigh[b]);
            return c != 0 ? c : Long.compare(idLow[a], idLow[b]);
        }

        /**
         * {@code walk} reordered by {@code key} (small non-negative values per document), stable: documents of one
         * key keep their order in {@code walk}; {@code descending} reverses the keys' order only (a counting sort).
         */
        private static int[] byKey(int[] walk, int[] key, boolean descending) {
            int max = 0;
            for (int doc : walk) {
                max = Math.max(max, key[doc]);
            }
            int[] next = new int[max + 2];
            for (int doc : walk) {
                next[(descending ? max - key[doc] : key[doc]) + 1]++;
            }
            for (int k = 1; k < next.length; k++) {
                next[k] += next[k - 1];
            }
            int[] out = new int[walk.length];
            for (int doc : walk) {
                out[next[descending ? max - key[doc] : key[doc]]++] = doc;
            }
            return out;
        }

        /** Each value's rank among the distinct values (0 the least): the same order as a small key. */
        private static int[] denseRanks(int[] values) {
            int[] distinct = Arrays.stream(values).distinct().sorted().toArray();
            int[] ranks = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                ranks[i] = Arrays.binarySearch(distinct, values[i]);
            }
            return ranks;
        }

        private interface DocComparator {
            int compare(int a, int b);
        }

        private interface LongSink {
            void accept(int doc, long value);
        }

        private static void read(NumericDocValues values, LongSink sink) throws IOException {
            for (int d = values.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = values.nextDoc()) {
                sink.accept(d, values.longValue());
            }
        }

        private static int[] allDocs(int n) {
            int[] docs = new int[n];
            for (int i = 0; i < n; i++) {
                docs[i] = i;
            }
            return docs;
        }

        /** {@code docs} sorted in place by {@code cmp} (Lucene's introsort on the int array: no boxing). */
        private static int[] sorted(int[] docs, DocComparator cmp) {
            new IntroSorter() {
                private int pivot;

                @Override
                protected void setPivot(int i) {
                    pivot = docs[i];
                }

                @Override
                protected int comparePivot(int j) {
                    return cmp.compare(pivot, docs[j]);
                }

                @Override
                protected int compare(int i, int j) {
                    return cmp.compare(docs[i], docs[j]);
                }

                @Override
                protected void swap(int i, int j) {
                    int t = docs[i];
                    docs[i] = docs[j];
                    docs[j] = t;
                }
            }.sort(0, docs.length);
            return docs;
        }
    }
}
