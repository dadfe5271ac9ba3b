package dev.debrief.question.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.security.Roles;
import dev.debrief.question.catalog.Access;
import dev.debrief.question.catalog.QuestionInput;
import dev.debrief.question.catalog.domain.Question;
import dev.debrief.question.catalog.domain.QuestionVersion;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Bulk export and import of the caller's bank (a firm's private bank; the public catalog for admins), as
 * JSON lines or CSV. An export re-imports to exactly the same bank.
 */
@Path("/api/questions")
public class BulkResource {

    static final String JSON_LINES = "application/x-ndjson";
    static final String CSV = "text/csv";

    private final Access access;
    private final Importer importer;
    private final ObjectMapper mapper;

    public BulkResource(Access access, Importer importer, ObjectMapper mapper) {
        this.access = access;
        this.importer = importer;
        this.mapper = mapper;
    }

    @GET
    @Path("/export")
    @RolesAllowed({ Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN })
    public Response export(@QueryParam("format") String format) {
        String f = format(format);
        String tenant = access.writeTenant();
        List<Object[]> bank = QuestionVersion.currentOfBank(tenant);
        StringBuilder out = new StringBuilder();
        if (f.equals("csv")) {
            out.append(Csv.line(QuestionCsv.HEADER));
        }
        for (Object[] pair : bank) {
            Question q = (Question) pair[0];
            QuestionInput line = QuestionInput.of(q.slug, q.status, ((QuestionVersion) pair[1]).content);
            out.append(f.equals("csv") ? Csv.line(QuestionCsv.row(line, mapper)) : json(line) + "\n");
        }
        return Response.ok(out.toString(), f.equals("csv") ? CSV + ";charset=utf-8" : JSON_LINES + ";charset=utf-8")
                .header("Content-Disposition", "attachment; filename=questions." + (f.equals("csv") ? "csv" : "jsonl"))
                .build();
    }

    /** {@code mode=partial} (default) applies the good rows; {@code mode=all-or-nothing} applies none if one fails. */
    @POST
    @Path("/import")
    @Consumes({ JSON_LINES, CSV, MediaType.TEXT_PLAIN, "application/jsonl" })
    @RolesAllowed({ Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN })
    @jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(ImportReport.class)
    public Response importBank(@QueryParam("format") String format, @QueryParam("mode") String mode, String body) {
        String f = format(format);
        if (mode != null && !mode.equals("partial") && !mode.equals("all-or-nothing")) {
            throw ProblemException.badRequest("query.mode", "must be partial or all-or-nothing");
        }
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("body", "must hold at least one row");
        }
        ImportReport report = importer.run(access.writeTenant(), access.who(), f, "all-or-nothing".equals(mode), body);
        int status = report.committed() ? 200 : 422;
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(report).build();
    }

    private static String format(String format) {
        if (format == null || format.equals("jsonl")) {
            return "jsonl";
        }
        if (format.equals("csv")) {
            return "csv";
        }
        throw ProblemException.badRequest("query.format", "must be jsonl or csv");
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
