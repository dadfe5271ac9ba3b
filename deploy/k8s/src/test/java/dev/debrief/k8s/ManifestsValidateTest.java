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

/**
 * Every kustomization renders, and every object it renders is valid against its API's published model or, for the
 * pinned operators with none, its vendored CRD's schema.
 */
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
    void shouldReportAnUnknownFieldAndAWrongTypeInACloudNativePgCluster() throws IOException {
        JsonNode cluster = Manifests.parse("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: broken, lables: {a: b}}
                spec:
                  instances: three
                  storage: {size: 1Gi, sise: 2Gi}
                  postgresql:
                    parameters: {max_connections: "200"}
                """).get(0);
        List<String> problems = ModelValidator.validate(cluster);
        assertTrue(problems.stream().anyMatch(p -> p.contains("/spec/instances") && p.contains("integer")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("/spec/storage") && p.contains("sise")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("[lables]") && p.contains(".metadata")), problems.toString());
        assertEquals(3, problems.size(), "parameters is a map of strings, any name: " + problems);
    }

    @Test
    void shouldReportAnUnknownFieldOrWrongTypeInACloudNativePgDatabaseAndScheduledBackup() throws IOException {
        JsonNode database = Manifests.parse("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Database
                metadata: {name: broken}
                spec: {name: d, owner: o, cluster: {name: c}, ensure: presnt}
                """).get(0);
        assertTrue(ModelValidator.validate(database).stream().anyMatch(p -> p.contains("/spec/ensure")),
                ModelValidator.validate(database).toString());
        JsonNode backup = Manifests.parse("""
                apiVersion: postgresql.cnpg.io/v1
                kind: ScheduledBackup
                metadata: {name: broken}
                spec: {schedule: "0 0 0 * * *", cluster: {name: c}, immediate: "yes"}
                """).get(0);
        assertTrue(ModelValidator.validate(backup).stream().anyMatch(p -> p.contains("/spec/immediate")),
                ModelValidator.validate(backup).toString());
    }

    @Test
    void shouldReportABrokenKeycloakAndRealmImport() throws IOException {
        JsonNode keycloak = Manifests.parse("""
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: Keycloak
                metadata: {name: broken}
                spec:
                  instances: 1
                  hostname: {hostname: https://login.example, strictt: true}
                """).get(0);
        assertTrue(ModelValidator.validate(keycloak).stream().anyMatch(p -> p.contains("/spec/hostname") && p.contains("strictt")),
                ModelValidator.validate(keycloak).toString());
        JsonNode realmImport = Manifests.parse("""
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: KeycloakRealmImport
                metadata: {name: broken}
                spec:
                  keycloakCRName: debrief-keycloak
                  realm:
                    realm: debrief
                    enabled: "maybe"
                    clients:
                    - clientId: web
                      redirectUri: [https://x.example/*]
                """).get(0);
        List<String> problems = ModelValidator.validate(realmImport);
        assertTrue(problems.stream().anyMatch(p -> p.contains("/spec/realm/enabled") && p.contains("boolean")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("/spec/realm/clients/0") && p.contains("redirectUri")), problems.toString());
    }

    @Test
    void shouldHaveASchemaOfEachPinnedOperatorKind() {
        assertEquals(java.util.Set.of("postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Database",
                "postgresql.cnpg.io/v1/ScheduledBackup", "k8s.keycloak.org/v2alpha1/Keycloak",
                "k8s.keycloak.org/v2alpha1/KeycloakRealmImport"), CrdSchemas.SCHEMAS.keySet());
    }

    @Test
    void shouldReportAKindWithNoModel() throws IOException {
        JsonNode unknown = Manifests.parse("apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: x}\n").get(0);
        assertFalse(ModelValidator.validate(unknown).isEmpty());
        JsonNode unservedVersion = Manifests.parse("apiVersion: postgresql.cnpg.io/v1beta1\nkind: Cluster\nmetadata: {name: x}\n").get(0);
        assertFalse(ModelValidator.validate(unservedVersion).isEmpty());
    }
}
