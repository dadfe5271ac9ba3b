package dev.debrief.question.index;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Near spellings match and score exactly as Lucene's {@link FuzzyQuery} (first letter fixed, transpositions),
 * less the word itself, whether a segment's near spellings are walked or come from what an earlier search found;
 * and a segment written after a word was searched is walked for it, so an edit's new spellings are found.
 */
class NearSpellingsTest {

    private static final String FIELD = "prompt";
    private static final List<String> WORDS = List.of("metric", "metrics", "metrcs", "matric", "mteric", "retention",
            "retnetion", "retension", "retentions", "experiment", "experimnet", "expirement", "exposure", "rollout",
            "rolout", "rollouts", "holdout", "holdot", "latency", "latancy", "lantecy");

    @Test
    void shouldMatchAndScoreAsLucenesFuzzyQueryOnEverySegmentTwice() throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer())
                        .setMergePolicy(NoMergePolicy.INSTANCE))) {
            Random random = new Random(7);
            for (int segment = 0; segment < 3; segment++) {
                for (int d = 0; d < 200; d++) {
                    writer.addDocument(doc(random));
                }
                writer.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                assertEquals(3, reader.leaves().size());
                // typos absent from the index: the fuzzy query has no exact term either, so every score is the same
                for (String typo : List.of("metirc", "retentoin", "experiemnt", "rollotu", "latenyc")) {
                    int edits = typo.length() >= SearchText.TWO_EDITS_FROM ? 2 : 1;
                    long walksBefore = NearSpellings.walks();
                    for (int round = 0; round < 2; round++) {
                        Query ours = searcher.rewrite(new NearSpellings(typo, edits).in(FIELD));
                        Query lucenes = searcher.rewrite(new FuzzyQuery(new Term(FIELD, typo), edits,
                                SearchText.FUZZY_PREFIX, SearchText.FUZZY_EXPANSIONS, true));
                        assertEquals(terms(lucenes), terms(ours), typo + " round " + round);
                        assertScores(searcher.search(lucenes, 1000).scoreDocs, searcher.search(ours, 1000).scoreDocs,
                                typo + " round " + round);
                    }
                    assertEquals(3, NearSpellings.walks() - walksBefore,
                            typo + ": each segment walked once, the second search used what the first found");
                }
                // words in the index: the same near spellings, less the word itself (its exact clause scores it)
                for (String word : List.of("metric", "retention", "experiment")) {
                    int edits = word.length() >= SearchText.TWO_EDITS_FROM ? 2 : 1;
                    Set<String> expected = terms(searcher.rewrite(new FuzzyQuery(new Term(FIELD, word), edits,
                            SearchText.FUZZY_PREFIX, SearchText.FUZZY_EXPANSIONS, true)));
                    expected.remove(word);
                    assertTrue(expected.size() >= 2, word + " has near spellings in the index");
                    assertEquals(expected, terms(searcher.rewrite(new NearSpellings(word, edits).in(FIELD))), word);
                }
            }

            // an edit writes a new segment holding a new spelling: it is found, though the word was searched before
            Document edit = new Document();
            edit.add(new TextField(FIELD, "metrik", Field.Store.NO));
            writer.addDocument(edit);
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                assertEquals(4, reader.leaves().size());
                long walksBefore = NearSpellings.walks();
                Set<String> found = terms(searcher.rewrite(new NearSpellings("metric", 1).in(FIELD)));
                assertTrue(found.contains("metrik"), "the new segment's spelling: " + found);
                assertEquals(1, NearSpellings.walks() - walksBefore, "only the new segment is walked");
                // a segment of fewer documents than are kept is walked again: edits write one a second, and what
                // was kept for each stayed in the heap until a full collection
                searcher.rewrite(new NearSpellings("metric", 1).in(FIELD));
                assertEquals(2, NearSpellings.walks() - walksBefore, "the small segment walked again, the others kept");
            }
        }
    }

    private static Document doc(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            text.append(WORDS.get(random.nextInt(WORDS.size()))).append(' ');
        }
        Document d = new Document();
        d.add(new TextField(FIELD, text.toString(), Field.Store.NO));
        return d;
    }

    private static Set<String> terms(Query query) {
        Set<Term> terms = new java.util.HashSet<>();
        query.visit(QueryVisitor.termCollector(terms));
        Set<String> out = new TreeSet<>();
        terms.forEach(t -> out.add(t.text()));
        return out;
    }

    private static void assertScores(ScoreDoc[] expected, ScoreDoc[] actual, String message) {
        assertTrue(expected.length > 0, message + ": the typo finds something");
        assertEquals(expected.length, actual.length, message);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].doc, actual[i].doc, message + " at " + i);
            assertEquals(expected[i].score, actual[i].score, 0f, message + " at " + i);
        }
        assertTrue(Arrays.stream(actual).allMatch(s -> s.score > 0), message);
    }
}
