package dev.debrief.scoring.api;

import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.security.Caller;
import dev.debrief.kit.security.Roles;
import dev.debrief.scoring.persistence.Answer;
import jakarta.enterprise.context.RequestScoped;

import java.util.List;
import java.util.UUID;

/**
 * Who may see a session's scores: the candidate who answered, and coaches and firm admins of the session's
 * firm. Anything else answers 404, so another firm's sessions do not even appear to exist.
 */
@RequestScoped
public class Access {

    private final Caller caller;

    public Access(Caller caller) {
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }

    /** The session's answers, when the caller may read them. */
    public List<Answer> session(UUID sessionId) {
        List<Answer> answers = Answer.ofSession(sessionId);
        if (answers.isEmpty() || !mayRead(answers.get(0))) {
            throw ProblemException.notFound("session", sessionId);
        }
        return answers;
    }

    public boolean mayRead(Answer answer) {
        return mayReadCandidate(answer.candidate, answer.tenant);
    }

    public boolean mayReadCandidate(String candidate, String tenant) {
        if (caller.is(Roles.CANDIDATE) && caller.id().equals(candidate)) {
            return true;
        }
        return firmStaff() && tenant != null && caller.sameTenant(tenant);
    }

    public boolean firmStaff() {
        return caller.is(Roles.COACH) || caller.is(Roles.FIRM_ADMIN);
    }

    /** The caller's firm; firm-scoped endpoints need one. */
    public String firm() {
        return caller.tenant().orElseThrow(() -> ProblemException.notFound("firm", "of this caller"));
    }
}
