package dev.debrief.session.lifecycle;

import dev.debrief.contracts.EventType;
import dev.debrief.contracts.sessions.SessionExpired;
import dev.debrief.session.timeline.SessionEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/** Expires live sessions nobody touched for the idle timeout; each is locked and re-checked first. */
@ApplicationScoped
public class IdleExpiry {

    private static final EnumSet<SessionStatus> LIVE = EnumSet.of(SessionStatus.SCHEDULED, SessionStatus.IN_PROGRESS,
            SessionStatus.PAUSED);

    private final SessionEvents events;
    private final Clock clock;
    private final SessionsConfig config;

    public IdleExpiry(SessionEvents events, Clock clock, SessionsConfig config) {
        this.events = events;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "${debrief.sessions.expiry-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        expireIdle();
    }

    /** @return how many sessions expired */
    public int expireIdle() {
        Instant now = clock.instant();
        Instant idleBefore = now.minus(config.idleTimeout());
        List<UUID> idle = QuarkusTransaction.requiringNew().call(() -> InterviewSession
                .<InterviewSession>list("status in ?1 and lastActivityAt < ?2", LIVE, idleBefore).stream()
                .map(s -> s.id).toList());
        int expired = 0;
        for (UUID id : idle) {
            expired += QuarkusTransaction.requiringNew().call(() -> expire(id, idleBefore, now)) ? 1 : 0;
        }
        return expired;
    }

    private boolean expire(UUID id, Instant idleBefore, Instant now) {
        InterviewSession s = InterviewSession.findLocked(id);
        if (!LIVE.contains(s.status) || !s.lastActivityAt.isBefore(idleBefore)) {
            return false;
        }
        Instant idleSince = s.lastActivityAt;
        SessionStatus previous = s.expire(now);
        events.record(s, EventType.SESSION_EXPIRED, "system:idle-expiry", now,
                new SessionExpired(s.id, previous.name(), idleSince, now));
        return true;
    }
}
