package dev.debrief.kit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Completes each service's scanned OpenAPI document at build time from its {@value #RESOURCE}: operation ids,
 * summaries, descriptions, domain tags, the documented parameters the scan cannot see (a resource reading
 * {@code UriInfo}), the real success status with its schema and headers, and every error with the shared
 * problem+json response. The HTTP conventions every service shares (problem+json, If-Match, If-None-Match,
 * Idempotency-Key, page/size with Link) are described once, in {@link SharedComponents}.
 *
 * <p>Why a file of our own instead of smallrye's static {@code META-INF/openapi.yaml}: the scan's answers
 * (a {@code Response} return becomes an empty 200) must be replaced, not merged with, and that is done
 * here explicitly. The linter in {@code api/contract} checks the result: an operation this file does not
 * describe fails the build there.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

    static final String RESOURCE = "META-INF/openapi-operations.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        JsonNode spec = load();
        if (spec == null) {
            return;
        }
        apply(openAPI, spec);
    }

    static void apply(OpenAPI openAPI, JsonNode spec) {
        SharedComponents.addTo(openAPI);
        freeFormJson(openAPI);
        spec.path("tags").forEach(tag -> openAPI.addTag(OASFactory.createTag().name(tag.path("name").asText())
                .description(tag.path("description").asText())));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : item.getOperations().entrySet()) {
                JsonNode entry = spec.path("operations").path(op.getKey().name() + " " + path);
                if (!entry.isMissingNode()) {
                    describe(op.getKey(), op.getValue(), entry);
                }
            }
        });
    }

    private static void describe(PathItem.HttpMethod method, Operation op, JsonNode entry) {
        op.setOperationId(entry.path("operationId").asText());
        op.setSummary(entry.path("summary").asText());
        String roles = roles(op);
        op.setDescription(entry.path("description").asText().strip() + roles);
        op.setTags(List.of(entry.path("tag").asText()));
        op.setSecurity(null);

        entry.path("path").fields().forEachRemaining(p -> param(op, p.getKey(), "path").setDescription(p.getValue().asText()));
        entry.path("query").fields().forEachRemaining(q -> {
            Parameter parameter = param(op, q.getKey(), "query");
            parameter.setDescription(q.getValue().path("description").asText(null));
            if (q.getValue().has("schema")) {
                parameter.setSchema(schema(q.getValue().path("schema")));
            }
            if (q.getValue().path("required").asBoolean(false)) {
                parameter.setRequired(true);
            }
            if (q.getValue().has("example")) {
                parameter.setExample(plain(q.getValue().path("example")));
            }
        });
        removeHeaderParam(op, "If-Match");
        removeHeaderParam(op, "If-None-Match");
        if (entry.path("ifMatch").asBoolean(false)) {
            op.addParameter(OASFactory.createParameter().ref(SharedComponents.IF_MATCH));
        }
        boolean conditionalRead = method == PathItem.HttpMethod.GET && !entry.path("noEtag").asBoolean(false);
        if (conditionalRead) {
            op.addParameter(OASFactory.createParameter().ref(SharedComponents.IF_NONE_MATCH));
        }
        boolean idempotent = entry.path("idempotent").asBoolean(false);
        if (idempotent) {
            op.addParameter(OASFactory.createParameter().ref(SharedComponents.IDEMPOTENCY_KEY));
        }
        boolean paged = entry.path("paged").asBoolean(false);
        if (paged && !entry.path("query").has("page")) {
            op.addParameter(OASFactory.createParameter().ref(SharedComponents.PAGE));
            op.addParameter(OASFactory.createParameter().ref(SharedComponents.SIZE));
        }
        if (op.getRequestBody() != null && entry.has("example")) {
            op.getRequestBody().getContent().getMediaTypes().values()
                    .forEach(m -> m.setExample(plain(entry.path("example"))));
        }
        if (op.getRequestBody() != null && entry.has("requestDescription")) {
            op.getRequestBody().setDescription(entry.path("requestDescription").asText());
        }

        APIResponses responses = OASFactory.createAPIResponses();
        JsonNode ok = entry.path("response");
        responses.addAPIResponse(ok.path("status").asText("200"),
                success(op, ok, method, conditionalRead, paged, idempotent));
        if (conditionalRead) {
            responses.addAPIResponse("304", OASFactory.createAPIResponse().ref(SharedComponents.NOT_MODIFIED));
        }
        TreeSet<Integer> errors = new TreeSet<>(List.of(401, 403, 429));
        entry.path("errors").forEach(e -> errors.add(e.asInt()));
        if (op.getRequestBody() != null || op.getParameters() != null && !op.getParameters().isEmpty()) {
            errors.add(400);
        }
        if (entry.path("ifMatch").asBoolean(false)) {
            errors.add(412);
            if (entry.path("ifMatchRequired").asBoolean(true)) {
                errors.add(428);
            }
        }
        if (idempotent) {
            errors.add(422);
        }
        errors.forEach(code -> responses.addAPIResponse(String.valueOf(code),
                OASFactory.createAPIResponse().ref(SharedComponents.errorResponse(code))));
        op.setResponses(responses);
    }

    private static APIResponse success(Operation op, JsonNode ok, PathItem.HttpMethod method, boolean conditionalRead,
            boolean paged, boolean idempotent) {
        APIResponse response = OASFactory.createAPIResponse().description(ok.path("description").asText("OK"));
        String status = ok.path("status").asText("200");
        APIResponse scanned = op.getResponses() == null ? null
                : op.getResponses().getAPIResponse(status) != null ? op.getResponses().getAPIResponse(status)
                        : op.getResponses().getAPIResponse("200");
        if (ok.has("schema") || ok.has("content")) {
            Content content = OASFactory.createContent();
            String mediaType = ok.path("content").asText("application/json");
            MediaType media = OASFactory.createMediaType();
            if (ok.has("schema")) {
                media.setSchema(schema(ok.path("schema")));
            } else {
                media.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
            }
            if (ok.has("example")) {
                media.setExample(plain(ok.path("example")));
            }
            content.addMediaType(mediaType, media);
            response.setContent(content);
        } else if (scanned != null && scanned.getContent() != null) {
            response.setContent(scanned.getContent());
            scanned.getContent().getMediaTypes().values().forEach(m -> {
                if (ok.has("example")) {
                    m.setExample(plain(ok.path("example")));
                }
            });
        }
        List<String> headers = new ArrayList<>();
        ok.path("headers").forEach(h -> headers.add(h.asText()));
        if (conditionalRead && !headers.contains("ETag")) {
            headers.add("ETag");
        }
        if (paged) {
            headers.add("Link");
            headers.add("X-Total-Count");
        }
        if (idempotent) {
            headers.add("Idempotent-Replayed");
        }
        headers.forEach(h -> response.addHeader(h, OASFactory.createHeader().ref(SharedComponents.HEADERS + h)));
        return response;
    }

    /**
     * A Jackson {@code JsonNode} field (a structured answer, a SQL report) is any JSON value; the scan would
     * describe the node class's own getters instead.
     */
    private static void freeFormJson(OpenAPI openAPI) {
        if (openAPI.getComponents().getSchemas() != null && openAPI.getComponents().getSchemas().containsKey("JsonNode")) {
            openAPI.getComponents().addSchema("JsonNode", OASFactory.createSchema()
                    .description("Any JSON value: an object, an array, a string, a number, a boolean or null"));
            openAPI.getComponents().removeSchema("JsonNodeType");
        }
    }

    /** The roles a resource method allows, as the scan recorded them, said in the description. */
    private static String roles(Operation op) {
        if (op.getSecurity() == null) {
            return "";
        }
        TreeSet<String> roles = new TreeSet<>();
        op.getSecurity().forEach(req -> req.getSchemes().values().forEach(roles::addAll));
        return roles.isEmpty() ? "" : "\n\nRoles: " + String.join(", ", roles) + ".";
    }

    private static Parameter param(Operation op, String name, String in) {
        if (op.getParameters() != null) {
            for (Parameter p : op.getParameters()) {
                if (name.equals(p.getName()) && p.getIn() != null && p.getIn().toString().equalsIgnoreCase(in)) {
                    return p;
                }
            }
        }
        Parameter p = OASFactory.createParameter().name(name)
                .in(in.equals("path") ? Parameter.In.PATH : Parameter.In.QUERY)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        if (in.equals("path")) {
            p.setRequired(true);
        }
        op.addParameter(p);
        return p;
    }

    private static void removeHeaderParam(Operation op, String name) {
        if (op.getParameters() == null) {
            return;
        }
        List<Parameter> kept = new ArrayList<>(op.getParameters());
        kept.removeIf(p -> name.equalsIgnoreCase(p.getName()) && p.getIn() == Parameter.In.HEADER);
        op.setParameters(kept);
    }

    /** A JSON Schema written in the operations file: a name is a reference, {@code [Name]} an array of it. */
    static Schema schema(JsonNode node) {
        if (node.isTextual()) {
            String name = node.asText();
            if (name.startsWith("[") && name.endsWith("]")) {
                return OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(schema(com.fasterxml.jackson.databind.node.TextNode.valueOf(
                                name.substring(1, name.length() - 1))));
            }
            return OASFactory.createSchema().ref("#/components/schemas/" + name);
        }
        Schema schema = OASFactory.createSchema();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            switch (field.getKey()) {
                case "items" -> schema.setItems(schema(field.getValue()));
                case "$ref" -> schema.setRef(field.getValue().asText());
                case "type" -> schema.addType(Schema.SchemaType.valueOf(field.getValue().asText().toUpperCase()));
                default -> schema.set(field.getKey(), plain(field.getValue()));
            }
        }
        return schema;
    }

    static Object plain(JsonNode node) {
        return YAML.convertValue(node, Object.class);
    }

    private static JsonNode load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            return in == null ? null : YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
