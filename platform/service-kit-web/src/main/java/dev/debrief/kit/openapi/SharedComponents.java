package dev.debrief.kit.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every service's API shares, described once: the RFC 9457 problem body with one response per error
 * status, the conditional and idempotency headers, and the page/size parameters with their Link header.
 * Every service declares the same components, so the gateway's merge keeps one copy of each.
 */
final class SharedComponents {

    static final String IF_MATCH = "#/components/parameters/IfMatch";
    static final String IF_NONE_MATCH = "#/components/parameters/IfNoneMatch";
    static final String IDEMPOTENCY_KEY = "#/components/parameters/IdempotencyKey";
    static final String PAGE = "#/components/parameters/Page";
    static final String SIZE = "#/components/parameters/Size";
    static final String NOT_MODIFIED = "#/components/responses/NotModified";
    static final String HEADERS = "#/components/headers/";

    /** status → response name, title, problem type slug, what causes it. */
    private static final Map<Integer, String[]> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put(400, new String[] { "BadRequest", "validation",
                "The request is not valid: a parameter or a body field (named in errors[].field) is wrong; nothing was changed." });
        ERRORS.put(401, new String[] { "Unauthorized", "unauthorized",
                "No bearer token, or it failed the signature, issuer, audience (debrief-api) or expiry check." });
        ERRORS.put(403, new String[] { "Forbidden", "forbidden", "The caller's roles do not allow this operation." });
        ERRORS.put(404, new String[] { "NotFound", "not-found",
                "Nothing with this id is visible to the caller (another firm's resources answer 404 too)." });
        ERRORS.put(409, new String[] { "Conflict", "conflict",
                "The resource's state does not allow this now (an illegal state change, or a duplicate)." });
        ERRORS.put(412, new String[] { "PreconditionFailed", "stale-version",
                "If-Match does not name the current version: read the resource again and retry." });
        ERRORS.put(413, new String[] { "ContentTooLarge", "too-large", "The request body is over the limit." });
        ERRORS.put(422, new String[] { "UnprocessableContent", "idempotency-key-reused",
                "The Idempotency-Key was already used with a different request body, or the content was refused as a whole." });
        ERRORS.put(428, new String[] { "PreconditionRequired", "precondition-required",
                "If-Match is missing: send the ETag of your last read." });
        ERRORS.put(429, new String[] { "TooManyRequests", "rate-limited",
                "The client's or the firm's request budget is spent: wait Retry-After seconds." });
        ERRORS.put(503, new String[] { "ServiceUnavailable", "upstream-unavailable",
                "A service this call needs cannot be reached (upstream-unavailable), or this instance is at its bound of requests in"
                        + " progress (overloaded); nothing was changed. Retry after Retry-After seconds." });
    }

    private SharedComponents() {
    }

    static String errorResponse(int status) {
        String[] error = ERRORS.get(status);
        if (error == null) {
            throw new IllegalArgumentException("no shared problem response for status " + status);
        }
        return "#/components/responses/" + error[0];
    }

    static void addTo(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema("Problem", problemSchema());
        components.addSchema("FieldError", OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One failing field of a request and why it failed")
                .addProperty("field", string("Where in the request: body.prompt, query.size, header.If-Match"))
                .addProperty("message", string("What is wrong with it"))
                .required(List.of("field", "message")));
        for (Map.Entry<Integer, String[]> e : ERRORS.entrySet()) {
            components.addResponse(e.getValue()[0], problemResponse(e.getKey(), e.getValue()));
        }
        components.addResponse("NotModified", OASFactory.createAPIResponse()
                .description("Not modified: If-None-Match names the current ETag; the body is empty.")
                .addHeader("ETag", OASFactory.createHeader().ref(HEADERS + "ETag")));

        components.addHeader("ETag", header("The version of the representation; send it in If-Match to change it "
                + "and in If-None-Match to read it only when it changed.", string(null)));
        components.addHeader("Location", header("The URL of the resource this call created.",
                string(null).format("uri-reference")));
        components.addHeader("Retry-After", header("Seconds to wait before trying again.", integer(null)));
        components.addHeader("Link", header("RFC 8288 links to the first, previous, next and last pages "
                + "(rel=\"first\", \"prev\", \"next\", \"last\").", string(null)));
        components.addHeader("X-Total-Count", header("How many items the whole list has.", integer(null)));
        components.addHeader("Idempotent-Replayed", header("true when this is the stored answer to an earlier "
                + "request with the same Idempotency-Key.", OASFactory.createSchema().addType(SchemaType.BOOLEAN)));

        components.addParameter("IfMatch", OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER)
                .required(true).description("The ETag of your last read of this resource (for example \"7\"). "
                        + "Missing: 428; not the current version: 412 and nothing changes.")
                .schema(string(null)).example("\"7\""));
        components.addParameter("IfNoneMatch", OASFactory.createParameter().name("If-None-Match")
                .in(Parameter.In.HEADER).description("An ETag you hold: when it is still current the answer is "
                        + "304 with no body.")
                .schema(string(null)).example("\"7\""));
        components.addParameter("IdempotencyKey", OASFactory.createParameter().name("Idempotency-Key")
                .in(Parameter.In.HEADER).description("A key you choose (up to 255 characters) that makes a retry "
                        + "safe: the same key with the same body within 24 hours returns the first answer again "
                        + "(with Idempotent-Replayed: true) and does nothing twice; with a different body it is 422.")
                .schema(string(null).maxLength(255)).example("import-2026-12-02-0001"));
        components.addParameter("Page", OASFactory.createParameter().name("page").in(Parameter.In.QUERY)
                .description("Page number, from 0.").schema(integer(0).minimum(java.math.BigDecimal.ZERO)));
        components.addParameter("Size", OASFactory.createParameter().name("size").in(Parameter.In.QUERY)
                .description("Items per page (1 to 500). Without page and size the whole list comes back, as "
                        + "before pagination existed; Link and X-Total-Count are sent either way.")
                .schema(integer(null).minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(500))));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem detail, the body of every error (application/problem+json)")
                .addProperty("type", string("A stable URN per kind of failure: urn:debrief:problem:<slug>")
                        .format("uri-reference"))
                .addProperty("title", string("A short summary of the kind of failure"))
                .addProperty("status", integer(null).description("The HTTP status"))
                .addProperty("detail", string("What went wrong in this case"))
                .addProperty("instance", string("The request path").format("uri-reference"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("The failing fields of a request that did not validate")
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .required(List.of("type", "title", "status"));
    }

    private static APIResponse problemResponse(int status, String[] error) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "urn:debrief:problem:" + error[1]);
        example.put("title", error[0].replaceAll("([a-z])([A-Z])", "$1 $2"));
        example.put("status", status);
        example.put("detail", error[2]);
        example.put("instance", "/api/sessions/6b1c4d0e-3f52-4d8e-9a57-1f1f6f0c2a10");
        APIResponse response = OASFactory.createAPIResponse().description(error[2])
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
                                .example(example)));
        if (status == 429 || status == 503) {
            response.addHeader("Retry-After", OASFactory.createHeader().ref(HEADERS + "Retry-After"));
        }
        if (status == 401) {
            response.addHeader("WWW-Authenticate", header("Bearer", string(null)));
        }
        return response;
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).schema(schema);
    }

    private static Schema string(String description) {
        Schema s = OASFactory.createSchema().addType(SchemaType.STRING);
        return description == null ? s : s.description(description);
    }

    private static Schema integer(Integer defaultValue) {
        Schema s = OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32");
        return defaultValue == null ? s : s.defaultValue(defaultValue);
    }
}
