package dev.debrief.scoring.rescoring;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.debrief.contracts.Json;
import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.security.Caller;
import dev.debrief.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Platform admins re-score past answers after the scorer's version changed: a job is started (202 with its
 * Location) and worked through in the background ({@link Rescorer}); its progress is read here.
 */
@Path("/api/admin/rescoring")
@Transactional
public class RescoringResource {

    private final Caller caller;
    private final Rescorer rescorer;

    public RescoringResource(Caller caller, Rescorer rescorer) {
        this.caller = caller;
        this.rescorer = rescorer;
    }

    /**
     * Which answers to re-score; every filter is optional. Always only answers whose current automated score is not
     * from the running scorer version.
     *
     * @param scorerVersion only answers scored by this scorer (its full name, or a leading part of it up to a '/')
     * @param firmId        only this firm's answers
     * @param from          only answers submitted at or after this instant
     * @param to            only answers submitted before this instant
     */
    public record RescoringRequest(@Size(min = 1, max = 200) String scorerVersion,
            @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String firmId, Instant from, Instant to) {
    }

    /** A job's filters and progress: total answers selected at the start, done, failed, scorer versions from and to. */
    public record RescoringView(UUID id, String status, int total, int done, int failed, int remaining,
            List<String> scorersFrom, String scorerTo, String scorerVersion, String firmId, Instant from, Instant to,
            String lastError, String requestedBy, Instant createdAt, Instant updatedAt, Instant finishedAt) {

        static RescoringView of(RescoringJob j) {
            List<String> from;
            try {
                from = Json.mapper().readValue(j.scorersFrom, new TypeReference<List<String>>() {
                });
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                from = List.of();
            }
            int remaining = "DONE".equals(j.status) ? 0 : Math.max(0, j.total - j.done - j.failed);
            return new RescoringView(j.id, j.status, j.total, j.done, j.failed, remaining, from, j.scorerTo,
                    j.fromScorer, j.tenant, j.submittedFrom, j.submittedTo, j.lastError, j.requestedBy, j.createdAt,
                    j.updatedAt, j.finishedAt);
        }
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response start(@jakarta.validation.Valid RescoringRequest request) {
        RescoringRequest r = request == null ? new RescoringRequest(null, null, null, null) : request;
        if (r.from() != null && r.to() != null && !r.from().isBefore(r.to())) {
            throw ProblemException.badRequest("from", "must be before to");
        }
        RescoringJob job = new RescoringJob();
        job.id = UUID.randomUUID();
        job.requestedBy = caller.id();
        job.tenant = r.firmId();
        job.fromScorer = r.scorerVersion();
        job.submittedFrom = r.from();
        job.submittedTo = r.to();
        rescorer.start(job);
        return Response.accepted(RescoringView.of(job)).location(URI.create("/api/admin/rescoring/" + job.id)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public RescoringView one(@PathParam("id") UUID id) {
        RescoringJob job = RescoringJob.findById(id);
        if (job == null) {
            throw ProblemException.notFound("rescoring job", id);
        }
        return RescoringView.of(job);
    }
}
