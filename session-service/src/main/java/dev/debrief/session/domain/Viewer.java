package dev.debrief.session.domain;

import dev.debrief.kit.security.Roles;

import java.util.Optional;
import java.util.Set;

/**
 * Who is looking, and the one rule of who sees a session: a candidate their own, a coach the sessions
 * they interview in their firm, a firm admin their firm's. Everything else is "not found".
 */
public record Viewer(String id, String name, Optional<String> tenant, Set<String> roles) {

    public boolean sees(InterviewSession s) {
        return sees(s.candidate, s.coach, s.tenant);
    }

    /** The same rule on the bare columns (the live append reads no entity). */
    public boolean sees(String candidate, String coach, String tenant) {
        return isCandidate(candidate) || isCoach(coach, tenant) || isFirmAdminIn(tenant);
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
