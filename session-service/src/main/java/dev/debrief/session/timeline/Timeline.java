package dev.debrief.session.timeline;

import dev.debrief.contracts.Json;
import dev.debrief.kit.tracing.EventTraces;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A session's numbered history. The sequence number comes from {@code interview_session.last_seq},
 * bumped with {@code update … returning}: the row lock it takes is held until commit, so two writers
 * of one session are serialised and numbers are gapless in commit order (a reader that sees n has seen
 * everything before n). It deliberately bypasses the entity so appends do not change the ETag.
 */
@ApplicationScoped
public class Timeline {

    private static final String READ = "select seq, type, actor, at, data, traceparent from timeline_entry"
            + " where session_id = ? and seq > ? order by seq limit ?";

    private final EntityManager entityManager;
    private final AgroalDataSource dataSource;

    public Timeline(EntityManager entityManager, AgroalDataSource dataSource) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry append(UUID sessionId, String type, String actor, Instant at, Object data) {
        Number seq = (Number) entityManager.createNativeQuery(
                "update interview_session set last_seq = last_seq + 1 where id = :id returning last_seq")
                .setParameter("id", sessionId)
                .getSingleResult();
        return appendAt(sessionId, seq.longValue(), type, actor, at, data);
    }

    /**
     * Appends at a seq the caller has already taken by bumping {@code last_seq} in this transaction (the
     * live append does it in the same statement that locks the session and reads what it checks).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry appendAt(UUID sessionId, long seq, String type, String actor, Instant at, Object data) {
        TimelineEntry entry = new TimelineEntry();
        entry.sessionId = sessionId;
        entry.seq = seq;
        entry.type = type;
        entry.actor = actor;
        entry.at = at;
        entry.data = Json.write(data);
        entry.traceparent = EventTraces.currentTraceparent();
        entry.persist();
        return entry;
    }

    /**
     * Entries after {@code afterSeq}, in order, at most {@code limit}: the one reader of the timeline, for the live
     * push, the REST timeline and the transcript. Plain JDBC on an auto-commit connection, because the live push
     * reads once per nudge on its own threads: no transaction, no persistence context, no entity to manage.
     */
    public List<TimelineEntry> read(UUID sessionId, long afterSeq, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(READ)) {
            statement.setObject(1, sessionId);
            statement.setLong(2, afterSeq);
            statement.setInt(3, limit);
            List<TimelineEntry> entries = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    TimelineEntry entry = new TimelineEntry();
                    entry.sessionId = sessionId;
                    entry.seq = row.getLong(1);
                    entry.type = row.getString(2);
                    entry.actor = row.getString(3);
                    entry.at = row.getObject(4, OffsetDateTime.class).toInstant();
                    entry.data = row.getString(5);
                    entry.traceparent = row.getString(6);
                    entries.add(entry);
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the timeline of session " + sessionId, e);
        }
    }
}
