package dev.debrief.scoring.access;

import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.security.Caller;
import dev.debrief.kit.security.Roles;
import dev.debrief.kit.security.SessionScope;
import dev.debrief.scoring.answers.Answer;
import jakarta.enterprise.context.RequestScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may see and score a session: the same rule as session-service ({@link SessionScope}), fed by the
 * session events. The candidate who answered, the session's coach, its panel and the firm's admin see it;
 * the coach and the panel file scorecards. Who does not see a session gets 404, so another firm's sessions
 * (and the firm's sessions a coach does not take part in) do not even appear to exist; who sees it but may
 * not act gets 403.
 */
@RequestScoped
public class Access {

    private final Caller caller;
    private final SessionScopes scopes;

    public Access(Caller caller, SessionScopes scopes) {
        this.caller = caller;
        this.scopes = scopes;
    }

    public Caller caller() {
        return caller;
    }

    public SessionScope.Who who() {
        return SessionScope.Who.of(caller);
    }

    /** The session's answers, when the caller sees the session. */
    public List<Answer> session(UUID sessionId) {
        List<Answer> answers = Answer.ofSession(sessionId);
        visibleScope(sessionId, answers);
        return answers;
    }

    /** The session's answers, when the caller is one of its scorers (the coach or a panelist). */
    public List<Answer> scoredBy(UUID sessionId) {
        List<Answer> answers = Answer.ofSession(sessionId);
        if (!visibleScope(sessionId, answers).scores(who())) {
            throw ProblemException.forbidden("only the session's coach and its panel file scorecards");
        }
        return answers;
    }

    /** Checks that the caller may read the session's scorecards: its scorers and the firm's admin. */
    public void scorecardsOf(UUID sessionId) {
        if (!visibleScope(sessionId, Answer.ofSession(sessionId)).readsScorecards(who())) {
            throw ProblemException.forbidden("only the session's scorers and the firm's admin read its scorecards");
        }
    }

    /** True when the caller may read the scorecards of the session, without saying why not. */
    public boolean readsScorecardsOf(UUID sessionId) {
        return scope(sessionId, Answer.ofSession(sessionId)).map(s -> s.readsScorecards(who())).orElse(false);
    }

    /** True when the caller still scores the session (a panelist removed from the panel no longer does). */
    public boolean scores(UUID sessionId) {
        return scope(sessionId, Answer.ofSession(sessionId)).map(s -> s.scores(who())).orElse(false);
    }

    public boolean mayRead(Answer answer) {
        return sees(answer.sessionId);
    }

    public boolean sees(UUID sessionId) {
        return scope(sessionId, Answer.ofSession(sessionId)).map(s -> s.sees(who())).orElse(false);
    }

    /** Firm-wide readers of aggregates (analysts, the firm's admin); a coach reads only their sessions. */
    public boolean readsWholeFirm() {
        return caller.is(Roles.FIRM_ADMIN) || caller.is(Roles.ANALYST);
    }

    /** The caller's firm; firm-scoped endpoints need one. */
    public String firm() {
        return caller.tenant().orElseThrow(() -> ProblemException.notFound("firm", "of this caller"));
    }

    private SessionScope visibleScope(UUID sessionId, List<Answer> answers) {
        return scope(sessionId, answers).filter(s -> !answers.isEmpty() && s.sees(who()))
                .orElseThrow(() -> ProblemException.notFound("session", sessionId));
    }

    private Optional<SessionScope> scope(UUID sessionId, List<Answer> answers) {
        return scopes.of(sessionId, answers);
    }
}
