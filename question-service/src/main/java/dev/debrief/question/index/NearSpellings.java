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
import org.apache.lucene.util.automaton.CompiledAutomaton;

import java.io.IOException;
import java.util.Objects;

/**
 * {@link FuzzyQuery}'s matching and scoring (the terms within {@code edits} of a word, transpositions
 * counted as one edit, the first letter fixed; each weighted by its similarity, the 32 best kept with their
 * document frequencies blended), with the Levenshtein automaton built once per word and shared by every
 * field searched. FuzzyQuery builds its automata again for each field and a set of them per edit distance
 * (three for a two-edit word): at nine builds per long word that was most of a search's time.
 */
final class NearSpellings {

    private final String word;
    private final int[] codePoints;
    private final int edits;
    private final CompiledAutomaton automaton;

    NearSpellings(String word, int edits) {
        this.word = word;
        this.codePoints = word.codePoints().toArray();
        this.edits = edits;
        this.automaton = FuzzyQuery.getFuzzyAutomaton(word, edits, SearchText.FUZZY_PREFIX, true);
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
            TermsEnum matching = automaton.getTermsEnum(terms);
            return new FilteredTermsEnum(matching, false) {
                private final BoostAttribute boost = attributes().addAttribute(BoostAttribute.class);

                @Override
                protected AcceptStatus accept(BytesRef term) {
                    // as FuzzyTermsEnum: 1 - distance / the shorter length
                    int[] candidate = term.utf8ToString().codePoints().toArray();
                    int distance = distance(codePoints, candidate);
                    boost.setBoost(distance == 0 ? 1f
                            : 1f - (float) distance / Math.min(candidate.length, codePoints.length));
                    return AcceptStatus.YES;
                }
            };
        }

        @Override
        public void visit(QueryVisitor visitor) {
            if (visitor.acceptField(field)) {
                automaton.visit(visitor, this, field);
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
        int[][] d = new int[a.length + 1][b.length + 1];
        for (int i = 0; i <= a.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length][b.length];
    }
}
