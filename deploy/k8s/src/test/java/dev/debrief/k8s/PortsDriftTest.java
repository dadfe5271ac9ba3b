package dev.debrief.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each service's port in its Deployment, Service, NetworkPolicies and the addresses others call it at is the
 * quarkus.http.port of its application.properties; only the gateway is published by an Ingress.
 */
class PortsDriftTest {

    @Test
    void shouldServeEachServiceOnItsDeclaredPort() {
        for (String service : Declared.SERVICES) {
            int port = Declared.port(service);
            JsonNode container = Manifests.named("base", "Deployment", service).path("spec").path("template").path("spec")
                    .path("containers").path(0);
            assertEquals(port, container.path("ports").path(0).path("containerPort").asInt(), service + " containerPort");
            assertEquals(Integer.toString(port), env(container).get("QUARKUS_HTTP_PORT"), service + " QUARKUS_HTTP_PORT");
            assertEquals(port, Manifests.named("base", "Service", service).path("spec").path("ports").path(0).path("port").asInt(),
                    service + " Service port");
        }
    }

    @Test
    void shouldCallEachUpstreamAtItsServiceAndPort() {
        Map<String, String> gateway = env(container("gateway"));
        assertEquals("http://question-service:" + Declared.port("question-service"), gateway.get("DEBRIEF_GATEWAY_UPSTREAM_QUESTION"));
        assertEquals("http://session-service:" + Declared.port("session-service"), gateway.get("DEBRIEF_GATEWAY_UPSTREAM_SESSION"));
        assertEquals("http://scoring-service:" + Declared.port("scoring-service"), gateway.get("DEBRIEF_GATEWAY_UPSTREAM_SCORING"));
        assertEquals("http://question-service:" + Declared.port("question-service"),
                env(container("session-service")).get("QUARKUS_REST_CLIENT_CATALOG_URL"));
    }

    @Test
    void shouldLetEachServiceBeReachedOnlyOnItsPortFromTheGatewayAndItsCallers() {
        Map<String, List<String>> callers = Map.of(
                "question-service", List.of("gateway", "session-service"),
                "session-service", List.of("gateway"),
                "scoring-service", List.of("gateway"));
        callers.forEach((service, expected) -> {
            JsonNode policy = Manifests.named("base", "NetworkPolicy", service).path("spec");
            assertEquals(service, policy.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText());
            assertEquals(1, policy.path("ingress").size(), service);
            JsonNode rule = policy.path("ingress").path(0);
            List<String> from = new ArrayList<>();
            rule.path("from").forEach(peer -> from.add(peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText()));
            assertEquals(expected, from, service + " is reached from");
            assertEquals(Declared.port(service), rule.path("ports").path(0).path("port").asInt(), service + " policy port");
        });
        JsonNode gateway = Manifests.named("base", "NetworkPolicy", "gateway").path("spec");
        assertEquals(Declared.port("gateway"), gateway.path("ingress").path(0).path("ports").path(0).path("port").asInt());
        List<Integer> upstreams = new ArrayList<>();
        gateway.path("egress").forEach(rule -> upstreams.add(rule.path("ports").path(0).path("port").asInt()));
        assertEquals(List.of(Declared.port("question-service"), Declared.port("session-service"), Declared.port("scoring-service")), upstreams);
    }

    @Test
    void shouldPublishOnlyTheGatewayAndKeycloaksBrowserPaths() {
        for (String kustomization : Manifests.KUSTOMIZATIONS) {
            List<String> backends = new ArrayList<>();
            for (JsonNode ingress : Manifests.ofKind(kustomization, "Ingress")) {
                for (JsonNode rule : ingress.path("spec").path("rules")) {
                    for (JsonNode path : rule.path("http").path("paths")) {
                        String backend = path.path("backend").path("service").path("name").asText();
                        backends.add(backend);
                        if (backend.equals("debrief-keycloak-service")) {
                            assertTrue(List.of("/realms/", "/resources/").contains(path.path("path").asText()),
                                    kustomization + ": Keycloak path " + path.path("path"));
                        }
                    }
                }
            }
            assertEquals(List.of("gateway", "debrief-keycloak-service"), backends.stream().distinct().toList(), kustomization);
        }
    }

    private static JsonNode container(String service) {
        return Manifests.named("base", "Deployment", service).path("spec").path("template").path("spec").path("containers").path(0);
    }

    static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").isMissingNode() ? null : e.path("value").asText()));
        return env;
    }
}
