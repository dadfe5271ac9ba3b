package dev.debrief.question.catalog;

import dev.debrief.kit.http.PageLinks;
import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.security.Roles;
import dev.debrief.question.catalog.domain.Ids;
import dev.debrief.question.catalog.domain.Question;
import dev.debrief.question.catalog.domain.QuestionStatus;
import dev.debrief.question.catalog.domain.QuestionVersion;
import dev.debrief.question.index.CatalogSearch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.net.URI;
import java.util.UUID;

/** The catalog: list with filters, facets and full-text search; read one; create and edit. */
@Path("/api/questions")
public class QuestionResource {

    private final Access access;
    private final QuestionBank bank;
    private final CatalogSearch search;
    private final QuestionViews views;
    private final ObjectMapper mapper;

    public QuestionResource(Access access, QuestionBank bank, CatalogSearch search, QuestionViews views,
            ObjectMapper mapper) {
        this.views = views;
        this.access = access;
        this.mapper = mapper;
        this.bank = bank;
        this.search = search;
    }

    /**
     * Filters, facets, the page and the search come from this replica's Lucene index (no query per list).
     */
    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN, Roles.ANALYST })
    @Produces(MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(QuestionPage.class)
    public Response list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters());
        CatalogSearch.Result result = search.query(query.filter(), access.visibility(), query.sort(), query.page(),
                query.size());
        try {
            return Response.ok(mapper.writeValueAsBytes(new QuestionPage(result.items(), query.page(), query.size(),
                    result.total(), query.sort().param(), result.facets())), MediaType.APPLICATION_JSON_TYPE)
                    .header("X-Total-Count", result.total())
                    .header("Link", PageLinks.header(uri.getRequestUri(), query.page(), query.size(), result.total()))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** By id (from {@link QuestionViews}, no database on a hit) or by slug (the caller's firm's question first). */
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN, Roles.ANALYST })
    public Response get(@PathParam("id") String idOrSlug) {
        UUID id = Ids.parse(idOrSlug);
        if (id != null) {
            QuestionView view = views.get(id, access);
            return withTag(view, view.currentVersion()).build();
        }
        Question q = access.readableBySlug(idOrSlug);
        return withTag(QuestionView.of(q, QuestionVersion.current(q), access), q.version).build();
    }

    @POST
    @RolesAllowed({ Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN })
    @Transactional
    public Response create(@Valid @NotNull QuestionInput input) {
        Question q = bank.create(access.writeTenant(), input.slug(),
                input.status() == null ? QuestionStatus.PUBLISHED : input.status(), input.content(), access.who());
        return withTag(QuestionView.of(q, QuestionVersion.current(q)), q.version).status(Response.Status.CREATED)
                .location(URI.create("/api/questions/" + q.id)).build();
    }

    /**
     * A new version with this content (identical content changes nothing). With {@code If-Match: "n"} it is
     * refused (412) unless n is still the current version. Slug and status are not changed here.
     */
    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN })
    @Transactional
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull QuestionInput input) {
        Question q = access.editable(id);
        if (ifMatch != null && !ifMatch.replace("\"", "").strip().equals(String.valueOf(q.version))) {
            throw ProblemException.preconditionFailed("question " + id + " is at version " + q.version);
        }
        if (!input.slug().equals(q.slug)) {
            throw ProblemException.badRequest("slug", "cannot change; it is " + q.slug);
        }
        bank.revise(q, input.content(), access.who());
        return withTag(QuestionView.of(q, QuestionVersion.current(q)), q.version).build();
    }

    static Response.ResponseBuilder withTag(Object body, int version) {
        return Response.ok(body).tag(new EntityTag(String.valueOf(version)));
    }
}
