package dev.debrief.question.index;

import java.util.Arrays;

/**
 * What PostgreSQL's full-text search answered for one search text, on one snapshot: the matching
 * questions' ordinals in relevance order (ts_rank descending, then id) and their ranks. The ranks come
 * sorted, and a text's matches share few distinct ranks, so they are kept as runs (a rank and where its run
 * ends): about 4 bytes per match instead of 8, which doubles what the search cache holds in the same heap.
 */
public final class TextMatch {

    private final long version;
    private final int[] ordinals;
    /** Run r covers positions [runEnds[r - 1], runEnds[r]) of {@link #ordinals}, all ranked runRanks[r]. */
    private final float[] runRanks;
    private final int[] runEnds;

    private TextMatch(long version, int[] ordinals, float[] runRanks, int[] runEnds) {
        this.version = version;
        this.ordinals = ordinals;
        this.runRanks = runRanks;
        this.runEnds = runEnds;
    }

    private TextMatch(long version, int[] ordinals, float[] ranks) {
        this.version = version;
        this.ordinals = ordinals;
        int runs = 0;
        for (int i = 0; i < ranks.length; i++) {
            if (i == 0 || Float.compare(ranks[i], ranks[i - 1]) != 0) {
                runs++;
            }
        }
        runRanks = new float[runs];
        runEnds = new int[runs];
        int r = -1;
        for (int i = 0; i < ranks.length; i++) {
            if (i == 0 || Float.compare(ranks[i], ranks[i - 1]) != 0) {
                runRanks[++r] = ranks[i];
            }
            runEnds[r] = i + 1;
        }
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

    /**
     * An earlier match brought up to {@code snapshot}: the questions with these changed keys leave it, and
     * come back (in rank order, ties by id) where {@code fresh} says they match now. ts_rank depends on the
     * question and the query alone, so every other question keeps its place and rank: the result is what a
     * full search on the newer catalog answers.
     */
    static TextMatch revised(CatalogSnapshot snapshot, TextMatch earlier, int[] changedKeys, TextMatch fresh) {
        int[] changed = new int[changedKeys.length];
        for (int i = 0; i < changedKeys.length; i++) {
            changed[i] = snapshot.ordinalOf(changedKeys[i]);
        }
        Arrays.sort(changed);
        if (fresh.size() == 0 && !earlier.holdsAny(changed)) {
            // the usual case: an edit elsewhere in the catalog; share the arrays (no copy to promote and collect)
            return new TextMatch(snapshot.version(), earlier.ordinals, earlier.runRanks, earlier.runEnds);
        }
        Integer[] order = new Integer[fresh.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Float.compare(fresh.rankAt(b), fresh.rankAt(a));
            return c != 0 ? c : snapshot.compareIds(fresh.ordinals[a], fresh.ordinals[b]);
        });
        int[] ordinals = new int[earlier.size() + fresh.size()];
        float[] ranks = new float[ordinals.length];
        int k = 0;
        int f = 0;
        for (int i = 0; i < earlier.size(); i++) {
            int o = earlier.ordinals[i];
            if (Arrays.binarySearch(changed, o) >= 0) {
                continue;
            }
            float rank = earlier.rankAt(i);
            while (f < order.length && comesFirst(snapshot, fresh, order[f], rank, o)) {
                ordinals[k] = fresh.ordinals[order[f]];
                ranks[k++] = fresh.rankAt(order[f++]);
            }
            ordinals[k] = o;
            ranks[k++] = rank;
        }
        for (; f < order.length; f++) {
            ordinals[k] = fresh.ordinals[order[f]];
            ranks[k++] = fresh.rankAt(order[f]);
        }
        return new TextMatch(snapshot.version(), Arrays.copyOf(ordinals, k), Arrays.copyOf(ranks, k));
    }

    private static boolean comesFirst(CatalogSnapshot snapshot, TextMatch fresh, int at, float rank, int ordinal) {
        int c = Float.compare(fresh.rankAt(at), rank);
        return c > 0 || c == 0 && snapshot.compareIds(fresh.ordinals[at], ordinal) < 0;
    }

    /** Whether any of these (sorted) ordinals is among the matches. */
    private boolean holdsAny(int[] sortedOrdinals) {
        for (int o : ordinals) {
            if (Arrays.binarySearch(sortedOrdinals, o) >= 0) {
                return true;
            }
        }
        return false;
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
                        out[p] = rankAt(i);
                    }
                }
            }
        }
        return out;
    }

    /** The rank at a position of the relevance order: the run whose end is the first past it. */
    private float rankAt(int position) {
        int at = Arrays.binarySearch(runEnds, position + 1);
        return runRanks[at >= 0 ? at : -at - 1];
    }
}
