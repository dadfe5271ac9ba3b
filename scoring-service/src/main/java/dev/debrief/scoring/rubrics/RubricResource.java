package dev.debrief.scoring.rubrics;

import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.security.Caller;
import dev.debrief.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rubrics: public ones (curated by admins) and each firm's own, versioned. */
@Path("/api/rubrics")
public class RubricResource {

    private final Caller caller;
    private final Clock clock;

    public RubricResource(Caller caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    public record RubricView(UUID id, String slug, int version, String title, String owner) {
        static RubricView of(Rubric r) {
            return new RubricView(r.id, r.slug, r.version, r.title, r.tenant == null ? "public" : r.tenant);
        }
    }

    public record RubricDetail(UUID id, int version, String owner, RubricDefinition definition) {
        static RubricDetail of(Rubric r) {
            return new RubricDetail(r.id, r.version, r.tenant == null ? "public" : r.tenant, r.parsed());
        }

        /** Anchors and signals stay with coaches and authors. */
        RubricDetail forViewer(Caller caller) {
            return caller.seesAnswerKeys() ? this : new RubricDetail(id, version, owner, definition.withoutAnswerKey());
        }
    }

    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN, Roles.ANALYST })
    public List<RubricView> list() {
        return Rubric.visibleTo(caller.tenant().orElse(null)).stream().map(RubricView::of).toList();
    }

    @GET
    @Path("/{slug}")
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN, Roles.ANALYST })
    public RubricDetail latest(@PathParam("slug") String slug) {
        return Rubric.latest(slug, caller.tenant().orElse(null)).map(RubricDetail::of).map(d -> d.forViewer(caller))
                .orElseThrow(() -> ProblemException.notFound("rubric", slug));
    }

    @GET
    @Path("/{slug}/versions/{version}")
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN, Roles.ANALYST })
    public RubricDetail version(@PathParam("slug") String slug, @PathParam("version") int version) {
        Optional<String> tenant = caller.tenant();
        return tenant.flatMap(t -> Rubric.version(slug, t, version)).or(() -> Rubric.version(slug, null, version))
                .map(RubricDetail::of).map(d -> d.forViewer(caller))
                .orElseThrow(() -> ProblemException.notFound("rubric", slug + " v" + version));
    }

    /**
     * A firm admin defines or revises their firm's rubric; an admin a public one. Same slug: the next version,
     * unless nothing changed.
     */
    @POST
    @Transactional
    @RolesAllowed({ Roles.FIRM_ADMIN, Roles.ADMIN })
    public Response define(@Valid @NotNull RubricDefinition definition) {
        String owner = caller.is(Roles.FIRM_ADMIN) ? caller.tenant().orElseThrow(
                () -> ProblemException.forbidden("a firm admin's token names no firm")) : null;
        Optional<Rubric> latest = owner == null
                ? Rubric.find("slug = ?1 and tenant is null order by version desc", definition.slug()).firstResultOptional()
                : Rubric.find("slug = ?1 and tenant = ?2 order by version desc", definition.slug(), owner).firstResultOptional();
        if (latest.isPresent() && latest.get().contentHash.equals(Rubric.hashOf(definition))) {
            return Response.ok(RubricDetail.of(latest.get())).build();
        }
        Rubric rubric = Rubric.of(definition, owner, latest.map(r -> r.version + 1).orElse(1), clock.instant());
        rubric.persist();
        return Response.status(201).entity(RubricDetail.of(rubric)).build();
    }
}
