package dev.debrief.session.timeline;

import dev.debrief.contracts.EventType;
import dev.debrief.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Records one change of a session twice in its transaction: as a numbered timeline entry (playback and
 * live push) and as an event in the outbox (Kafka, keyed by session id). Either both commit or neither. The
 * event is also what takes the entry to the live sockets of every replica (live.LiveFanOut).
 */
@ApplicationScoped
public class SessionEvents {

    private static final String PREFIX = EventType.TYPE_PREFIX + "session.";

    private final Timeline timeline;
    private final Outbox outbox;

    public SessionEvents(Timeline timeline, Outbox outbox) {
        this.timeline = timeline;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry record(SessionRef session, EventType type, String actor, Instant at, Object data) {
        outbox.publish(type, session.sessionId(), session.tenant(), data);
        return timeline.append(session.sessionId(), timelineType(type), actor, at, data);
    }

    /** The same for a session whose seq the caller has already taken (see {@link Timeline#appendAt}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry recordAt(UUID sessionId, String tenant, long seq, EventType type, String actor, Instant at,
            Object data) {
        outbox.publish(type, sessionId, tenant, data);
        return timeline.appendAt(sessionId, seq, timelineType(type), actor, at, data);
    }

    /** {@code dev.debrief.session.follow-up-asked} → {@code follow-up-asked}. */
    public static String timelineType(EventType type) {
        String ce = type.ceType();
        return ce.startsWith(PREFIX) ? ce.substring(PREFIX.length()) : ce.substring(EventType.TYPE_PREFIX.length());
    }
}
