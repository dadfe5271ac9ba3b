package dev.debrief.session.lifecycle;

import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.security.Roles;
import dev.debrief.session.firm.FirmMembership;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

@Path("/api/sessions")
@RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN })
public class SessionResource {

    private final SessionAccess access;
    private final SessionCreation creation;
    private final SessionQueries queries;
    private final FirmMembership membership;
    private final Clock clock;

    public SessionResource(SessionAccess access, SessionCreation creation, SessionQueries queries,
            FirmMembership membership, Clock clock) {
        this.access = access;
        this.creation = creation;
        this.queries = queries;
        this.membership = membership;
        this.clock = clock;
    }

    /**
     * Snapshots the questions from the catalog and schedules the session (503 and nothing saved if it is down).
     * A candidate and a coach named by someone else must be members of the caller's firm (400 otherwise).
     */
    @POST
    @jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = SessionView.class, responseCode = "201")
    public Response create(@Valid @NotNull CreateSessionRequest request) {
        Viewer viewer = access.viewer();
        SessionCreation.Plan plan = plan(request, viewer);
        if (!plan.candidate().equals(viewer.id())) {
            membership.require(plan.tenant(), plan.candidate(), Roles.CANDIDATE, "candidateId");
        }
        if (plan.coach() != null && !plan.coach().equals(viewer.id())) {
            membership.require(plan.tenant(), plan.coach(), Roles.COACH, "coachId");
        }
        UUID id = creation.create(plan, viewer);
        SessionView view = queries.view(id);
        return Response.created(URI.create("/api/sessions/" + id)).entity(view).tag(Etags.of(view.version())).build();
    }

    /** The sessions the caller sees, newest first. */
    @GET
    @Transactional
    public List<SessionSummary> list(@QueryParam("status") SessionStatus status) {
        return queries.visibleTo(access.viewer(), status).stream().map(SessionSummary::of).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(SessionView.class)
    public Response get(@PathParam("id") UUID id) {
        InterviewSession session = access.visible(id);
        return Etags.ok(SessionView.of(session, clock.instant()));
    }

    private static SessionCreation.Plan plan(CreateSessionRequest r, Viewer viewer) {
        boolean hasPicks = r.questions() != null && !r.questions().isEmpty();
        if ((r.loop() == null) == !hasPicks) {
            throw ProblemException.badRequest("loop", "give either a loop or a list of questions");
        }
        if (r.round() != null && r.loop() == null) {
            throw ProblemException.badRequest("round", "a round needs a loop");
        }
        boolean self = viewer.roles().contains(Roles.CANDIDATE)
                && (r.candidateId() == null || r.candidateId().equals(viewer.id()));
        if (!self && r.candidateId() == null) {
            throw ProblemException.badRequest("candidateId", "name the candidate the session is for");
        }
        String candidate = self ? viewer.id() : r.candidateId();
        String candidateName = self ? viewer.name() : r.candidateName();
        String coach = null;
        String coachName = null;
        if (r.mode() == SessionMode.COACHED) {
            boolean coachIsCaller = viewer.roles().contains(Roles.COACH)
                    && (r.coachId() == null || r.coachId().equals(viewer.id()));
            if (coachIsCaller) {
                coach = viewer.id();
                coachName = viewer.name();
            } else if (r.coachId() != null && (self || viewer.roles().contains(Roles.FIRM_ADMIN))) {
                coach = r.coachId();
                coachName = r.coachName();
            } else {
                throw ProblemException.badRequest("coachId", "a coached session names its coach");
            }
        } else if (r.coachId() != null) {
            throw ProblemException.badRequest("coachId", "a self-practice session has no coach");
        }
        List<SessionCreation.Pick> picks = hasPicks
                ? r.questions().stream().map(p -> new SessionCreation.Pick(p.id(), p.version())).toList()
                : List.of();
        return new SessionCreation.Plan(viewer.tenant().orElse(null), candidate, candidateName, coach, coachName,
                r.mode(), r.loop(), r.round(), picks);
    }
}
