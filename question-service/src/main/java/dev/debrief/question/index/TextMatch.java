package dev.debrief.question.index;

import java.util.Arrays;

/**
 * What PostgreSQL's full-text search answered for one search text, on one snapshot: the matching
 * questions' ordinals in relevance order (ts_rank descending, then id) and their ranks. 8 bytes per match,
 * so a bounded cache of them stays small.
 */
public final class TextMatch {

    private final long version;
    private final int[] ordinals;
    private final float[] ranks;

    private TextMatch(long version, int[] ordinals, float[] ranks) {
        this.version = version;
        this.ordinals = ordinals;
        this.ranks = ranks;
    }

    /** Catalog keys (relevance order) onto the snapshot's ordinals; keys it does not hold yet are left out. */
    public static TextMatch of(CatalogSnapshot snapshot, int[] keys, float[] ranks) {
        int[] ordinals = new int[keys.length];
        float[] kept = new float[keys.length];
        int k = 0;
        for (int i = 0; i < keys.length; i++) {
            int o = snapshot.ordinalOf(keys[i]);
            if (o >= 0) {
                ordinals[k] = o;
                kept[k++] = ranks[i];
            }
        }
        return new TextMatch(snapshot.version(), Arrays.copyOf(ordinals, k), Arrays.copyOf(kept, k));
    }

    /** The snapshot version the ordinals belong to. */
    public long version() {
        return version;
    }

    public int size() {
        return ordinals.length;
    }

    int[] ordinals() {
        return ordinals;
    }

    /** match ∧= this text's matches. */
    void restrict(long[] match) {
        long[] mine = new long[match.length];
        for (int o : ordinals) {
            Bits.set(mine, o);
        }
        for (int w = 0; w < match.length; w++) {
            match[w] &= mine[w];
        }
    }

    /** The rank of each of these ordinals (a page's: a handful), by one pass over the match. */
    float[] ranksOf(int[] page) {
        float[] out = new float[page.length];
        if (page.length == 0) {
            return out;
        }
        int[] sorted = page.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < ordinals.length; i++) {
            int at = Arrays.binarySearch(sorted, ordinals[i]);
            if (at >= 0) {
                for (int p = 0; p < page.length; p++) {
                    if (page[p] == ordinals[i]) {
                        out[p] = ranks[i];
                    }
                }
            }
        }
        return out;
    }
}
