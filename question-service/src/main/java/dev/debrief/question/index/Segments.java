package dev.debrief.question.index;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;

/**
 * How the index's documents lie across its segments. Searches and lists are fastest over one big segment and
 * a few small ones of recent edits: each segment costs every request its own term lookups, facet ordinal
 * mapping and list merging.
 */
final class Segments {

    /**
     * The share of the index's documents (deleted ones included: they are still walked and stored) that may lie
     * outside the largest segment's live documents before the index is merged to one again. Edits move it by two
     * documents each (the old version deleted in the big segment, the new one in a small segment): at one edit a
     * second, a merge of 100,000 questions every hour and a half, a few seconds of one core.
     */
    static final double MAX_SCATTERED = 0.1;

    private Segments() {
    }

    /** Whether too much of the index lies outside its largest segment's live documents. */
    static boolean scattered(IndexReader reader) {
        return scatteredShare(reader) > MAX_SCATTERED;
    }

    static double scatteredShare(IndexReader reader) {
        if (reader.maxDoc() == 0) {
            return 0;
        }
        int largest = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            largest = Math.max(largest, leaf.reader().numDocs());
        }
        return 1 - (double) largest / reader.maxDoc();
    }
}
