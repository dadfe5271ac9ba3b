package dev.debrief.session.firm;

import dev.debrief.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/** A candidate belongs to the firm that schedules them, and so does every coach it names. */
@ApplicationScoped
public class FirmMembership {

    private final FirmMembers members;

    public FirmMembership(FirmMembers members) {
        this.members = members;
    }

    public boolean isMember(String firm, String userId, String role) {
        return firm != null && userId != null && members.of(firm, role).stream().anyMatch(m -> m.id().equals(userId));
    }

    /** 400 on {@code field} (problem+json) unless the user is a member of the firm holding the role. */
    public void require(String firm, String userId, String role, String field) {
        if (firm == null) {
            throw ProblemException.badRequest(field, "only a firm names its " + role + "s: your token names no firm");
        }
        if (!isMember(firm, userId, role)) {
            throw ProblemException.badRequest(field, "not a " + role + " of your firm " + firm);
        }
    }
}
