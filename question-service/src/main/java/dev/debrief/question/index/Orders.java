package dev.debrief.question.index;

import dev.debrief.question.domain.Difficulty;
import dev.debrief.question.persistence.SortOrder;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The list orders as permutations of ordinals, each exactly the SQL order it replaces (ties broken by the
 * id, compared as PostgreSQL compares uuids; titles in code point order, which is what the C.UTF-8
 * collation of the catalog database does). Six base permutations serve the eight orders: the two
 * descending orders whose tie-breaker also descends are the base ones walked backwards.
 */
enum Orders {
    TITLE(((Comparator<IndexedQuestion>) IndexedQuestion::compareTitles).thenComparing(IndexedQuestion::compareIds)),
    UPDATED(Comparator.comparingLong(IndexedQuestion::updatedMicros).thenComparing(IndexedQuestion::compareIds)),
    DIFFICULTY(null),
    DIFFICULTY_DESC(null),
    TIME(Comparator.comparingInt(IndexedQuestion::timeBudgetSeconds).thenComparing(IndexedQuestion::compareIds)),
    TIME_DESC(Comparator.comparingInt((IndexedQuestion q) -> -q.timeBudgetSeconds()).thenComparing(IndexedQuestion::compareIds));

    /** Null for the difficulty orders: they are the title order bucketed by difficulty. */
    final Comparator<IndexedQuestion> comparator;

    Orders(Comparator<IndexedQuestion> comparator) {
        this.comparator = comparator;
    }

    /** The base permutation a sort walks, and whether backwards; null for relevance (the search's own order). */
    static Orders base(SortOrder sort) {
        return switch (sort) {
            case TITLE, TITLE_DESC -> TITLE;
            case UPDATED, UPDATED_DESC -> UPDATED;
            case DIFFICULTY -> DIFFICULTY;
            case DIFFICULTY_DESC -> DIFFICULTY_DESC;
            case TIME_BUDGET -> TIME;
            case TIME_BUDGET_DESC -> TIME_DESC;
            case RELEVANCE -> null;
        };
    }

    static boolean backwards(SortOrder sort) {
        return sort == SortOrder.TITLE_DESC || sort == SortOrder.UPDATED_DESC;
    }

    /** Every base permutation, sorted from scratch: O(n log n), for a full load. */
    static int[][] sortAll(IndexedQuestion[] entries, int n) {
        int[][] orders = new int[values().length][];
        for (Orders o : values()) {
            if (o.comparator != null) {
                orders[o.ordinal()] = Arrays.stream(range(n)).boxed()
                        .sorted((a, b) -> o.comparator.compare(entries[a], entries[b]))
                        .mapToInt(Integer::intValue).toArray();
            }
        }
        deriveDifficulty(orders, entries);
        return orders;
    }

    /**
     * The permutations after {@code changed} ordinals got new entries (or are new): each old permutation
     * without them, merged with them sorted. O(n + k log k) per order instead of a full sort.
     */
    static int[][] mergeAll(int[][] old, IndexedQuestion[] before, IndexedQuestion[] entries, int n, int[] changed) {
        boolean[] isChanged = new boolean[n];
        for (int o : changed) {
            isChanged[o] = true;
        }
        int[][] orders = new int[values().length][];
        for (Orders o : values()) {
            if (o.comparator == null) {
                continue;
            }
            if (keepsItsPlaces(o.comparator, before, entries, n, changed)) {
                orders[o.ordinal()] = old[o.ordinal()];   // shared: edits that leave this order's keys alone
                continue;
            }
            int[] fresh = Arrays.stream(changed).boxed()
                    .sorted((a, b) -> o.comparator.compare(entries[a], entries[b]))
                    .mapToInt(Integer::intValue).toArray();
            int[] was = old[o.ordinal()];
            int[] after = new int[n];
            int i = 0;
            int j = 0;
            int k = 0;
            while (i < was.length || j < fresh.length) {
                if (i < was.length && isChanged[was[i]]) {
                    i++;
                } else if (j == fresh.length
                        || i < was.length && o.comparator.compare(entries[was[i]], entries[fresh[j]]) <= 0) {
                    after[k++] = was[i++];
                } else {
                    after[k++] = fresh[j++];
                }
            }
            orders[o.ordinal()] = after;
        }
        boolean sameDifficulties = true;
        for (int o : changed) {
            sameDifficulties &= o < before.length && before[o].difficulty() == entries[o].difficulty();
        }
        if (orders[TITLE.ordinal()] == old[TITLE.ordinal()] && sameDifficulties) {
            orders[DIFFICULTY.ordinal()] = old[DIFFICULTY.ordinal()];
            orders[DIFFICULTY_DESC.ordinal()] = old[DIFFICULTY_DESC.ordinal()];
        } else {
            deriveDifficulty(orders, entries);
        }
        return orders;
    }

    /** No new question, and every changed one compares equal to what it was: the order stays as it is. */
    private static boolean keepsItsPlaces(Comparator<IndexedQuestion> order, IndexedQuestion[] before,
            IndexedQuestion[] entries, int n, int[] changed) {
        if (n != before.length) {
            return false;
        }
        for (int o : changed) {
            if (order.compare(before[o], entries[o]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Inverse permutation: position of each ordinal in the order. */
    static int[] positions(int[] order) {
        int[] positions = new int[order.length];
        for (int p = 0; p < order.length; p++) {
            positions[order[p]] = p;
        }
        return positions;
    }

    /** Difficulty then title then id: the title order, stably bucketed by difficulty (either direction). */
    private static void deriveDifficulty(int[][] orders, IndexedQuestion[] entries) {
        int[] byTitle = orders[TITLE.ordinal()];
        int[] counts = new int[Difficulty.values().length];
        for (int o : byTitle) {
            counts[entries[o].difficulty().ordinal()]++;
        }
        orders[DIFFICULTY.ordinal()] = bucket(byTitle, entries, counts, false);
        orders[DIFFICULTY_DESC.ordinal()] = bucket(byTitle, entries, counts, true);
    }

    private static int[] bucket(int[] byTitle, IndexedQuestion[] entries, int[] counts, boolean descending) {
        int buckets = counts.length;
        int[] start = new int[buckets];
        int at = 0;
        for (int b = 0; b < buckets; b++) {
            int d = descending ? buckets - 1 - b : b;
            start[d] = at;
            at += counts[d];
        }
        int[] out = new int[byTitle.length];
        for (int o : byTitle) {
            out[start[entries[o].difficulty().ordinal()]++] = o;
        }
        return out;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    /** Code point order (what UTF-8 byte order gives); String.compareTo differs only past the surrogates. */
    static int compareCodePoints(String a, String b) {
        int len = Math.min(a.length(), b.length());
        for (int i = 0; i < len; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= 0xD800 && y >= 0xD800) {
                    return fixUp(x) - fixUp(y);
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    private static int fixUp(char c) {
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
