package dev.debrief.question.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An open vocabulary (tenants, companies, rubrics, tags): each value gets a dense id and a sorted posting
 * list of the ordinals that have it. Posting lists rather than bit sets because such vocabularies can be
 * large and most values rare.
 */
final class Dictionary {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private int[] sizes = new int[16];
    private int[][] postings;

    /** First pass: the id of a value, new if unseen. */
    int id(String value) {
        Integer id = ids.get(value);
        if (id == null) {
            id = names.size();
            ids.put(value, id);
            names.add(value);
            if (id == sizes.length) {
                sizes = Arrays.copyOf(sizes, id * 2);
            }
        }
        sizes[id]++;
        return id;
    }

    /** Second pass, in ordinal order, so every posting list comes out sorted. */
    void add(int id, int ordinal) {
        if (postings == null) {
            postings = new int[names.size()][];
            for (int i = 0; i < postings.length; i++) {
                postings[i] = new int[sizes[i]];
                sizes[i] = 0;
            }
        }
        postings[id][sizes[id]++] = ordinal;
    }

    int size() {
        return names.size();
    }

    String name(int id) {
        return names.get(id);
    }

    /** The ordinals with this value, or none. */
    int[] postings(String value) {
        Integer id = ids.get(value);
        return id == null || postings == null ? new int[0] : postings[id];
    }

    /** match ∧= (OR of the values' posting lists); no values: no restriction. */
    void restrict(long[] match, List<String> values, long[] scratch) {
        if (values.isEmpty()) {
            return;
        }
        Arrays.fill(scratch, 0);
        for (String v : values) {
            Bits.or(scratch, postings(v));
        }
        for (int w = 0; w < match.length; w++) {
            match[w] &= scratch[w];
        }
    }
}
