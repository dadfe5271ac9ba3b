package dev.debrief.question.index;

import java.util.Arrays;

/**
 * How a snapshot came from earlier ones: each step from one version to the next and the catalog keys it
 * changed, newest first. It lets an answer computed on an older snapshot be brought up to date by looking
 * again at only those questions (ordinals stay put from one step to the next; a full load starts a new
 * lineage). Kept short: past {@link #MAX_STEPS} steps or {@link #MAX_KEYS} keys the oldest are forgotten.
 *
 * @param from      the version this step started from
 * @param keys      the keys it changed (new or edited questions)
 * @param before    the step that led to {@code from}, or null when forgotten or a full load
 * @param steps     how many steps this one and those before it make (kept, so bounding costs no walk)
 * @param totalKeys how many keys they hold together
 */
record Lineage(long from, int[] keys, Lineage before, int steps, int totalKeys) {

    static final int MAX_STEPS = 64;
    static final int MAX_KEYS = 4_096;

    /** The step from {@code from} with these keys, after {@code before} (null: none). */
    static Lineage step(long from, int[] keys, Lineage before) {
        if (before != null && (before.steps >= MAX_STEPS || before.totalKeys + keys.length > MAX_KEYS)) {
            before = before.trimmed(MAX_STEPS / 2, MAX_KEYS / 2 - keys.length);
        }
        return new Lineage(from, keys, before, before == null ? 1 : before.steps + 1,
                before == null ? keys.length : before.totalKeys + keys.length);
    }

    /**
     * The keys changed since {@code version}, up to the snapshot this lineage belongs to (at {@code now});
     * null when that version is not in the lineage (forgotten, or before a full load).
     */
    static int[] changedSince(Lineage lineage, long now, long version) {
        if (version == now) {
            return new int[0];
        }
        int[] keys = new int[0];
        for (Lineage step = lineage; step != null && step.from >= version; step = step.before) {
            int at = keys.length;
            keys = Arrays.copyOf(keys, at + step.keys.length);
            System.arraycopy(step.keys, 0, keys, at, step.keys.length);
            if (step.from == version) {
                return keys;
            }
        }
        return null;
    }

    /** The newest steps only: at most {@code steps} of them holding at most {@code keyBudget} keys. */
    private Lineage trimmed(int steps, int keyBudget) {
        if (steps <= 0 || keys.length > keyBudget) {
            return null;
        }
        Lineage rest = before == null ? null : before.trimmed(steps - 1, keyBudget - keys.length);
        return new Lineage(from, keys, rest, rest == null ? 1 : rest.steps + 1,
                rest == null ? keys.length : rest.totalKeys + keys.length);
    }
}
