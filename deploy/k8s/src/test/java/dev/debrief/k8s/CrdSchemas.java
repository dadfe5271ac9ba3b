package dev.debrief.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pinned operators' CustomResourceDefinitions vendored under {@code src/test/resources/crds/} (CloudNativePG,
 * the Keycloak operator; crds/README.md names their source): each served version's {@code openAPIV3Schema} as a JSON
 * Schema. A Kubernetes structural schema is an OpenAPI v3 (JSON Schema draft 4) subset; it is read as such, with
 * <ul>
 *   <li>{@code x-kubernetes-*} keys as annotations, except that</li>
 *   <li>an object schema that lists {@code properties} refuses any other field (the API server prunes or, with
 *       kubectl's strict field validation, refuses it), unless it says {@code x-kubernetes-preserve-unknown-fields};</li>
 *   <li>the object itself and an {@code x-kubernetes-embedded-resource} also take apiVersion, kind and metadata;</li>
 *   <li>{@code nullable: true} admits null;</li>
 *   <li>{@code format} is an annotation (Kubernetes checks few formats; "int32" and the like are OpenAPI's).</li>
 * </ul>
 * The CEL rules ({@code x-kubernetes-validations}) are not evaluated.
 */
final class CrdSchemas {

    /** The vendored CRD files, as classpath resources. */
    static final List<String> FILES = List.of(
            "crds/cloudnative-pg/postgresql.cnpg.io_clusters.yaml",
            "crds/cloudnative-pg/postgresql.cnpg.io_databases.yaml",
            "crds/cloudnative-pg/postgresql.cnpg.io_scheduledbackups.yaml",
            "crds/keycloak-operator/keycloaks.k8s.keycloak.org-v1.yml",
            "crds/keycloak-operator/keycloakrealmimports.k8s.keycloak.org-v1.yml");

    /** By "group/version/Kind", as {@link ModelValidator#typeOf} names an object's type. */
    static final Map<String, JsonSchema> SCHEMAS = load();

    private CrdSchemas() {
    }

    private static Map<String, JsonSchema> load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(false)
                .pathType(com.networknt.schema.PathType.JSON_POINTER)
                .build();
        Map<String, JsonSchema> schemas = new HashMap<>();
        for (String file : FILES) {
            JsonNode crd = read(file);
            String group = crd.path("spec").path("group").asText();
            String kind = crd.path("spec").path("names").path("kind").asText();
            if (group.isEmpty() || kind.isEmpty()) {
                throw new IllegalStateException(file + " is no CustomResourceDefinition");
            }
            for (JsonNode version : crd.path("spec").path("versions")) {
                JsonNode schema = version.path("schema").path("openAPIV3Schema");
                if (!version.path("served").asBoolean() || !schema.isObject()) {
                    continue;
                }
                ObjectNode strict = schema.deepCopy();
                // every object has these, whether or not the CRD lists them (the Keycloak operator's does not)
                if (strict.get("properties") instanceof ObjectNode top) {
                    top.putIfAbsent("apiVersion", JsonNodeFactory.instance.objectNode().put("type", "string"));
                    top.putIfAbsent("kind", JsonNodeFactory.instance.objectNode().put("type", "string"));
                    top.putIfAbsent("metadata", JsonNodeFactory.instance.objectNode().put("type", "object"));
                }
                tighten(strict);
                schemas.put(group + "/" + version.path("name").asText() + "/" + kind, factory.getSchema(strict, config));
            }
        }
        return Map.copyOf(schemas);
    }

    private static JsonNode read(String file) {
        try (InputStream in = CrdSchemas.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("no " + file + " on the test classpath");
            }
            List<JsonNode> docs = Manifests.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (docs.size() != 1) {
                throw new IllegalStateException(file + " holds " + docs.size() + " documents, not one CRD");
            }
            return docs.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Applies the structural schema's rules to a schema reached through properties, items or additionalProperties
     * (not inside allOf/anyOf/oneOf/not, which in a structural schema only constrain values).
     */
    private static void tighten(ObjectNode schema) {
        if (schema.path("nullable").asBoolean() && schema.path("type").isTextual()) {
            ArrayNode types = JsonNodeFactory.instance.arrayNode().add(schema.get("type").asText()).add("null");
            schema.set("type", types);
        }
        if (schema.path("x-kubernetes-embedded-resource").asBoolean() && schema.path("properties").isObject()) {
            ObjectNode properties = (ObjectNode) schema.get("properties");
            properties.putIfAbsent("apiVersion", JsonNodeFactory.instance.objectNode().put("type", "string"));
            properties.putIfAbsent("kind", JsonNodeFactory.instance.objectNode().put("type", "string"));
            properties.putIfAbsent("metadata", JsonNodeFactory.instance.objectNode().put("type", "object"));
        }
        if (schema.get("properties") instanceof ObjectNode properties) {
            if (!schema.has("additionalProperties") && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                schema.put("additionalProperties", false);
            }
            properties.forEach(p -> {
                if (p instanceof ObjectNode child) {
                    tighten(child);
                }
            });
        }
        if (schema.get("items") instanceof ObjectNode items) {
            tighten(items);
        }
        if (schema.get("additionalProperties") instanceof ObjectNode values) {
            tighten(values);
        }
    }

    /** The problems found in an object of a type {@link #SCHEMAS} has, each naming the object and the path. */
    static List<String> validate(String name, JsonNode object) {
        JsonSchema schema = SCHEMAS.get(ModelValidator.typeOf(object));
        Set<ValidationMessage> messages = schema.validate(object);
        return messages.stream().map(m -> name + ": " + m.getMessage()).sorted().toList();
    }
}
