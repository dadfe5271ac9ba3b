package dev.debrief.session.lifecycle;

import dev.debrief.kit.security.Roles;
import dev.debrief.kit.security.SessionScope;

import java.util.Optional;
import java.util.Set;

/**
 * Who is looking. Who sees a session is the suite's one rule ({@link SessionScope}, shared with
 * scoring-service): a candidate their own, a coach the sessions they interview or sit on the panel of in
 * their firm, a firm admin their firm's. Everything else is "not found".
 */
public record Viewer(String id, String name, Optional<String> tenant, Set<String> roles) {

    public SessionScope.Who who() {
        return new SessionScope.Who(id, tenant, roles);
    }

    public boolean sees(InterviewSession s) {
        return s.scope().sees(who());
    }

    /** The same rule on the bare columns (the live append reads no entity, so no panel: the panel never appends). */
    public boolean sees(String candidate, String coach, String tenant) {
        return new SessionScope(tenant, candidate, coach, Set.of()).sees(who());
    }

    /** The candidate, the coach and the firm admin act on a session; its panel only reads it. */
    public boolean actsOn(InterviewSession s) {
        SessionScope scope = s.scope();
        return scope.isCandidate(who()) || scope.inCoachScope(who());
    }

    public boolean isCandidateOf(InterviewSession s) {
        return isCandidate(s.candidate);
    }

    public boolean isCoachOf(InterviewSession s) {
        return isCoach(s.coach, s.tenant);
    }

    public boolean isFirmAdminOf(InterviewSession s) {
        return isFirmAdminIn(s.tenant);
    }

    public boolean isCandidate(String candidate) {
        return roles.contains(Roles.CANDIDATE) && id.equals(candidate);
    }

    public boolean isCoach(String coach, String sessionTenant) {
        return roles.contains(Roles.COACH) && id.equals(coach) && sameTenant(sessionTenant);
    }

    private boolean isFirmAdminIn(String sessionTenant) {
        return roles.contains(Roles.FIRM_ADMIN) && sessionTenant != null && sessionTenant.equals(tenant.orElse(null));
    }

    /** How the viewer takes part, for the timeline's actor: {@code candidate:cara}, {@code coach:sam}. */
    public String actorIn(InterviewSession s) {
        return actorIn(s.candidate, s.coach, s.tenant);
    }

    public String actorIn(String candidate, String coach, String sessionTenant) {
        String role = isCandidate(candidate) ? "candidate" : isCoach(coach, sessionTenant) ? "coach" : "firm-admin";
        return role + ":" + name;
    }

    private boolean sameTenant(String resourceTenant) {
        return tenant.map(t -> t.equals(resourceTenant)).orElse(resourceTenant == null);
    }
}
