package dev.debrief.question.catalog;

import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.security.Roles;
import dev.debrief.question.index.Suggestions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** As-you-type suggestions for the search box: published titles the caller may read. */
@Path("/api/questions/suggest")
public class SuggestResource {

    private final Access access;
    private final Suggestions suggestions;

    public SuggestResource(Access access, Suggestions suggestions) {
        this.access = access;
        this.suggestions = suggestions;
    }

    /** {@code q}: what is typed so far (1–100 characters); {@code size}: 1–10, default 10. */
    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN, Roles.ANALYST })
    @Produces(MediaType.APPLICATION_JSON)
    public List<Suggestions.Suggestion> suggest(@QueryParam("q") String q, @QueryParam("size") String size) {
        if (q == null || q.isBlank()) {
            throw ProblemException.badRequest("query.q", "is required");
        }
        if (q.length() > 100) {
            throw ProblemException.badRequest("query.q", "must be at most 100 characters");
        }
        int n = Suggestions.MAX;
        if (size != null) {
            try {
                n = Integer.parseInt(size);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > Suggestions.MAX) {
                throw ProblemException.badRequest("query.size", "must be between 1 and " + Suggestions.MAX);
            }
        }
        return suggestions.suggest(q, access.tenant(), n);
    }
}
