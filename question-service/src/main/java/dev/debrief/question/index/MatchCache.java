package dev.debrief.question.index;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Full-text matches per search text, bounded by their total number of matches (about 4 bytes each). When full,
 * the least recently used texts go first, so a working set near the budget keeps most of its hits; dropping
 * everything at once, as this cache did before, lost about a fifth of them. An entry may belong to an older
 * snapshot than the caller's: {@link TextSearch} brings it up to date, so a catalog change does not empty
 * the cache. An entry is never replaced by one of an older snapshot.
 */
final class MatchCache {

    private final long budget;
    /** Access order: the eldest entry is the least recently used. Guarded by this. */
    private final LinkedHashMap<String, TextMatch> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long matches;

    /** @param budget the most matches held in all; 0 holds nothing */
    MatchCache(long budget) {
        this.budget = budget;
    }

    /** The match cached for this text, of whatever snapshot, or null. */
    synchronized TextMatch get(String text) {
        return entries.get(text);
    }

    /** Keeps this match unless it is larger than the whole budget or older than the one held. */
    synchronized void put(String text, TextMatch match) {
        if (budget == 0 || match.size() > budget) {
            return;
        }
        TextMatch old = entries.get(text);
        if (old != null && old.version() > match.version()) {
            return;
        }
        entries.put(text, match);
        matches += match.size() - (old == null ? 0 : old.size());
        Iterator<TextMatch> eldest = entries.values().iterator();
        while (matches > budget && eldest.hasNext()) {
            matches -= eldest.next().size();
            eldest.remove();
        }
    }

    synchronized int texts() {
        return entries.size();
    }

    synchronized long matches() {
        return matches;
    }
}
