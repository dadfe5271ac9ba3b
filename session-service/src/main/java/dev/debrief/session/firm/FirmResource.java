package dev.debrief.session.firm;

import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.security.Caller;
import dev.debrief.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.util.Comparator;
import java.util.List;

/** The caller's firm's members by role, so a client picks a candidate (or a panel's coach) instead of pasting an id. */
@Path("/api/firm/members")
@RolesAllowed({ Roles.COACH, Roles.FIRM_ADMIN })
public class FirmResource {

    private final Caller caller;
    private final FirmMembers members;

    public FirmResource(Caller caller, FirmMembers members) {
        this.caller = caller;
        this.members = members;
    }

    @GET
    public List<FirmMember> list(@QueryParam("role") @NotNull @Pattern(regexp = "candidate|coach|firm-admin|analyst") String role) {
        String firm = caller.tenant().orElseThrow(() -> ProblemException.notFound("firm", "of this caller"));
        return members.of(firm, role).stream().sorted(Comparator.comparing(FirmMember::username,
                Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }
}
