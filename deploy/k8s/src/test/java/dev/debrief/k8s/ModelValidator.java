package dev.debrief.k8s;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a rendered object against a published model of its API: the Kubernetes API as fabric8's
 * kubernetes-model (generated from the API's OpenAPI), Strimzi's custom resources as Strimzi's own api artefact (the
 * classes its CRDs are generated from). Reading the object into the model fails on a wrong type or an unknown enum
 * value (a listener type, an ACL operation); a field the model does not know lands in the model's
 * "additionalProperties", which this walks and reports, so a misspelt or misplaced field fails too. The pinned
 * operators with no published model (CloudNativePG, the Keycloak operator) are checked against their vendored CRDs'
 * schemas instead ({@link CrdSchemas}). A kind with neither fails.
 */
final class ModelValidator {

    /** Kinds with a published model, by apiVersion and kind. */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1/Namespace", io.fabric8.kubernetes.api.model.Namespace.class),
            Map.entry("v1/Secret", io.fabric8.kubernetes.api.model.Secret.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class));

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();

    private ModelValidator() {
    }

    static String typeOf(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    /** The problems found, each naming the object and the path; empty when it is valid. */
    static List<String> validate(JsonNode object) {
        String type = typeOf(object);
        String name = type + " " + object.path("metadata").path("name").asText();
        List<String> problems = new ArrayList<>();
        if (object.path("metadata").path("name").asText().isEmpty()) {
            problems.add(name + ": no metadata.name");
        }
        if (CrdSchemas.SCHEMAS.containsKey(type)) {
            // the CRD's schema says only "type: object" of metadata: Kubernetes' own model of it checks it
            problems.addAll(check(object.path("metadata"), io.fabric8.kubernetes.api.model.ObjectMeta.class, name, ".metadata"));
            problems.addAll(CrdSchemas.validate(name, object));
            return problems;
        }
        Class<?> model = MODELS.get(type);
        if (model == null) {
            problems.add(name + ": no model or CRD schema for this apiVersion and kind (a typo, or a new kind to add to"
                    + " ModelValidator or to the vendored CRDs)");
            return problems;
        }
        problems.addAll(check(object, model, name, ""));
        return problems;
    }

    private static List<String> check(JsonNode object, Class<?> model, String name, String path) {
        List<String> problems = new ArrayList<>();
        Object read;
        try {
            read = MAPPER.treeToValue(object, model);
        } catch (Exception e) {
            problems.add(name + ": " + e.getMessage().lines().findFirst().orElse(""));
            return problems;
        }
        walk(read, object, path, name, problems, new IdentityHashMap<>());
        return problems;
    }

    /**
     * Walks the model and the given tree side by side: a field the model does not know is in an
     * "additionalProperties" map; a value it does not understand (an unknown enum value) reads as null.
     */
    private static void walk(Object value, JsonNode given, String path, String name, List<String> problems,
                             Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                JsonNode element = given.path(i);
                if (item == null && !element.isMissingNode() && !element.isNull()) {
                    problems.add(name + ": a value the model does not understand at " + path + "[" + i + "]: " + element);
                }
                walk(item, element, path + "[" + i++ + "]", name, problems, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, given.path(String.valueOf(k)), path + "." + k, name, problems, seen));
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
            return;
        }
        Map<?, ?> unknown = additionalProperties(value);
        if (unknown != null && !unknown.isEmpty()) {
            problems.add(name + ": unknown field(s) " + unknown.keySet() + " at " + (path.isEmpty() ? "the top" : path));
        }
        BeanDescription bean = MAPPER.getSerializationConfig().introspect(MAPPER.constructType(value.getClass()));
        for (BeanPropertyDefinition property : bean.findProperties()) {
            if (property.getGetter() == null || property.getName().equals("additionalProperties")) {
                continue;
            }
            Object child;
            try {
                child = property.getGetter().getMember().invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue; // a computed getter with nothing to check
            }
            JsonNode field = given.path(property.getName());
            if (child == null && !field.isMissingNode() && !field.isNull()) {
                problems.add(name + ": a value the model does not understand at " + path + "." + property.getName() + ": " + field);
            }
            walk(child, field, path + "." + property.getName(), name, problems, seen);
        }
    }

    private static Map<?, ?> additionalProperties(Object value) {
        try {
            Method getter = value.getClass().getMethod("getAdditionalProperties");
            return getter.invoke(value) instanceof Map<?, ?> map ? map : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
