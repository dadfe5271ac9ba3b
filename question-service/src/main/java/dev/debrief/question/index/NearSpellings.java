package dev.debrief.question.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

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
 * <p>
 * What a walk finds is kept per dictionary (one field of one segment, which never changes), so a word searched
 * again costs a seek per near spelling instead of a walk: a search's query took 15% less CPU (885 to 750 µs,
 * docs/benchmarks/question-service.md). It holds words and the dictionary's terms near them, never which
 * documents match; an edit's new small segment is walked on its own, and a merged-away segment's entries go.
 * <p>
 * Only the dictionaries of segments of {@link #KEPT_FROM_DOCS} documents or more are kept. Edits write a segment
 * of a few documents a second, merged away within seconds; its dictionary's entries went only with the full
 * collection that cleared its weak key, so under search they filled the old generation: 68,000 entries in a
 * minute of searches at 500 a second with an edit a second, about 8 of the 20 MB the heap grew by in that
 * minute (docs/benchmarks/question-service.md). A small segment's walk passes a few terms.
 */
final class NearSpellings {

    /** The near spellings of a word in one dictionary (a field of a segment), in term order. */
    private record Found(BytesRef[] terms, float[] boosts) {
        static final Found NONE = new Found(new BytesRef[0], new float[0]);
    }

    /**
     * Each dictionary's near spellings of the words searched so far. A dictionary is a field's terms in one
     * segment: it never changes, so neither do a word's near spellings in it, and it is the same object for as
     * long as the segment lives (keyed by identity, weakly: a merged-away segment's entries go with it).
     */
    private static final Cache<Terms, Cache<String, Found>> FOUND = Caffeine.newBuilder().weakKeys().build();
    private static final int WORDS_PER_DICTIONARY = 4096;
    /** The smallest segment whose near spellings are kept (in documents with the field). */
    private static final int KEPT_FROM_DOCS = 100;
    /** How many dictionaries were walked for a word (the rest were found in {@link #FOUND}). */
    private static final LongAdder WALKS = new LongAdder();

    private final String word;
    private final String key;
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
        this.key = word + '~' + edits;
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
            Found found = terms.getDocCount() < KEPT_FROM_DOCS ? walk(terms)
                    : FOUND.get(terms, t -> Caffeine.newBuilder().maximumSize(WORDS_PER_DICTIONARY)
                            .<String, Found>build()).get(key, k -> walk(terms));
            return seeking(terms, found);
        }

        /** The near spellings in one dictionary, found by walking the terms of the word's first letter. */
        private Found walk(Terms terms) {
            WALKS.increment();
            try {
                List<BytesRef> found = new ArrayList<>();
                List<Float> boosts = new ArrayList<>();
                TermsEnum all = terms.iterator();
                if (all.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
                    return Found.NONE;
                }
                for (BytesRef term = all.term(); term != null && StringHelper.startsWith(term, prefix);
                        term = all.next()) {
                    float boost = similarity(term);
                    if (boost > 0) {
                        found.add(BytesRef.deepCopyOf(term));
                        boosts.add(boost);
                    }
                }
                if (found.isEmpty()) {
                    return Found.NONE;
                }
                float[] b = new float[boosts.size()];
                for (int i = 0; i < b.length; i++) {
                    b[i] = boosts.get(i);
                }
                return new Found(found.toArray(BytesRef[]::new), b);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the catalog's terms", e);
            }
        }

        /** The found terms again, each looked up by a seek: a few seeks, not a walk of the letter's terms. */
        private TermsEnum seeking(Terms terms, Found found) throws IOException {
            if (found.terms().length == 0) {
                return TermsEnum.EMPTY;
            }
            return new FilteredTermsEnum(terms.iterator(), true) {
                private final BoostAttribute boost = attributes().addAttribute(BoostAttribute.class);
                private int next;

                @Override
                protected BytesRef nextSeekTerm(BytesRef current) {
                    return next < found.terms().length ? found.terms()[next] : null;
                }

                @Override
                protected AcceptStatus accept(BytesRef term) {
                    int i = next++;
                    if (!term.bytesEquals(found.terms()[i])) {
                        return AcceptStatus.NO_AND_SEEK;   // cannot happen: a segment's dictionary never changes
                    }
                    boost.setBoost(found.boosts()[i]);
                    return AcceptStatus.YES_AND_SEEK;
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

    /**
     * The weight of a term as a near spelling of the word: 1 - distance / the shorter length, as
     * FuzzyTermsEnum; 0 if it is not one (too far, or the word itself: the exact clause scores that).
     */
    private float similarity(BytesRef term) {
        int length = UnicodeUtil.codePointCount(term);
        if (Math.abs(length - codePoints.length) > edits) {
            return 0;
        }
        int[] candidate = new int[length];
        UnicodeUtil.UTF8toUTF32(term, candidate);
        // the automaton's rule: the first letter fixed, at most `edits` in the rest
        if (distance(codePoints, candidate, SearchText.FUZZY_PREFIX) > edits) {
            return 0;
        }
        int distance = distance(codePoints, candidate);
        return distance == 0 ? 0 : 1f - (float) distance / Math.min(candidate.length, codePoints.length);
    }

    static long walks() {
        return WALKS.sum();
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
