package dev.debrief.question.index;

import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A list's page read off the precomputed orders ({@link ListOrders}) is exactly the page Lucene's own sorting
 * collector gives, in every order, and the facet counts from the heap ({@link FacetCounts}) are exactly Lucene's
 * {@code SortedSetDocValuesFacetCounts}, on one segment and on many (the big one and the small ones of edits), for filters that match
 * most documents or some (the walk) and under one in 64 (the sort of the matches), with deleted documents (replaced versions).
 */
class ListsOverMatchesTest {

    private static final List<String> CATEGORIES = List.of("SQL", "BEHAVIORAL", "METRIC_DESIGN", "LEADERSHIP");
    private static final List<String> DIFFICULTIES = List.of("EASY", "MEDIUM", "HARD");

    @Test
    void shouldGiveLucenesOwnPageInEveryOrderOnOneSegment() throws IOException {
        check(false);
    }

    @Test
    void shouldGiveLucenesOwnPageInEveryOrderAcrossSegmentsWithDeletions() throws IOException {
        check(true);
    }

    private static void check(boolean manySegments) throws IOException {
        Random random = new Random(manySegments ? 11 : 7);
        FacetsConfig facets = QuestionDocuments.facets();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            IndexWriterConfig config = new IndexWriterConfig(Analyzers.index());
            if (manySegments) {
                config.setMergePolicy(NoMergePolicy.INSTANCE);
            }
            UUID[] ids = new UUID[3000];
            try (IndexWriter writer = new IndexWriter(dir, config)) {
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = new UUID(random.nextLong(), random.nextLong());
                    writer.addDocument(QuestionDocuments.of(row(ids[i], random, 0), facets));
                    if (manySegments && i % 700 == 0) {
                        writer.commit();
                    }
                }
                if (manySegments) {
                    for (int i = 0; i < 300; i++) {   // edits: the old version deleted, the new one in a new segment
                        UUID id = ids[random.nextInt(ids.length)];
                        writer.updateDocument(QuestionDocuments.idTerm(id), QuestionDocuments.of(row(id, random, 1), facets));
                        if (i % 100 == 0) {
                            writer.commit();
                        }
                    }
                } else {
                    writer.forceMerge(1);
                }
                writer.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertEquals(manySegments, reader.leaves().size() > 1);
                IndexSearcher searcher = new IndexSearcher(reader);
                ListOrders orders = new ListOrders();
                orders.warm(reader);
                FacetCounts.View facetView = new FacetCounts(facets).view(reader);
                DefaultSortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, facets);
                Query dense = new MatchAllDocsQuery();
                Query sparse = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(Fields.CATEGORY, "SQL")), BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(Fields.DIFFICULTY, "HARD")), BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(Fields.ROLE, "DATA_PM")), BooleanClause.Occur.FILTER).build();
                Query rare = new BooleanQuery.Builder().add(sparse, BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(Fields.TAG, "tag0")), BooleanClause.Occur.FILTER).build();
                for (Query query : List.of(dense, sparse, rare)) {
                    MatchedDocs matches = MatchedDocs.of(searcher, query);
                    assertEquals(searcher.count(query), matches.total());
                    assertTrue(matches.total() > 0);
                    FacetsCollector lucene = searcher.search(query, new FacetsCollectorManager());
                    SortedSetDocValuesFacetCounts oracle = new SortedSetDocValuesFacetCounts(state, lucene);
                    Map<String, Map<String, Integer>> counted = facetView.count(matches, QuestionDocuments.DIMENSIONS,
                            Map.of());
                    for (String dim : QuestionDocuments.DIMENSIONS) {
                        Map<String, Integer> expected = new TreeMap<>();
                        FacetResult all = oracle.getAllChildren(dim);
                        if (all != null) {
                            for (LabelAndValue lv : all.labelValues) {
                                if (lv.value.intValue() > 0) {
                                    expected.put(lv.label, lv.value.intValue());
                                }
                            }
                        }
                        assertEquals(expected, new TreeMap<>(counted.get(dim)), dim + " counts over " + matches.total());
                    }
                    // the most used tags: Lucene's top children, in its order (count, then code point order)
                    for (int most : new int[] { 1, 3, 25 }) {
                        Map<String, Integer> top = new LinkedHashMap<>();
                        for (LabelAndValue lv : oracle.getTopChildren(most, Fields.TAG).labelValues) {
                            top.put(lv.label, lv.value.intValue());
                        }
                        Map<String, Integer> ours = facetView.count(matches, QuestionDocuments.DIMENSIONS,
                                Map.of(Fields.TAG, most)).get(Fields.TAG);
                        assertEquals(List.copyOf(top.entrySet()), List.copyOf(ours.entrySet()),
                                "top " + most + " tags over " + matches.total());
                    }
                    for (SortOrder order : SortOrder.values()) {
                        if (order == SortOrder.RELEVANCE) {
                            continue;
                        }
                        for (int wanted : new int[] { 1, 20, 100 }) {
                            int[] expected = Arrays.stream(searcher.search(query, wanted, lucene(order)).scoreDocs)
                                    .mapToInt(d -> d.doc).toArray();
                            assertArrayEquals(expected, orders.first(matches, order, wanted),
                                    order + ", first " + wanted + " of " + matches.total());
                        }
                    }
                }
            }
        }
    }

    /** The orders as Lucene's sort fields: the oracle. */
    private static Sort lucene(SortOrder order) {
        SortField title = new SortField(Fields.TITLE_SORT, SortField.Type.STRING);
        SortField titleDesc = new SortField(Fields.TITLE_SORT, SortField.Type.STRING, true);
        SortField idHigh = new SortField(Fields.ID_HIGH, SortField.Type.LONG);
        SortField idLow = new SortField(Fields.ID_LOW, SortField.Type.LONG);
        SortField idHighDesc = new SortField(Fields.ID_HIGH, SortField.Type.LONG, true);
        SortField idLowDesc = new SortField(Fields.ID_LOW, SortField.Type.LONG, true);
        SortField rank = new SortField(Fields.DIFFICULTY_RANK, SortField.Type.LONG);
        SortField time = new SortField(Fields.TIME_BUDGET, SortField.Type.LONG);
        SortField updated = new SortField(Fields.UPDATED, SortField.Type.LONG);
        return switch (order) {
            case TITLE -> new Sort(title, idHigh, idLow);
            case TITLE_DESC -> new Sort(titleDesc, idHighDesc, idLowDesc);
            case UPDATED -> new Sort(updated, idHigh, idLow);
            case UPDATED_DESC -> new Sort(new SortField(Fields.UPDATED, SortField.Type.LONG, true), idHighDesc, idLowDesc);
            case DIFFICULTY -> new Sort(rank, title, idHigh, idLow);
            case DIFFICULTY_DESC -> new Sort(new SortField(Fields.DIFFICULTY_RANK, SortField.Type.LONG, true), title, idHigh,
                    idLow);
            case TIME_BUDGET -> new Sort(time, idHigh, idLow);
            case TIME_BUDGET_DESC -> new Sort(new SortField(Fields.TIME_BUDGET, SortField.Type.LONG, true), idHigh, idLow);
            case RELEVANCE -> throw new IllegalArgumentException();
        };
    }

    /** One or two tags; now and then twenty, more than the facet counts' rows hold (their values are kept aside). */
    private static List<String> tags(Random random) {
        if (random.nextInt(300) == 0) {
            return IntStream.range(0, 20).mapToObj(i -> "many" + i).toList();
        }
        return random.nextBoolean() ? List.of("tag" + random.nextInt(5))
                : List.of("tag" + random.nextInt(5), "x" + random.nextInt(40));
    }

    /** Few distinct titles, budgets and times, so ties are common and the id decides them. */
    static CatalogRow row(UUID id, Random random, int version) {
        String title = "Question " + (char) ('A' + random.nextInt(20)) + (random.nextBoolean() ? " é" : "");
        return new CatalogRow(id, "q-" + id, version + 1, "PUBLISHED", null, title, "How would you measure it?", "",
                CATEGORIES.get(random.nextInt(CATEGORIES.size())), random.nextBoolean() ? "DATA_PM" : "ENGINEERING_MANAGER",
                List.of(random.nextBoolean() ? "SENIOR" : "STAFF"), random.nextInt(3) == 0 ? null : (random.nextBoolean() ? "Netflix" : "Meta"), "ONSITE", List.of("JUDGMENT"),
                tags(random),
                DIFFICULTIES.get(random.nextInt(DIFFICULTIES.size())), 300 * (1 + random.nextInt(4)), "TEXT", "data-case",
                1_000_000L * random.nextInt(50));
    }
}
