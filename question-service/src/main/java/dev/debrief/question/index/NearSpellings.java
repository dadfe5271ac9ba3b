package dev.debrief.question.index;

import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.apache.lucene.util.UnicodeUtil;
import org.apache.lucene.util.automaton.CompiledAutomaton;

import java.io.IOException;
import java.util.Objects;

/**
 * {@link FuzzyQuery}'s matching and scoring (the terms within {@code edits} of a word, transpositions
 * counted as one edit, the first letter fixed; each weighted by its similarity, the 32 best kept with their
 * document frequencies blended), found by walking the field's terms that share the word's first letter and
 * measuring each one's distance, not by intersecting the term dictionary with a Levenshtein automaton.
 * <p>
 * Why not the automaton: building it was most of a search's CPU. Measured here (Lucene 10.3, JDK 25), one
 * word's compiled automaton costs about 0.15 ms for one edit and 1.5–4 ms for two (100–200 KB each, too big to
 * keep per word), while the walk costs a distance computation per term of the same first letter and about the
 * same length: a few hundred terms per field in this catalog, tens of microseconds. The walk grows with the
 * dictionary (terms per first letter), the automaton does not; at some hundred thousand distinct words per
 * field the automaton would win again.
 */
final class NearSpellings {

    private final String word;
    private final int[] codePoints;
    private final int edits;
    /** The fixed first letter, UTF-8: where the walk starts and stops. */
    private final BytesRef prefix;
    /** Built only if a visitor asks what the query matches (the search never does: it rewrites first). */
    private volatile CompiledAutomaton automaton;

    NearSpellings(String word, int edits) {
        this.word = word;
        this.codePoints = word.codePoints().toArray();
        this.edits = edits;
        this.prefix = new BytesRef(word.substring(0, word.offsetByCodePoints(0, SearchText.FUZZY_PREFIX)));
    }

    private CompiledAutomaton automaton() {
        CompiledAutomaton a = automaton;
        if (a == null) {
            a = FuzzyQuery.getFuzzyAutomaton(word, edits, SearchText.FUZZY_PREFIX, true);
            automaton = a;
        }
        return a;
    }

    /** The near spellings of the word in one field. */
    MultiTermQuery in(String field) {
        return new InField(field);
    }

    private final class InField extends MultiTermQuery {

        InField(String field) {
            super(field, FuzzyQuery.defaultRewriteMethod(SearchText.FUZZY_EXPANSIONS));
        }

        @Override
        protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
            return new FilteredTermsEnum(terms.iterator(), true) {
                private final BoostAttribute boost = attributes().addAttribute(BoostAttribute.class);

                {
                    setInitialSeekTerm(prefix);
                }

                @Override
                protected AcceptStatus accept(BytesRef term) {
                    if (!StringHelper.startsWith(term, prefix)) {
                        return AcceptStatus.END;   // terms are in byte order: no later one has the first letter
                    }
                    int length = UnicodeUtil.codePointCount(term);
                    if (Math.abs(length - codePoints.length) > edits) {
                        return AcceptStatus.NO;
                    }
                    int[] candidate = new int[length];
                    UnicodeUtil.UTF8toUTF32(term, candidate);
                    // the automaton's rule: the first letter fixed, at most `edits` in the rest
                    if (distance(codePoints, candidate, SearchText.FUZZY_PREFIX) > edits) {
                        return AcceptStatus.NO;
                    }
                    // as FuzzyTermsEnum: 1 - distance / the shorter length
                    int distance = distance(codePoints, candidate);
                    if (distance == 0) {
                        return AcceptStatus.NO;   // the word itself: the exact clause scores it (see SearchText)
                    }
                    boost.setBoost(1f - (float) distance / Math.min(candidate.length, codePoints.length));
                    return AcceptStatus.YES;
                }
            };
        }

        @Override
        public void visit(QueryVisitor visitor) {
            if (visitor.acceptField(field)) {
                automaton().visit(visitor, this, field);
            }
        }

        @Override
        public String toString(String f) {
            return (Objects.equals(field, f) ? "" : field + ":") + word + "~" + edits;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof InField o && o.field.equals(field) && o.outer().equals(NearSpellings.this);
        }

        @Override
        public int hashCode() {
            return Objects.hash(field, word, edits);
        }

        private NearSpellings outer() {
            return NearSpellings.this;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NearSpellings n && n.word.equals(word) && n.edits == edits;
    }

    @Override
    public int hashCode() {
        return Objects.hash(word, edits);
    }

    /** Optimal string alignment distance (a swap of neighbours is one edit), as the automaton counts. */
    static int distance(int[] a, int[] b) {
        return distance(a, b, 0);
    }

    /** The distance between {@code a} and {@code b} from index {@code from} on (both). */
    static int distance(int[] a, int[] b, int from) {
        int n = a.length - from;
        int m = b.length - from;
        if (n < 0 || m < 0) {
            return Integer.MAX_VALUE;
        }
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a[from + i - 1] == b[from + j - 1] ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a[from + i - 1] == b[from + j - 2] && a[from + i - 2] == b[from + j - 1]) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }
}
