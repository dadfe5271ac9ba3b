package dev.debrief.question.index;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score (BM25 over the passage's distinct terms, then a boost for passages early in the text),
 * the same float, without the term hash Lucene builds for every passage it scores: its first block alone is
 * 32 KB, and those were a third of what a search allocated (docs/benchmarks/question-service.md). A passage
 * has a few matches, so its distinct terms are found by comparing them. {@code PassageScoresTest} checks the
 * scores equal Lucene's.
 */
final class PassageScores extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] inDocument = passage.getMatchTermFreqsInDoc();
        double score = 0;
        // each distinct term once, in the order of its first match: the order Lucene sums in
        for (int i = 0; i < matches; i++) {
            if (seenBefore(terms, i)) {
                continue;
            }
            int inPassage = 1;
            for (int j = i + 1; j < matches; j++) {
                if (terms[j].bytesEquals(terms[i])) {
                    inPassage++;
                }
            }
            score += tf(inPassage, passage.getLength()) * weight(contentLength, inDocument[i]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }

    private static boolean seenBefore(BytesRef[] terms, int i) {
        for (int j = 0; j < i; j++) {
            if (terms[j].bytesEquals(terms[i])) {
                return true;
            }
        }
        return false;
    }
}
