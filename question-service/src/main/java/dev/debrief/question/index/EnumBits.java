package dev.debrief.question.index;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One bit set per value of a closed vocabulary (an enum): which ordinals have that value. */
final class EnumBits<E extends Enum<E>> {

    private final Class<E> type;
    private final E[] values;
    private final long[][] bits;

    EnumBits(Class<E> type, int words) {
        this.type = type;
        this.values = type.getEnumConstants();
        this.bits = new long[values.length][words];
    }

    void set(E value, int ordinal) {
        Bits.set(bits[value.ordinal()], ordinal);
    }

    /** For multi-valued fields stored as names; names outside the vocabulary are ignored. */
    void setAll(List<String> names, int ordinal) {
        for (String name : names) {
            E value = valueOf(name);
            if (value != null) {
                set(value, ordinal);
            }
        }
    }

    long[] of(E value) {
        return bits[value.ordinal()];
    }

    /** match ∧= (OR of the named values' sets); no names: no restriction. Unknown names match nothing. */
    void restrict(long[] match, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        long[][] chosen = names.stream().map(this::valueOf).filter(v -> v != null).map(v -> bits[v.ordinal()])
                .toArray(long[][]::new);
        for (int w = 0; w < match.length; w++) {
            long any = 0;
            for (long[] c : chosen) {
                any |= c[w];
            }
            match[w] &= any;
        }
    }

    /** value name → how many matching ordinals have it, only values that occur, in name order. */
    Map<String, Long> count(long[] match, int from, int to) {
        Map<String, Long> counts = new TreeMap<>();
        for (E value : values) {
            int c = Bits.andCount(match, bits[value.ordinal()], from, to);
            if (c > 0) {
                counts.put(value.name(), (long) c);
            }
        }
        return counts;
    }

    private E valueOf(String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
