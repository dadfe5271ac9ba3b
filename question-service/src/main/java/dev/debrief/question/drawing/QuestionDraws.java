package dev.debrief.question.drawing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.question.catalog.domain.QuestionContent;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Picks published questions at random but reproducibly: candidates are ordered by a hash of their id and
 * the seed, so the same seed over the same catalog draws the same questions.
 */
@ApplicationScoped
public class QuestionDraws {

    /** What to draw from; null fields do not filter. */
    public record Pool(String tenant, String category, String role, String company, String roundType,
            String difficulty) {
    }

    /** A drawn question at its current version, with that version's content. */
    public record Drawn(UUID id, int version, String slug, QuestionContent content) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public QuestionDraws(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public List<UUID> draw(Pool pool, Collection<UUID> exclude, int count, long seed) {
        StringBuilder sql = new StringBuilder("select q.id from question q where q.status = 'PUBLISHED'");
        List<String> params = new ArrayList<>();
        if (pool.tenant() == null) {
            sql.append(" and q.tenant is null");
        } else {
            sql.append(" and (q.tenant is null or q.tenant = ?)");
            params.add(pool.tenant());
        }
        equal(sql, params, "q.category", pool.category());
        equal(sql, params, "q.role", pool.role());
        equal(sql, params, "q.company", pool.company());
        equal(sql, params, "q.round_type", pool.roundType());
        equal(sql, params, "q.difficulty", pool.difficulty());
        sql.append(" and not (q.id = any(?)) order by md5(q.id::text || ?), q.id limit ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (String p : params) {
                ps.setString(i++, p);
            }
            ps.setArray(i++, c.createArrayOf("uuid", exclude.toArray()));
            ps.setString(i++, Long.toString(seed));
            ps.setInt(i, count);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("draw failed", e);
        }
    }

    /** The current versions of these questions in one query, in the order given. */
    public List<Drawn> current(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String sql = "select q.id, q.version, q.slug, v.content::text from question q join question_version v "
                + "on v.question_id = q.id and v.version = q.version where q.id = any(?)";
        Map<UUID, Drawn> found = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    found.put(id, new Drawn(id, rs.getInt(2), rs.getString(3),
                            mapper.readValue(rs.getString(4), QuestionContent.class)));
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("draw failed", e);
        }
        return ids.stream().map(found::get).toList();
    }

    private static void equal(StringBuilder sql, List<String> params, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }
}
