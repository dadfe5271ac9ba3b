package dev.debrief.question.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How the catalog's texts become terms.
 * <ul>
 * <li>Indexed texts keep each word twice at one position, as written (lower-cased) and stemmed: a query's
 * stemmed words find the stems (as PostgreSQL's {@code english} configuration did), its fuzzy words the
 * spelled-out forms (a typo at a word's end would otherwise be lost to the stemmer: "dedupliaction" stems far
 * from "deduplication"'s stem, yet is one transposition from the word), and the highlighter finds both in
 * one field.</li>
 * <li>Queries are stemmed only ({@link EnglishAnalyzer}: possessives, lower case, stop words, Porter).</li>
 * <li>The suggest field holds every prefix (1–20 letters) of every title word, so as-you-type is one term
 * look-up per word.</li>
 * </ul>
 */
final class Analyzers {

    static final int MAX_PREFIX = 20;
    /**
     * Snowball's English stop words: the list PostgreSQL's {@code english} configuration uses. Lucene's own
     * is far shorter and keeps words like "my", which a query then requires ("disagreement with my manager"
     * found nothing).
     */
    static final CharArraySet STOP_WORDS = snowballStopWords();

    private Analyzers() {
    }

    /** For queries on the text fields. */
    static Analyzer query() {
        return new EnglishAnalyzer(STOP_WORDS);
    }

    /** For writing documents: the text fields and the suggest field. */
    static Analyzer index() {
        Analyzer text = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream s = new EnglishPossessiveFilter(source);
                s = new LowerCaseFilter(s);
                s = new StopFilter(s, STOP_WORDS);
                s = new KeywordRepeatFilter(s);
                s = new PorterStemFilter(s);
                return new TokenStreamComponents(source, new RemoveDuplicatesTokenFilter(s));
            }
        };
        return new PerFieldAnalyzerWrapper(text, Map.of(Fields.SUGGEST, prefixes()));
    }

    /** Every prefix of every word, lower-cased (index side of suggestions). */
    private static Analyzer prefixes() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream s = new LowerCaseFilter(source);
                return new TokenStreamComponents(source, new EdgeNGramTokenFilter(s, 1, MAX_PREFIX, true));
            }
        };
    }

    /** Words as typed into a suggest box: lower-cased, no stemming, no stop words dropped. */
    static Analyzer words() {
        return new StandardAnalyzer(CharArraySet.EMPTY_SET);
    }

    private static CharArraySet snowballStopWords() {
        try {
            return CharArraySet.unmodifiableSet(WordlistLoader.getSnowballWordSet(
                    IOUtils.getDecodingReader(SnowballFilter.class.getResourceAsStream("english_stop.txt"), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
