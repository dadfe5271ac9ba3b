package dev.debrief.question.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page's highlights, with each term looked up once per segment ({@link PageOffsets}), are exactly what Lucene's
 * own postings strategy gives (a lookup per term per document): for words, near spellings, phrases and exclusions,
 * over pages that span segments.
 */
class PromptHighlighterTest {

    private static final List<String> WORDS = List.of("retention", "retnetion", "metric", "metrics", "churn",
            "experiment", "holdout", "rollout", "latency", "dashboard", "the", "rate", "of", "a", "team", "launch",
            "weekly", "signups", "trade", "offs");

    @Test
    void shouldHighlightAsLucenesOwnPostingsStrategyAcrossSegments() throws IOException {
        FieldType searched = new FieldType();
        searched.setTokenized(true);
        searched.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        searched.freeze();
        Random random = new Random(11);
        List<String> prompts = new ArrayList<>();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(Analyzers.index())
                        .setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int segment = 0; segment < 3; segment++) {
                for (int d = 0; d < 150; d++) {
                    String prompt = prompt(random);
                    prompts.add(prompt);
                    Document doc = new Document();
                    doc.add(new Field(Fields.PROMPT, prompt, searched));
                    writer.addDocument(doc);
                }
                writer.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                SearchText text = new SearchText(Analyzers.query());
                PromptHighlighter ours = new PromptHighlighter(Analyzers.query());
                PromptHighlighter lucenes = new PromptHighlighter(Analyzers.query()) {
                    @Override
                    FieldOffsetStrategy offsets(UHComponents components) {
                        return new PostingsOffsetStrategy(components);
                    }
                };
                int marked = 0;
                for (String search : List.of("retention", "retention metric", "\"retention rate\"", "churn -holdout",
                        "experiment or rollout", "latnecy dashboard", "weekly signups trade")) {
                    Query query = searcher.rewrite(text.parse(search));
                    ScoreDoc[] hits = searcher.search(query, 40).scoreDocs;
                    assertTrue(hits.length > 1, search + " finds documents");
                    int[] docs = Arrays.stream(hits).mapToInt(h -> h.doc).toArray();
                    String[] pagePrompts = Arrays.stream(docs).mapToObj(prompts::get).toArray(String[]::new);
                    String[] expected = lucenes.highlight(searcher, query, docs, pagePrompts);
                    assertArrayEquals(expected, ours.highlight(searcher, query, docs, pagePrompts), search);
                    marked += (int) Arrays.stream(expected).filter(h -> h != null && h.contains("<mark>")).count();
                }
                assertTrue(marked > 50, "the comparison is over real highlights: " + marked);
            }
        }
    }

    private static String prompt(Random random) {
        StringBuilder text = new StringBuilder();
        for (int sentence = 0; sentence < 3; sentence++) {
            for (int i = 0; i < 8; i++) {
                text.append(i == 0 ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
            }
            text.append(". ");
        }
        return text.toString().strip();
    }
}
