package dev.debrief.kit.security;

import java.util.Optional;
import java.util.Set;

/**
 * The one rule of who may do what with an interview session, shared by session-service (which owns the
 * session) and scoring-service (which learns the same facts from the session events):
 * <ul>
 * <li>the candidate sees their own session;</li>
 * <li>coach scope is the session's coach or the firm's admin: they see it and manage its panel;</li>
 * <li>the scorers are the session's coach and the coaches of the firm on its panel: they see it and file
 * scorecards;</li>
 * <li>everyone else does not see it (404); who sees but may not act is refused (403).</li>
 * </ul>
 * A coach or panelist counts only inside the session's firm, so a token of another firm naming the same
 * user id gets nothing.
 *
 * @param tenant the session's firm, null for a candidate practising outside any firm
 * @param coach the interviewing coach's user id, null in self-practice
 * @param panel the user ids of the firm's coaches added as scorers
 */
public record SessionScope(String tenant, String candidate, String coach, Set<String> panel) {

    public SessionScope {
        panel = panel == null ? Set.of() : Set.copyOf(panel);
    }

    /** Who is asking: user id, firm and realm roles, as read from a verified token. */
    public record Who(String id, Optional<String> tenant, Set<String> roles) {

        public static Who of(Caller caller) {
            Set<String> roles = new java.util.HashSet<>();
            for (String role : new String[] { Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN, Roles.ANALYST }) {
                if (caller.is(role)) {
                    roles.add(role);
                }
            }
            return new Who(caller.id(), caller.tenant(), Set.copyOf(roles));
        }

        boolean inFirm(String firm) {
            return tenant.map(t -> t.equals(firm)).orElse(firm == null);
        }
    }

    public boolean isCandidate(Who who) {
        return who.roles().contains(Roles.CANDIDATE) && who.id().equals(candidate);
    }

    public boolean isCoach(Who who) {
        return who.roles().contains(Roles.COACH) && who.id().equals(coach) && who.inFirm(tenant);
    }

    public boolean isPanelist(Who who) {
        return tenant != null && who.roles().contains(Roles.COACH) && panel.contains(who.id()) && who.inFirm(tenant);
    }

    public boolean isFirmAdmin(Who who) {
        return tenant != null && who.roles().contains(Roles.FIRM_ADMIN) && who.inFirm(tenant);
    }

    /** Reads the session, its answers, scores and debrief. */
    public boolean sees(Who who) {
        return isCandidate(who) || isCoach(who) || isPanelist(who) || isFirmAdmin(who);
    }

    /** Coach scope: the session's coach or the firm's admin. Manages the panel. */
    public boolean inCoachScope(Who who) {
        return isCoach(who) || isFirmAdmin(who);
    }

    /** Files and revises scorecards: the session's coach and its panel. */
    public boolean scores(Who who) {
        return isCoach(who) || isPanelist(who);
    }

    /** Reads the scorecards of the session: its scorers and the firm's admin (never the candidate). */
    public boolean readsScorecards(Who who) {
        return scores(who) || isFirmAdmin(who);
    }
}
