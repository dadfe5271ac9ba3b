package dev.debrief.session.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.debrief.contracts.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
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

    private final EntityManager entityManager;
    private final Event<TimelineAppended> appended;

    public Timeline(EntityManager entityManager, Event<TimelineAppended> appended) {
        this.entityManager = entityManager;
        this.appended = appended;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry append(UUID sessionId, String type, String actor, Instant at, Object data) {
        return append(sessionId, type, actor, at, data, null);
    }

    /** @param eventId the id of the event published in the same transaction, if any */
    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry append(UUID sessionId, String type, String actor, Instant at, Object data, String eventId) {
        Number seq = (Number) entityManager.createNativeQuery(
                "update interview_session set last_seq = last_seq + 1 where id = :id returning last_seq")
                .setParameter("id", sessionId)
                .getSingleResult();
        TimelineEntry entry = new TimelineEntry();
        entry.sessionId = sessionId;
        entry.seq = seq.longValue();
        entry.type = type;
        entry.actor = actor;
        entry.at = at;
        entry.data = write(data);
        entry.persist();
        appended.fire(new TimelineAppended(sessionId, entry, eventId));
        return entry;
    }

    /** Entries after {@code afterSeq}, in order, at most {@code limit}. Needs a transaction or a request. */
    public List<TimelineEntry> after(UUID sessionId, long afterSeq, int limit) {
        return TimelineEntry.<TimelineEntry>find("sessionId = ?1 and seq > ?2 order by seq", sessionId, afterSeq)
                .page(0, limit).list();
    }

    private static String write(Object data) {
        try {
            return Json.mapper().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("timeline data is not serialisable", e);
        }
    }
}
