package dev.debrief.question.index;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Full-text matches per search text, bounded by their total number of matches (8 bytes each). When full, the
 * least recently used texts go first, so a working set near the budget keeps most of its hits; dropping
 * everything at once, as this cache did before, lost about a fifth of them. Entries belong to one catalog
 * snapshot: a newer snapshot empties the cache, and an answer for an older one is never stored.
 */
final class MatchCache {

    private final long budget;
    /** Access order: the eldest entry is the least recently used. Guarded by this. */
    private final LinkedHashMap<String, TextMatch> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long matches;
    private long version;

    /** @param budget the most matches held in all; 0 holds nothing */
    MatchCache(long budget) {
        this.budget = budget;
    }

    /** The match cached for this text on this snapshot version, or null. */
    synchronized TextMatch get(String text, long snapshotVersion) {
        advance(snapshotVersion);
        TextMatch match = entries.get(text);
        return match != null && match.version() == snapshotVersion ? match : null;
    }

    /** Keeps this match unless it is larger than the whole budget or belongs to an older snapshot. */
    synchronized void put(String text, TextMatch match) {
        advance(match.version());
        if (budget == 0 || match.size() > budget || match.version() != version) {
            return;
        }
        TextMatch old = entries.put(text, match);
        matches += match.size() - (old == null ? 0 : old.size());
        Iterator<TextMatch> eldest = entries.values().iterator();
        while (matches > budget && eldest.hasNext()) {
            matches -= eldest.next().size();
            eldest.remove();
        }
    }

    private void advance(long snapshotVersion) {
        if (snapshotVersion > version) {   // the catalog changed: every cached rank may be wrong
            version = snapshotVersion;
            entries.clear();
            matches = 0;
        }
    }

    synchronized int texts() {
        return entries.size();
    }

    synchronized long matches() {
        return matches;
    }
}
