package dev.debrief.session.lifecycle;

import dev.debrief.kit.security.Caller;
import dev.debrief.kit.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Loads sessions the caller may see; anything else is not found (404), never not allowed (403), so nothing leaks. */
@RequestScoped
public class SessionAccess {

    private final Caller caller;

    public SessionAccess(Caller caller) {
        this.caller = caller;
    }

    public Viewer viewer() {
        Set<String> roles = Stream.of(Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN).filter(caller::is)
                .collect(Collectors.toSet());
        return new Viewer(caller.id(), caller.username(), caller.tenant(), roles);
    }

    public InterviewSession visible(UUID id) {
        InterviewSession session = InterviewSession.findById(id);
        return check(id, session);
    }

    /** The session locked for a change (serialises writers of one session across replicas). */
    @Transactional(Transactional.TxType.MANDATORY)
    public InterviewSession forUpdate(UUID id, long expectedVersion) {
        InterviewSession session = acting(check(id, InterviewSession.findLocked(id)));
        if (session.version != expectedVersion) {
            throw new Refusal.StaleVersion("The session is at version " + session.version
                    + ", not " + expectedVersion + "; read it again");
        }
        return session;
    }

    /** Locked for an append that does not need the caller's version (drafts, interjections). */
    @Transactional(Transactional.TxType.MANDATORY)
    public InterviewSession forAppend(UUID id) {
        return acting(check(id, InterviewSession.findLocked(id)));
    }

    /** Who sees a session but only reads it (its panel) is refused a change as not allowed (403), not as not found. */
    private InterviewSession acting(InterviewSession session) {
        if (!viewer().actsOn(session)) {
            throw new Refusal.NotAllowed("the panel reads the session; its candidate, coach and the firm's admin act on it");
        }
        return session;
    }

    private InterviewSession check(UUID id, InterviewSession session) {
        if (session == null || !viewer().sees(session)) {
            throw new Refusal.NotFound("Session", id);
        }
        return session;
    }
}
