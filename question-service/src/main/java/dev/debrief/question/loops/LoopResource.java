package dev.debrief.question.loops;

import dev.debrief.contracts.catalog.LoopSnapshot;
import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.security.Roles;
import dev.debrief.question.catalog.Access;
import dev.debrief.question.loops.domain.Loop;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Loops: the public ones and the caller's firm's; firms define their own, admins the public ones. */
@Path("/api/loops")
public class LoopResource {

    private final Access access;
    private final LoopBook book;

    public LoopResource(Access access, LoopBook book) {
        this.access = access;
        this.book = book;
    }

    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN, Roles.ANALYST })
    public List<LoopView> list() {
        return Loop.visibleTo(access.tenant()).stream().map(LoopView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN, Roles.ANALYST })
    public LoopView get(@PathParam("id") String idOrSlug) {
        return LoopView.of(visible(idOrSlug));
    }

    @GET
    @Path("/{id}/snapshot")
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN, Roles.ANALYST, Roles.SNAPSHOT_READER })
    public LoopSnapshot snapshot(@PathParam("id") String idOrSlug, @QueryParam("firm") String firm) {
        return LoopEvents.snapshot(visible(idOrSlug, access.snapshotTenant(firm)));
    }

    @POST
    @RolesAllowed({ Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN })
    @Transactional
    public Response create(@Valid @NotNull LoopInput input) {
        Loop loop = book.create(access.writeTenant(), input.definition());
        return Response.created(URI.create("/api/loops/" + loop.id)).entity(LoopView.of(loop)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN })
    @Transactional
    public LoopView update(@PathParam("id") UUID id, @Valid @NotNull LoopInput input) {
        Loop loop = visible(id.toString());
        if (!access.mayEdit(loop.tenant)) {
            throw ProblemException.forbidden("you may read but not change loop " + id);
        }
        if (!input.slug().equals(loop.slug)) {
            throw ProblemException.badRequest("slug", "cannot change; it is " + loop.slug);
        }
        book.revise(loop, input.definition());
        return LoopView.of(loop);
    }

    private Loop visible(String idOrSlug) {
        return visible(idOrSlug, access.tenant());
    }

    private Loop visible(String idOrSlug, String tenant) {
        if (idOrSlug.length() > 120) {
            throw ProblemException.notFound("loop", idOrSlug.substring(0, 40));
        }
        return Loop.visible(idOrSlug, tenant).orElseThrow(() -> ProblemException.notFound("loop", idOrSlug));
    }
}
