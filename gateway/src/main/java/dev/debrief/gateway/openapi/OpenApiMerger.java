package dev.debrief.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Merges the services' OpenAPI documents into the one the gateway publishes: all paths, the components
 * (a schema name two services define differently is renamed {@code <Name>_<service>}, references
 * included), the tags, and the gateway's own security schemes (Keycloak OAuth2 and a plain bearer token)
 * in place of the services'.
 */
final class OpenApiMerger {

    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OpenApiMerger() {
    }

    static ObjectNode merge(SortedMap<String, JsonNode> documents, List<String> unavailable, String authServerUrl,
            String version) {
        ObjectNode root = JSON.objectNode();
        root.put("openapi", documents.values().stream().map(d -> d.path("openapi").asText(null))
                .filter(v -> v != null).findFirst().orElse("3.0.3"));
        ObjectNode info = root.putObject("info");
        info.put("title", "Debrief API");
        info.put("version", version);
        info.put("description", description(documents.keySet(), unavailable));
        root.putArray("servers").addObject().put("url", "/");
        ArrayNode tags = root.putArray("tags");
        ObjectNode paths = root.putObject("paths");
        ObjectNode components = root.putObject("components");
        Set<String> tagNames = new HashSet<>();

        documents.forEach((service, original) -> {
            JsonNode doc = renameConflictingSchemas(original.deepCopy(), service, components.path("schemas"));
            doc.path("paths").fields().forEachRemaining(path -> {
                JsonNode item = path.getValue().deepCopy();
                item.fields().forEachRemaining(op -> {
                    if (op.getValue() instanceof ObjectNode operation) {
                        operation.remove("security");
                    }
                });
                paths.set(path.getKey(), item);
            });
            doc.path("components").fields().forEachRemaining(kind -> {
                if (kind.getKey().equals("securitySchemes")) {
                    return;
                }
                ObjectNode target = components.has(kind.getKey())
                        ? (ObjectNode) components.get(kind.getKey())
                        : components.putObject(kind.getKey());
                kind.getValue().fields().forEachRemaining(c -> {
                    if (!target.has(c.getKey())) {
                        target.set(c.getKey(), c.getValue());
                    }
                });
            });
            doc.path("tags").forEach(tag -> {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            });
        });
        components.set("securitySchemes", securitySchemes(authServerUrl));
        ArrayNode security = root.putArray("security");
        security.addObject().putArray("keycloak");
        security.addObject().putArray("bearer");
        return root;
    }

    private static String description(Set<String> present, List<String> unavailable) {
        String text = "One entry point to question-service, session-service and scoring-service. Every /api call "
                + "needs a Keycloak access token (audience debrief-api).";
        return unavailable.isEmpty() ? text
                : text + " Not described right now (the service did not answer): "
                        + String.join(", ", unavailable.stream().map(s -> s + "-service").toList()) + ".";
    }

    private static ObjectNode securitySchemes(String authServerUrl) {
        ObjectNode schemes = JSON.objectNode();
        ObjectNode keycloak = schemes.putObject("keycloak");
        keycloak.put("type", "oauth2");
        keycloak.put("description", "Keycloak realm debrief: log in (authorization code with PKCE, client "
                + "debrief-web), or a coaching firm's integration client (client credentials)");
        ObjectNode flows = keycloak.putObject("flows");
        ObjectNode code = flows.putObject("authorizationCode");
        code.put("authorizationUrl", authServerUrl + "/protocol/openid-connect/auth");
        code.put("tokenUrl", authServerUrl + "/protocol/openid-connect/token");
        code.putObject("scopes").put("openid", "OpenID Connect");
        ObjectNode clientCredentials = flows.putObject("clientCredentials");
        clientCredentials.put("tokenUrl", authServerUrl + "/protocol/openid-connect/token");
        clientCredentials.putObject("scopes");
        ObjectNode bearer = schemes.putObject("bearer");
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("bearerFormat", "JWT");
        return schemes;
    }

    /** Renames this service's schemas that clash with a different schema already merged, and their references. */
    private static JsonNode renameConflictingSchemas(JsonNode doc, String service, JsonNode merged) {
        Map<String, String> renames = new HashMap<>();
        doc.path("components").path("schemas").fields().forEachRemaining(schema -> {
            JsonNode existing = merged.get(schema.getKey());
            if (existing != null && !existing.equals(schema.getValue())) {
                renames.put(schema.getKey(), schema.getKey() + "_" + service);
            }
        });
        if (renames.isEmpty()) {
            return doc;
        }
        ObjectNode schemas = (ObjectNode) doc.path("components").path("schemas");
        renames.forEach((from, to) -> schemas.set(to, schemas.remove(from)));
        rewriteRefs(doc, renames);
        return doc;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                String name = ref.asText().substring(SCHEMA_REF.length());
                if (renames.containsKey(name)) {
                    object.set("$ref", TextNode.valueOf(SCHEMA_REF + renames.get(name)));
                }
            }
            for (Iterator<JsonNode> it = object.elements(); it.hasNext();) {
                rewriteRefs(it.next(), renames);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, renames));
        }
    }
}
