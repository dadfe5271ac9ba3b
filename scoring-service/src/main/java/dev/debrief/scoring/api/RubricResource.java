package dev.debrief.scoring.api;

import dev.debrief.kit.security.Caller;
import dev.debrief.kit.security.Roles;
import dev.debrief.scoring.domain.Rubric;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.List;
import java.util.UUID;

@Path("/api/rubrics")
public class RubricResource {

    private final Caller caller;

    public RubricResource(Caller caller) {
        this.caller = caller;
    }

    public record RubricView(UUID id, String slug, int version, String title) {
        static RubricView of(Rubric r) {
            return new RubricView(r.id, r.slug, r.version, r.title);
        }
    }

    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN, Roles.ANALYST })
    public List<RubricView> list() {
        return Rubric.visibleTo(caller.tenant().orElse(null)).stream().map(RubricView::of).toList();
    }
}
