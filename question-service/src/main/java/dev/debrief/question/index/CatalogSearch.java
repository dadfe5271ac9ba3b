package dev.debrief.question.index;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lists and searches: one Lucene query (who may see what, every filter, the text), one pass collecting the
 * page's top documents and the facet counts of exactly the same matches, then the page's stored fields and,
 * for a search, a highlighted passage of each prompt. Nothing here touches PostgreSQL.
 */
@ApplicationScoped
public class CatalogSearch {

    /** One page of a list or search, the total it is a page of, and the facets of the whole result. */
    public record Result(List<QuestionRow> items, long total, Map<String, Map<String, Long>> facets) {
    }

    private static final int TOP_TAGS = 25;
    private static final Sort RELEVANCE = relevance();

    private final CatalogIndex index;
    private final Analyzer queryAnalyzer = Analyzers.query();
    private final SearchText text = new SearchText(queryAnalyzer);
    private final PromptHighlighter highlighter = new PromptHighlighter(queryAnalyzer);

    public CatalogSearch(CatalogIndex index) {
        this.index = index;
    }

    public Result query(QuestionFilter filter, QuestionFilter.Visibility visibility, SortOrder sort, int page,
            int size) {
        CatalogIndex.View view = index.acquire();
        try {
            // rewritten once against this view: fuzzy words become the terms they stand for here, which both
            // the search and the highlighter use (handed the fuzzy automata, the highlighter would walk the
            // prompt field's whole term dictionary for every document of the page)
            Query textQuery = filter.text() == null ? null : view.searcher().rewrite(text.parse(filter.text()));
            BooleanQuery.Builder q = new BooleanQuery.Builder();
            q.add(Visibility.of(filter, visibility), BooleanClause.Occur.FILTER);
            Visibility.restrict(q, filter);
            if (textQuery != null) {
                q.add(textQuery, BooleanClause.Occur.MUST);
            }
            Query query = q.build();
            int wanted = (page + 1) * size;
            Page found = sort == SortOrder.RELEVANCE ? ranked(view, query, wanted) : listed(view, query, sort, wanted);
            int[] pageDocs = Arrays.copyOfRange(found.docs(), Math.min(page * size, found.docs().length),
                    found.docs().length);
            CatalogRow[] rows = new CatalogRow[pageDocs.length];
            for (int i = 0; i < pageDocs.length; i++) {
                rows[i] = QuestionDocuments.read(view.searcher().getIndexReader(), pageDocs[i]);
            }
            String[] highlights = textQuery == null || pageDocs.length == 0 ? null
                    : highlighter.highlight(view.searcher(), textQuery, pageDocs,
                            Arrays.stream(rows).map(CatalogRow::prompt).toArray(String[]::new));
            List<QuestionRow> items = new ArrayList<>(pageDocs.length);
            for (int i = 0; i < pageDocs.length; i++) {
                Double rank = found.scores() == null ? null : (double) found.scores()[page * size + i];
                items.add(QuestionDocuments.row(rows[i], rank, highlights == null ? null : highlights[i]));
            }
            return new Result(items, found.matches().total(), facets(view, found.matches()));
        } catch (IOException e) {
            throw new UncheckedIOException("catalog search failed", e);
        } finally {
            index.release(view);
        }
    }

    /** The first {@code wanted} documents (top-level ids), their scores when ranked, and every match. */
    private record Page(int[] docs, float[] scores, MatchedDocs matches) {
    }

    /**
     * A search by relevance: Lucene's sorting collector (score, then the id) beside the gathering of every
     * match, in one pass. The sort's first value is the score: no second scoring pass for the page.
     */
    private static Page ranked(CatalogIndex.View view, Query query, int wanted) throws IOException {
        Object[] both = view.searcher().search(query, new MultiCollectorManager(
                new TopFieldCollectorManager(RELEVANCE, wanted, null, Integer.MAX_VALUE),
                MatchedDocs.manager(view.searcher())));
        ScoreDoc[] top = ((TopDocs) both[0]).scoreDocs;
        int[] docs = new int[top.length];
        float[] scores = new float[top.length];
        for (int i = 0; i < top.length; i++) {
            docs[i] = top[i].doc;
            scores[i] = (Float) ((FieldDoc) top[i]).fields[0];
        }
        return new Page(docs, scores, (MatchedDocs) both[1]);
    }

    /** A list in one of its orders: the matches gathered as bit sets, the page read off the precomputed order. */
    private static Page listed(CatalogIndex.View view, Query query, SortOrder sort, int wanted) throws IOException {
        MatchedDocs matches = MatchedDocs.of(view.searcher(), query);
        return new Page(view.orders().first(matches, sort, wanted), null, matches);
    }

    /** Counts over the very matches of the query; only values that occur; the 25 most used tags. */
    private static Map<String, Map<String, Long>> facets(CatalogIndex.View view, MatchedDocs matches) {
        Map<String, Map<String, Integer>> counts = matches.total() == 0 || view.facets() == null ? Map.of()
                : view.facets().count(matches, QuestionDocuments.DIMENSIONS, Map.of(Fields.TAG, TOP_TAGS));
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (String dim : QuestionDocuments.DIMENSIONS) {
            Map<String, Integer> found = counts.getOrDefault(dim, Map.of());
            // tags come most used first; the other dimensions in their values' order
            Map<String, Long> values = dim.equals(Fields.TAG) ? new LinkedHashMap<>() : new TreeMap<>();
            found.forEach((value, n) -> values.put(value, (long) n));
            out.put(dim, ordered(dim, values));
        }
        return out;
    }

    private static Map<String, Long> ordered(String dim, Map<String, Long> values) {
        List<String> order = ClosedWords.BY_FIELD.get(dim);
        if (order == null) {
            return values;
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (String v : order) {
            Long n = values.get(v);
            if (n != null) {
                out.put(v, n);
            }
        }
        return out;
    }

    /** The score, then the id (PostgreSQL's uuid order) as tie-breaker. */
    private static Sort relevance() {
        return new Sort(SortField.FIELD_SCORE, new SortField(Fields.ID_HIGH, SortField.Type.LONG),
                new SortField(Fields.ID_LOW, SortField.Type.LONG));
    }
}
