package dev.debrief.session.timeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One numbered happening of a session: playback, transcript and live push all read these. */
@Entity
@Table(name = "timeline_entry")
@IdClass(TimelineEntry.Key.class)
public class TimelineEntry extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Id
    public long seq;

    /** The event name without its area: {@code question-asked}, {@code follow-up-asked}, {@code answer-scored}. */
    @Column(nullable = false)
    public String type;

    /** {@code <role>:<name>}, for example {@code coach:sam} or {@code system:self-practice}. */
    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at;

    /** The event's data as JSON. */
    @Column(nullable = false)
    public String data;

    /** The W3C traceparent of the span the entry was written in (null while tracing is off): its push joins that trace. */
    public String traceparent;

    /** The composite key (session, seq). */
    public static class Key implements Serializable {
        public UUID sessionId;
        public long seq;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.seq == seq && Objects.equals(k.sessionId, sessionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionId, seq);
        }
    }
}
