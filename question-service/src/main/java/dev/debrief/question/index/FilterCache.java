package dev.debrief.question.index;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.LRUQueryCache;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;

import java.util.HashSet;
import java.util.Set;

/**
 * Lucene's own query cache, set up for the catalog's filters: who may see what ({@link Visibility}) and the
 * taxonomy filters are each a bit set per segment, built on first use and kept while the segment lives (an
 * edit adds a small segment; the big ones keep theirs). Nothing here depends on a search text or holds a
 * result: only which documents a filter admits, as Lucene's default cache would, had its policy not judged
 * these filters too cheap or too large to cache. Without it every list and search intersected the postings
 * of the visibility clauses over the ~90,000 public documents again.
 */
final class FilterCache {

    /** Keyword fields only: a clause on a text field (the search itself) is never cached. */
    private static final Set<String> FILTER_FIELDS = Set.of(Fields.TENANT, Fields.STATUS, Fields.NOT_RETIRED, Fields.CATEGORY,
            Fields.ROLE, Fields.LEVEL, Fields.COMPANY, Fields.ROUND_TYPE, Fields.COMPETENCY, Fields.TAG,
            Fields.DIFFICULTY, Fields.ANSWER_FORMAT, Fields.RUBRIC);
    private static final Set<String> VISIBILITY_FIELDS = Set.of(Fields.TENANT, Fields.STATUS, Fields.NOT_RETIRED);
    /** A bit set of 100,000 documents is 12 KB: a few hundred filters fit. */
    private static final long MAX_BYTES = 4L << 20;
    private static final int MAX_QUERIES = 512;

    /** One cache for every searcher of the index: entries are per segment core, so refreshes keep them. */
    static final LRUQueryCache CACHE = new LRUQueryCache(MAX_QUERIES, MAX_BYTES, segment -> true,
            Float.POSITIVE_INFINITY);   // cache even when the search text leads (Lucene's default skips those)

    static final QueryCachingPolicy POLICY = new QueryCachingPolicy() {
        @Override
        public void onUse(Query query) {
        }

        /**
         * Who may see what (tenant and status only), or one filter field's values. Never a whole list's
         * combination of filters: that would be a cache of results per filter, which this is not.
         */
        @Override
        public boolean shouldCache(Query query) {
            if (!(query instanceof BooleanQuery || query instanceof TermQuery)) {
                return false;
            }
            Set<String> fields = fields(query);
            return fields != null && !fields.isEmpty()
                    && (VISIBILITY_FIELDS.containsAll(fields) || fields.size() == 1);
        }
    };

    private FilterCache() {
    }

    /** The fields the query reads; null if one of them is not a filter field (a text field). */
    private static Set<String> fields(Query query) {
        Set<String> fields = new HashSet<>();
        boolean[] only = { true };
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                fields.add(field);
                if (!FILTER_FIELDS.contains(field)) {
                    only[0] = false;
                }
                return only[0];
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return only[0] ? fields : null;
    }
}
