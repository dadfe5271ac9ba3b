package dev.debrief.session.interjections;

import dev.debrief.contracts.EventType;
import dev.debrief.contracts.sessions.ConstraintIntroduced;
import dev.debrief.contracts.sessions.FollowUpAsked;
import dev.debrief.session.lifecycle.InterjectionKind;
import dev.debrief.session.lifecycle.InterviewSession;
import dev.debrief.session.lifecycle.Refusal;
import dev.debrief.session.lifecycle.SessionAccess;
import dev.debrief.session.lifecycle.SessionQuestion;
import dev.debrief.session.lifecycle.Viewer;
import dev.debrief.session.timeline.SessionEvents;
import dev.debrief.session.timeline.TimelineEntry;
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
    private final AppendSlots slots;
    private final Clock clock;

    public Interjections(SessionAccess access, SessionEvents events, AppendSlots slots, Clock clock) {
        this.access = access;
        this.events = events;
        this.slots = slots;
        this.clock = clock;
    }

    /**
     * The live path, kept short because a candidate is waiting for it: one statement locks the session, takes
     * its seq and reads what is checked; then the event and the entry are inserted. No entity is loaded.
     */
    @Transactional
    public TimelineEntry byCoach(UUID sessionId, InterjectionKind kind, String text) {
        Viewer viewer = access.viewer();
        Instant now = clock.instant();
        AppendSlot s = slots.claim(sessionId, now).filter(slot -> viewer.sees(slot.candidate(), slot.coach(),
                slot.tenant())).orElseThrow(() -> new Refusal.NotFound("Session", sessionId));
        if (!viewer.isCoach(s.coach(), s.tenant())) {
            throw new Refusal.NotAllowed("Only the session's coach interjects");
        }
        AppendSlot.Question q = s.interjectable();
        String actor = viewer.actorIn(s.candidate(), s.coach(), s.tenant());
        long atSecond = q.clock().elapsed(now).toSeconds();
        return events.recordAt(s.sessionId(), s.tenant(), s.seq(), eventType(kind), actor, now,
                payload(kind, s.sessionId(), q.index(), q.questionId(), text, atSecond, INTERVIEWER, actor, now));
    }

    /** Records one interjection; the session must be locked by the caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry record(InterviewSession s, SessionQuestion q, InterjectionKind kind, String text,
            String source, String actor, Instant now) {
        return events.record(s, eventType(kind), actor, now,
                payload(kind, s.id, q.index, q.questionId, text, q.elapsedSeconds(now), source, actor, now));
    }

    private static EventType eventType(InterjectionKind kind) {
        return kind == InterjectionKind.FOLLOW_UP ? EventType.FOLLOW_UP_ASKED : EventType.CONSTRAINT_INTRODUCED;
    }

    private static Object payload(InterjectionKind kind, UUID sessionId, int index, UUID questionId, String text,
            long atSecond, String source, String actor, Instant now) {
        return kind == InterjectionKind.FOLLOW_UP
                ? new FollowUpAsked(sessionId, index, questionId, text, atSecond, source, actor, now)
                : new ConstraintIntroduced(sessionId, index, questionId, text, atSecond, source, actor, now);
    }
}
