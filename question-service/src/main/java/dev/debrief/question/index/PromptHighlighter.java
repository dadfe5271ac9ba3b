package dev.debrief.question.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A search page's highlights: each prompt's best sentence, the matched words marked, by Lucene's unified
 * highlighter over the offsets in the prompt's postings; null where the prompt has no match.
 */
class PromptHighlighter {

    private static final PassageScores SCORES = new PassageScores();

    private final Analyzer analyzer;

    PromptHighlighter(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * @param textQuery the search text, rewritten against the searcher's reader: fuzzy words are then the terms
     *     they stand for there (handed the fuzzy automata, the highlighter would walk the prompt field's whole
     *     term dictionary for every document)
     * @param prompts the prompt of each of {@code docs}, already read: no stored fields are loaded
     */
    String[] highlight(IndexSearcher searcher, Query textQuery, int[] docs, String[] prompts) throws IOException {
        Map<Integer, String> byDoc = new HashMap<>();
        for (int i = 0; i < docs.length; i++) {
            byDoc.put(docs[i], prompts[i]);
        }
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                .withHandleMultiTermQuery(true).withMaxNoHighlightPassages(0)
                // the query's terms looked up once, each document's offsets read from their postings; with
                // weight matches on (the default) every document of the page ran the whole query's matches again
                .withWeightMatches(false)
                .withBreakIterator(SentenceBreaks::new)
                .withScorer(SCORES)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true));
        UnifiedHighlighter highlighter = new UnifiedHighlighter(builder) {
            /**
             * The prompt is indexed with offsets in its postings (QuestionDocuments). Asked, Lucene merges every
             * segment's field infos to find that out, on each request once a view has more than one segment.
             */
            @Override
            protected OffsetSource getOffsetSource(String field) {
                return Fields.PROMPT.equals(field) ? OffsetSource.POSTINGS : super.getOffsetSource(field);
            }

            @Override
            protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
                return source == OffsetSource.POSTINGS ? offsets(components) : super.getOffsetStrategy(source,
                        components);
            }

            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
                    int cacheCharsThreshold) throws IOException {
                List<CharSequence[]> out = new ArrayList<>();
                int chars = 0;
                do {
                    int doc = docIter.nextDoc();
                    if (doc == DocIdSetIterator.NO_MORE_DOCS) {
                        break;
                    }
                    String prompt = byDoc.get(doc);
                    CharSequence[] values = new CharSequence[fields.length];
                    for (int f = 0; f < fields.length; f++) {
                        values[f] = Fields.PROMPT.equals(fields[f]) ? prompt : null;
                    }
                    out.add(values);
                    chars += prompt == null ? 0 : prompt.length();
                } while (chars <= cacheCharsThreshold && cacheCharsThreshold != 0);
                return out;
            }
        };
        ScoreDoc[] page = new ScoreDoc[docs.length];
        for (int i = 0; i < docs.length; i++) {
            page[i] = new ScoreDoc(docs[i], Float.NaN);
        }
        return highlighter.highlight(Fields.PROMPT, textQuery,
                new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page), 1);
    }

    /** Where a term's offsets in a document come from: the page's postings, each term looked up once. */
    FieldOffsetStrategy offsets(UHComponents components) {
        return new PageOffsets(components);
    }
}
