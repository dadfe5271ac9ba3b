package dev.debrief.question.index;

/** Bit sets over ordinals as plain long words: the index's filters and facet counts are loops over these. */
final class Bits {

    private Bits() {
    }

    static int words(int n) {
        return (n + 63) >>> 6;
    }

    static void set(long[] bits, int ordinal) {
        bits[ordinal >>> 6] |= 1L << ordinal;
    }

    static boolean get(long[] bits, int ordinal) {
        return (bits[ordinal >>> 6] & 1L << ordinal) != 0;
    }

    /** The ordinals of a sorted posting list as a bit set. */
    static void or(long[] into, int[] postings) {
        for (int o : postings) {
            into[o >>> 6] |= 1L << o;
        }
    }

    static int cardinality(long[] bits) {
        int c = 0;
        for (long w : bits) {
            c += Long.bitCount(w);
        }
        return c;
    }

    /** |a ∧ b| over words [from, to). */
    static int andCount(long[] a, long[] b, int from, int to) {
        int c = 0;
        for (int w = from; w < to; w++) {
            c += Long.bitCount(a[w] & b[w]);
        }
        return c;
    }
}
