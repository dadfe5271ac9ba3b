package dev.debrief.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kustomization renders, and every object it renders is valid against its API's published model. */
class ManifestsValidateTest {

    static final List<String> KUSTOMIZATIONS = Manifests.KUSTOMIZATIONS;

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void shouldRenderEveryObjectValidAgainstItsApiModel(String kustomization) {
        List<JsonNode> objects = Manifests.rendered(kustomization);
        assertTrue(objects.size() > 30, kustomization + " rendered only " + objects.size() + " objects");
        List<String> problems = new ArrayList<>();
        objects.forEach(o -> problems.addAll(ModelValidator.validate(o)));
        assertEquals(List.of(), problems, kustomization);
    }

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void shouldNotRenderTwoObjectsOfOneKindAndName(String kustomization) {
        List<String> keys = Manifests.rendered(kustomization).stream()
                .map(o -> ModelValidator.typeOf(o) + " " + o.path("metadata").path("name").asText()).toList();
        assertEquals(keys.size(), keys.stream().distinct().count(), kustomization + ": " + keys);
    }

    @Test
    void shouldPutTheOverlaysInTheDebriefNamespace() {
        for (String overlay : List.of("overlays/local", "overlays/production")) {
            Manifests.rendered(overlay).stream().filter(o -> !o.path("kind").asText().equals("Namespace"))
                    .forEach(o -> assertEquals("debrief", o.path("metadata").path("namespace").asText(),
                            overlay + ": " + ModelValidator.typeOf(o) + " " + o.path("metadata").path("name")));
        }
    }

    @Test
    void shouldReportAMisspeltFieldOfADeployment() throws IOException {
        JsonNode deployment = Manifests.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: broken}
                spec:
                  replcas: 2
                  template:
                    spec:
                      containers:
                      - name: app
                        image: x
                        resources: {limit: {cpu: "1"}}
                """).get(0);
        List<String> problems = ModelValidator.validate(deployment);
        assertTrue(problems.stream().anyMatch(p -> p.contains("[replcas]") && p.contains(".spec")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("[limit]")), problems.toString());
    }

    @Test
    void shouldReportAnUnknownAclOperationAndListenerType() throws IOException {
        JsonNode user = Manifests.parse("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaUser
                metadata: {name: broken}
                spec:
                  authentication: {type: scram-sha-512}
                  authorization:
                    type: simple
                    acls:
                    - resource: {type: topic, name: t}
                      operations: [Publish]
                """).get(0);
        assertFalse(ModelValidator.validate(user).isEmpty(), "Publish is no Kafka ACL operation");
        JsonNode kafka = Manifests.parse("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: Kafka
                metadata: {name: broken}
                spec:
                  kafka:
                    listeners:
                    - {name: tls, port: 9093, type: ingresss, tls: true}
                """).get(0);
        assertFalse(ModelValidator.validate(kafka).isEmpty(), "ingresss is no listener type");
    }

    @Test
    void shouldReportAKindWithNoModel() throws IOException {
        JsonNode unknown = Manifests.parse("apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: x}\n").get(0);
        assertFalse(ModelValidator.validate(unknown).isEmpty());
    }
}
