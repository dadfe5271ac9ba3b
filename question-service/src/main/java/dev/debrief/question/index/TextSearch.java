package dev.debrief.question.index;

import dev.debrief.question.config.CatalogConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * Full-text search stays PostgreSQL's: the stored tsvector, its GIN index, websearch_to_tsquery (any text is
 * a query, never SQL) and ts_rank. PostgreSQL answers only which questions match and how well (keys and
 * ranks, already in relevance order); visibility, filters, facets and the page come from the index.
 * <p>
 * The answer depends on the text alone, so it is cached per text (whitespace-normalised, see
 * {@link MatchCache}) and reused for every caller, filter and page of that text.
 */
@ApplicationScoped
public class TextSearch {

    private static final String SQL = "select q.catalog_key, ts_rank(q.search, query) from question q, "
            + "websearch_to_tsquery('english', ?) query where q.search @@ query order by 2 desc, q.id";
    /** The same question about some questions only (by catalog key); order does not matter here. */
    private static final String REVISE_SQL = "select q.catalog_key, ts_rank(q.search, query) from question q, "
            + "websearch_to_tsquery('english', ?) query where q.catalog_key = any(?) and q.search @@ query";

    private final AgroalDataSource dataSource;
    private final MatchCache cache;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder revisions = new LongAdder();

    public TextSearch(AgroalDataSource dataSource, CatalogConfig config) {
        this.dataSource = dataSource;
        this.cache = new MatchCache(config.searchCacheMatches());
    }

    /**
     * The questions of {@code snapshot} that match {@code text}, in relevance order. A text cached on an
     * older snapshot is brought up to date by asking PostgreSQL about the questions changed since (a few
     * primary-key look-ups), not by searching again, so catalog edits do not cost the cache its hits.
     */
    public TextMatch find(String text, CatalogSnapshot snapshot) {
        String key = text.strip().replaceAll("\\s+", " ");
        TextMatch cached = cache.get(key);
        if (cached != null && cached.version() == snapshot.version()) {
            hits.increment();
            return cached;
        }
        int[] changed = cached == null ? null : snapshot.changedSince(cached.version());
        TextMatch match;
        if (changed != null) {
            revisions.increment();
            match = TextMatch.revised(snapshot, cached, changed, query(REVISE_SQL, key, changed, snapshot));
        } else {
            misses.increment();
            match = query(SQL, key, null, snapshot);
        }
        cache.put(key, match);
        return match;
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    /** Cached texts brought up to date after a catalog change (each a small query instead of a search). */
    public long revisions() {
        return revisions.sum();
    }

    private TextMatch query(String sql, String text, int[] onlyKeys, CatalogSnapshot snapshot) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, text);
            if (onlyKeys != null) {
                ps.setArray(2, c.createArrayOf("integer", Arrays.stream(onlyKeys).boxed().toArray()));
            }
            int[] keys = new int[64];
            float[] ranks = new float[64];
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (n == keys.length) {
                        keys = Arrays.copyOf(keys, n * 2);
                        ranks = Arrays.copyOf(ranks, n * 2);
                    }
                    keys[n] = rs.getInt(1);
                    ranks[n++] = rs.getFloat(2);
                }
            }
            return TextMatch.of(snapshot, Arrays.copyOf(keys, n), Arrays.copyOf(ranks, n));
        } catch (SQLException e) {
            throw new IllegalStateException("question search failed", e);
        }
    }
}
