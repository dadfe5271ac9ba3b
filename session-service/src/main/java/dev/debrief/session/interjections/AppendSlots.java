package dev.debrief.session.interjections;

import dev.debrief.session.lifecycle.SessionStatus;
import dev.debrief.session.lifecycle.Stopwatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes a session's next timeline seq for an append, in one round trip: the update locks the session row
 * until commit (serialising writers across replicas, as {@code last_seq} always did), marks the activity
 * for the idle job, and returns what the append checks, joined with the current question. A refused append
 * throws, so the transaction rolls back and neither the seq nor the touch is kept.
 */
@ApplicationScoped
public class AppendSlots {

    private static final String CLAIM = """
            with s as (
                update interview_session set last_seq = last_seq + 1, last_activity_at = ?
                where id = ?
                returning id, tenant, candidate, coach, status, current_index, last_seq)
            select s.tenant, s.candidate, s.coach, s.status, s.last_seq, q.idx, q.question_id, q.asked_at,
                   q.finished_at, q.active_millis, q.running_since
            from s left join session_question q on q.session_id = s.id and q.idx = s.current_index""";

    private final EntityManager entityManager;

    public AppendSlots(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return the locked session with its new seq, empty when there is no such session */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AppendSlot> claim(UUID sessionId, Instant now) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CLAIM)) {
                statement.setObject(1, now.atOffset(ZoneOffset.UTC));
                statement.setObject(2, sessionId);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(slot(sessionId, row)) : Optional.empty();
                }
            }
        });
    }

    private static AppendSlot slot(UUID sessionId, ResultSet row) throws SQLException {
        AppendSlot.Question question = null;
        int index = row.getInt("idx");
        if (!row.wasNull()) {
            Stopwatch clock = new Stopwatch();
            clock.activeMillis = row.getLong("active_millis");
            clock.runningSince = instant(row, "running_since");
            question = new AppendSlot.Question(index, row.getObject("question_id", UUID.class),
                    instant(row, "asked_at"), instant(row, "finished_at"), clock);
        }
        return new AppendSlot(sessionId, row.getString("tenant"), row.getString("candidate"), row.getString("coach"),
                SessionStatus.valueOf(row.getString("status")), row.getLong("last_seq"), question);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
