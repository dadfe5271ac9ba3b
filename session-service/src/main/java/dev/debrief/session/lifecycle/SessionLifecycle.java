package dev.debrief.session.lifecycle;

import dev.debrief.contracts.EventType;
import dev.debrief.contracts.sessions.QuestionAsked;
import dev.debrief.contracts.sessions.RoundCompleted;
import dev.debrief.contracts.sessions.SessionAbandoned;
import dev.debrief.contracts.sessions.SessionCompleted;
import dev.debrief.contracts.sessions.SessionPaused;
import dev.debrief.contracts.sessions.SessionResumed;
import dev.debrief.contracts.sessions.SessionStarted;
import dev.debrief.session.timeline.SessionEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The state-changing commands of a session. Each locks the session, checks the caller's If-Match
 * version, lets the aggregate refuse or apply the move, and records what happened (timeline + outbox)
 * in the same transaction.
 */
@ApplicationScoped
public class SessionLifecycle {

    private final SessionAccess access;
    private final SessionEvents events;
    private final Clock clock;

    public SessionLifecycle(SessionAccess access, SessionEvents events, Clock clock) {
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public InterviewSession start(UUID id, long version) {
        InterviewSession s = access.forUpdate(id, version);
        Instant now = clock.instant();
        SessionQuestion first = s.start(now);
        String actor = access.viewer().actorIn(s);
        events.record(s, EventType.SESSION_STARTED, actor, now, new SessionStarted(s.id, s.candidate, actor, now));
        asked(s, first, actor, now);
        return flushed(s);
    }

    @Transactional
    public InterviewSession pause(UUID id, long version) {
        InterviewSession s = access.forUpdate(id, version);
        Instant now = clock.instant();
        s.pause(now);
        String actor = access.viewer().actorIn(s);
        long elapsed = s.current().map(q -> q.elapsedSeconds(now)).orElse(0L);
        events.record(s, EventType.SESSION_PAUSED, actor, now,
                new SessionPaused(s.id, actor, s.currentIndex, elapsed, now));
        return flushed(s);
    }

    @Transactional
    public InterviewSession resume(UUID id, long version) {
        InterviewSession s = access.forUpdate(id, version);
        Instant now = clock.instant();
        Duration paused = s.resume(now);
        String actor = access.viewer().actorIn(s);
        events.record(s, EventType.SESSION_RESUMED, actor, now,
                new SessionResumed(s.id, actor, paused.toSeconds(), now));
        return flushed(s);
    }

    @Transactional
    public InterviewSession next(UUID id, long version) {
        InterviewSession s = access.forUpdate(id, version);
        Instant now = clock.instant();
        InterviewSession.Advance advance = s.next(now);
        String actor = access.viewer().actorIn(s);
        if (advance.completedRound() != null) {
            roundCompleted(s, advance.completedRound(), actor, now);
        }
        asked(s, advance.asked(), actor, now);
        return flushed(s);
    }

    @Transactional
    public InterviewSession complete(UUID id, long version) {
        InterviewSession s = access.forUpdate(id, version);
        Instant now = clock.instant();
        String actor = access.viewer().actorIn(s);
        s.complete(now).ifPresent(round -> roundCompleted(s, round, actor, now));
        events.record(s, EventType.SESSION_COMPLETED, actor, now, new SessionCompleted(s.id, actor,
                s.answeredCount(), s.questions.size(), s.elapsedSeconds(now), now));
        return flushed(s);
    }

    @Transactional
    public InterviewSession abandon(UUID id, long version) {
        InterviewSession s = access.forUpdate(id, version);
        Instant now = clock.instant();
        SessionStatus previous = s.abandon(now);
        String actor = access.viewer().actorIn(s);
        events.record(s, EventType.SESSION_ABANDONED, actor, now,
                new SessionAbandoned(s.id, actor, previous.name(), now));
        return flushed(s);
    }

    private void asked(InterviewSession s, SessionQuestion q, String actor, Instant now) {
        var snapshot = q.snapshot();
        events.record(s, EventType.QUESTION_ASKED, actor, now, new QuestionAsked(s.id, q.index, q.roundPosition,
                q.questionId, q.questionVersion, snapshot.title(), snapshot.prompt(), q.format(),
                snapshot.timeBudgetSeconds(), now));
    }

    private void roundCompleted(InterviewSession s, SessionRound round, String actor, Instant now) {
        int answered = s.answeredCount(
                s.questions.stream().filter(q -> q.roundPosition == round.position).map(q -> q.index).toList());
        events.record(s, EventType.ROUND_COMPLETED, actor, now, new RoundCompleted(s.id, round.position, round.name,
                round.budgetSeconds, round.elapsedSeconds(now), round.overtimeSeconds(now), answered, now));
    }

    private static InterviewSession flushed(InterviewSession s) {
        InterviewSession.flush();
        return s;
    }
}
