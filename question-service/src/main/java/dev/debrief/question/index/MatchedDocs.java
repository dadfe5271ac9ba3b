package dev.debrief.question.index;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdStream;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Every document a query matches, as one bit set per segment, gathered without scores or sort values: what a
 * list pages through ({@link ListOrders}) and facets are counted over ({@link FacetCounts}). Lucene's filters arrive here as words of
 * bits (the cached filters intersected a word at a time), so gathering costs a few microseconds per thousand
 * matches, where collecting each match into a sorting collector and a facets collector compared and read doc
 * values for every one of them.
 */
final class MatchedDocs {

    /** The matches of one segment (maybe none). */
    record Leaf(LeafReaderContext context, FixedBitSet bits, int count) {
    }

    private final List<Leaf> leaves;
    private final long total;

    private MatchedDocs(List<Leaf> leaves) {
        this.leaves = List.copyOf(leaves);
        this.total = leaves.stream().mapToLong(Leaf::count).sum();
    }

    static MatchedDocs of(IndexSearcher searcher, Query query) throws IOException {
        return searcher.search(query, manager(searcher));
    }

    /** Gathers the matches of a search of {@code searcher} (beside another collector, say). */
    static CollectorManager<Gather, MatchedDocs> manager(IndexSearcher searcher) {
        return new CollectorManager<>() {
            @Override
            public Gather newCollector() {
                return new Gather();
            }

            @Override
            public MatchedDocs reduce(Collection<Gather> gathered) {
                // every segment, in the reader's order: a segment without matches keeps its place
                Leaf[] all = new Leaf[searcher.getIndexReader().leaves().size()];
                gathered.forEach(g -> g.leaves.forEach(l -> all[l.context().ord] = l));
                for (LeafReaderContext context : searcher.getIndexReader().leaves()) {
                    if (all[context.ord] == null) {
                        all[context.ord] = new Leaf(context, new FixedBitSet(0), 0);
                    }
                }
                return new MatchedDocs(Arrays.asList(all));
            }
        };
    }

    /** Every segment of the searcher's reader, in its order, with its matches. */
    List<Leaf> leaves() {
        return leaves;
    }

    long total() {
        return total;
    }

    static final class Gather implements Collector {
        final List<Leaf> leaves = new ArrayList<>();

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            FixedBitSet bits = new FixedBitSet(context.reader().maxDoc());
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) {
                    bits.set(doc);
                }

                @Override
                public void collect(DocIdStream stream) throws IOException {
                    stream.forEach(bits::set);
                }

                @Override
                public void collectRange(int min, int max) {
                    bits.set(min, max);
                }

                @Override
                public void finish() {
                    leaves.add(new Leaf(context, bits, bits.cardinality()));
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
