package dev.debrief.session.domain;

import dev.debrief.contracts.EventType;
import dev.debrief.contracts.sessions.ConstraintIntroduced;
import dev.debrief.contracts.sessions.FollowUpAsked;
import dev.debrief.kit.problem.ProblemException;
import dev.debrief.session.messaging.SessionEvents;
import dev.debrief.session.persistence.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Follow-ups and constraints sprung during an answer, timestamped on the answer's running clock: by the
 * session's coach, or by the session itself in self-practice (see {@link SelfPracticeInterviewer}).
 */
@ApplicationScoped
public class Interjections {

    public static final String INTERVIEWER = "INTERVIEWER";
    public static final String SELF_PRACTICE = "SELF_PRACTICE";

    private final SessionAccess access;
    private final SessionEvents events;
    private final SessionTouch touch;
    private final Clock clock;

    public Interjections(SessionAccess access, SessionEvents events, SessionTouch touch, Clock clock) {
        this.access = access;
        this.events = events;
        this.touch = touch;
        this.clock = clock;
    }

    @Transactional
    public TimelineEntry byCoach(UUID sessionId, InterjectionKind kind, String text) {
        InterviewSession s = access.forAppend(sessionId);
        Viewer viewer = access.viewer();
        if (!viewer.isCoachOf(s)) {
            throw ProblemException.forbidden("Only the session's coach interjects");
        }
        Instant now = clock.instant();
        TimelineEntry entry = record(s, s.interjectable(), kind, text, INTERVIEWER, viewer.actorIn(s), now);
        touch.touch(sessionId, now);
        return entry;
    }

    /** Records one interjection; the session must be locked by the caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry record(InterviewSession s, SessionQuestion q, InterjectionKind kind, String text,
            String source, String actor, Instant now) {
        long atSecond = q.elapsedSeconds(now);
        return kind == InterjectionKind.FOLLOW_UP
                ? events.record(s, EventType.FOLLOW_UP_ASKED, actor, now,
                        new FollowUpAsked(s.id, q.index, q.questionId, text, atSecond, source, actor, now))
                : events.record(s, EventType.CONSTRAINT_INTRODUCED, actor, now,
                        new ConstraintIntroduced(s.id, q.index, q.questionId, text, atSecond, source, actor, now));
    }
}
