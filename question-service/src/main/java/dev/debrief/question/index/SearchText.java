package dev.debrief.question.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A search box's text as a Lucene query, in the web-search syntax the catalog had: words all required,
 * {@code "a phrase"}, {@code -excluded}, {@code a or b}. Any text is only a query (the operators above, no
 * field names, wildcards nor ranges).
 * <p>
 * Ranking is BM25 over three fields, weighted as PostgreSQL's A/B/C were: title, prompt, then follow-up
 * probes and tags. A word of five letters or more also matches words one edit away (two from eight letters:
 * a swap, a missing or an extra letter), with a tenth of the weight, so an exact match ranks first and a
 * typo still finds something. The near spellings leave out the word itself: its exact clause carries that
 * tenth too, so each field's postings of the word are read once per search, not twice.
 */
final class SearchText {

    /** Field weights; chosen on the relevance set's tune half (see RelevanceTest). */
    static final Map<String, Float> WEIGHTS = weights(3.0f, 1.0f, 0.5f);
    static final float FUZZY_WEIGHT = 0.1f;
    static final int FUZZY_FROM = 5;
    static final int TWO_EDITS_FROM = 8;
    /** Typos in a word's first letter are rare; fixing it makes fuzzy matching far cheaper. */
    static final int FUZZY_PREFIX = 1;
    static final int FUZZY_EXPANSIONS = 32;

    private static final Pattern OR = Pattern.compile("(?i)(?<=\\s)or(?=\\s)");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}+");
    private static final int FLAGS = SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.NOT_OPERATOR
            | SimpleQueryParser.OR_OPERATOR | SimpleQueryParser.WHITESPACE_OPERATOR;

    private final Analyzer analyzer;

    SearchText(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Query parse(String text) {
        // "a or b" is the web-search spelling of the parser's "a | b"; a literal | or + is just a separator
        String normal = OR.matcher(" " + text.replace('|', ' ').replace('+', ' ') + " ").replaceAll("|").strip();
        Parser parser = new Parser(analyzer);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        Query q = parser.parse(normal);
        return q == null ? new MatchNoDocsQuery("no searchable words") : q;
    }

    private static final class Parser extends SimpleQueryParser {

        Parser(Analyzer analyzer) {
            super(analyzer, WEIGHTS, FLAGS);
        }

        /** One word: its stem in any field, weighted; from five letters on, also near spellings. */
        @Override
        protected Query newDefaultQuery(String word) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            int clauses = 0;
            for (Map.Entry<String, Float> field : weights.entrySet()) {
                Query exact = createBooleanQuery(field.getKey(), word, BooleanClause.Occur.MUST);
                if (exact != null) {
                    any.add(new BoostQuery(exact, field.getValue() * (1 + FUZZY_WEIGHT)), BooleanClause.Occur.SHOULD);
                    clauses++;
                }
            }
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.length() >= FUZZY_FROM && LETTERS.matcher(lower).matches()) {
                NearSpellings near = new NearSpellings(lower, lower.length() >= TWO_EDITS_FROM ? 2 : 1);
                for (Map.Entry<String, Float> field : weights.entrySet()) {
                    any.add(new BoostQuery(near.in(field.getKey()), field.getValue() * FUZZY_WEIGHT),
                            BooleanClause.Occur.SHOULD);
                    clauses++;
                }
            }
            return clauses == 0 ? null : any.build();
        }
    }

    private static Map<String, Float> weights(float title, float prompt, float extra) {
        Map<String, Float> w = new LinkedHashMap<>();
        w.put(Fields.TITLE, title);
        w.put(Fields.PROMPT, prompt);
        w.put(Fields.EXTRA, extra);
        return w;
    }
}
