package dev.debrief.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CloudNativePG cluster has the services' database, one login role and schema per service (the schema its
 * application.properties migrates), and the SQL sandbox's own role and database with no other rights.
 */
class DatabaseDriftTest {

    /** The sandbox's login role and database (scoring-service's sandbox datasource logs in as it). */
    static final String SANDBOX = "debrief_sandbox";

    private final JsonNode cluster = Manifests.named("base", "Cluster", "debrief-db").path("spec");

    @Test
    void shouldBootstrapTheDatabaseTheServicesConnectTo() {
        assertEquals(Declared.database(), cluster.path("bootstrap").path("initdb").path("database").asText());
        String url = Manifests.named("base", "ConfigMap", "debrief-infra").path("data").path("jdbc-url").asText();
        assertTrue(url.startsWith("jdbc:postgresql://debrief-db-rw:5432/"), url);
        assertEquals(Declared.database(), url.substring(url.lastIndexOf('/') + 1));
    }

    @Test
    void shouldGiveEachServiceItsOwnRoleOwningItsSchemaAndItsSecret() {
        List<String> sql = new ArrayList<>();
        cluster.path("bootstrap").path("initdb").path("postInitApplicationSQL").forEach(s -> sql.add(s.asText()));
        for (String service : Declared.SERVICES) {
            String schema = Declared.schema(service);
            JsonNode role = managedRole(schema);
            assertTrue(role.path("login").asBoolean(), service + ": role " + schema);
            assertEquals("debrief-db-" + schema, role.path("passwordSecret").path("name").asText(), service);
            assertTrue(sql.contains("CREATE SCHEMA " + schema + " AUTHORIZATION " + schema), service + ": " + sql);
            JsonNode container = Manifests.named("base", "Deployment", service).path("spec").path("template").path("spec")
                    .path("containers").path(0);
            for (JsonNode env : container.path("env")) {
                if (env.path("name").asText().equals("QUARKUS_DATASOURCE_USERNAME")
                        || env.path("name").asText().equals("QUARKUS_DATASOURCE_PASSWORD")) {
                    assertEquals("debrief-db-" + schema, env.path("valueFrom").path("secretKeyRef").path("name").asText(), service);
                }
            }
        }
    }

    @Test
    void shouldGiveTheSandboxALoginRoleWithNoOtherRightsAndADatabaseItDoesNotOwn() {
        JsonNode role = managedRole(SANDBOX);
        assertTrue(role.path("login").asBoolean());
        for (String right : List.of("superuser", "createdb", "createrole", "replication", "bypassrls", "inherit")) {
            assertFalse(role.path(right).asBoolean(false), SANDBOX + " has " + right);
        }
        assertTrue(role.path("connectionLimit").asInt() > 0, "a bounded number of sandbox connections");
        JsonNode database = Manifests.named("base", "Database", "debrief-sandbox").path("spec");
        assertEquals(SANDBOX, database.path("name").asText());
        assertEquals(Declared.schema("scoring-service"), database.path("owner").asText(),
                "scoring-service's role owns the sandbox database and loads its fixture; the sandbox role only reads");
        JsonNode scoring = Manifests.named("base", "Deployment", "scoring-service").path("spec").path("template").path("spec")
                .path("containers").path(0);
        int sandboxRefs = 0;
        for (JsonNode env : scoring.path("env")) {
            if (env.path("name").asText().startsWith("QUARKUS_DATASOURCE_SANDBOX_")
                    && env.path("valueFrom").has("secretKeyRef")) {
                assertEquals("debrief-db-sandbox", env.path("valueFrom").path("secretKeyRef").path("name").asText());
                sandboxRefs++;
            }
        }
        assertEquals(2, sandboxRefs, "scoring-service's sandbox pool logs in with the sandbox role's Secret");
        String url = Manifests.named("base", "ConfigMap", "debrief-infra").path("data").path("sandbox-jdbc-url").asText();
        assertEquals(SANDBOX, url.substring(url.lastIndexOf('/') + 1));
        Declared.property("scoring-service", "quarkus.datasource.sandbox.username")
                .ifPresent(user -> assertEquals(SANDBOX, user, "scoring-service's sandbox login"));
    }

    private JsonNode managedRole(String name) {
        for (JsonNode role : cluster.path("managed").path("roles")) {
            if (role.path("name").asText().equals(name)) {
                return role;
            }
        }
        throw new AssertionError("no managed role " + name + " in deploy/k8s/base/postgres/cluster.yaml");
    }
}
