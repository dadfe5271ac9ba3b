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
        return isCandidateOf(s) || isCoachOf(s) || isFirmAdminOf(s);
    }

    public boolean isCandidateOf(InterviewSession s) {
        return roles.contains(Roles.CANDIDATE) && id.equals(s.candidate);
    }

    public boolean isCoachOf(InterviewSession s) {
        return roles.contains(Roles.COACH) && id.equals(s.coach) && sameTenant(s.tenant);
    }

    public boolean isFirmAdminOf(InterviewSession s) {
        return roles.contains(Roles.FIRM_ADMIN) && s.tenant != null && s.tenant.equals(tenant.orElse(null));
    }

    /** How the viewer takes part, for the timeline's actor: {@code candidate:cara}, {@code coach:sam}. */
    public String actorIn(InterviewSession s) {
        String role = isCandidateOf(s) ? "candidate" : isCoachOf(s) ? "coach" : "firm-admin";
        return role + ":" + name;
    }

    private boolean sameTenant(String resourceTenant) {
        return tenant.map(t -> t.equals(resourceTenant)).orElse(resourceTenant == null);
    }
}
