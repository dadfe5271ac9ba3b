package dev.debrief.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The production realm has the demo realm's roles and service clients, and none of its users or secrets. */
class RealmImportTest {

    private final JsonNode realm = Manifests.named("base", "KeycloakRealmImport", "debrief-realm").path("spec").path("realm");

    @Test
    void shouldKeepTheDemoRealmsRolesAndTheClientsTheServicesUse() throws IOException {
        JsonNode demo = new ObjectMapper().readTree(Manifests.repoRoot().resolve("deploy/keycloak/debrief-realm.json").toFile());
        assertEquals(demo.path("realm").asText(), realm.path("realm").asText());
        assertEquals(demo.path("roles"), realm.path("roles"));
        assertEquals(List.of("debrief-web", "session-service"), clientIds(realm));
        assertTrue(clientIds(demo).containsAll(clientIds(realm)));
    }

    @Test
    void shouldCarryNoDemoUserAndNoSecret() {
        for (JsonNode user : realm.path("users")) {
            assertTrue(user.hasNonNull("serviceAccountClientId"), "only service accounts: " + user.path("username"));
            assertTrue(user.path("credentials").isMissingNode(), user.path("username").asText());
        }
        assertTrue(realm.path("organizations").isMissingNode(), "firms are created in production, not imported");
        JsonNode placeholders = Manifests.named("base", "KeycloakRealmImport", "debrief-realm").path("spec").path("placeholders");
        for (JsonNode client : realm.path("clients")) {
            if (client.has("secret")) {
                String secret = client.path("secret").asText();
                assertTrue(secret.matches("\\$\\{[A-Z_]+}"), client.path("clientId") + " has a literal secret");
                String name = secret.substring(2, secret.length() - 1);
                assertTrue(placeholders.path(name).path("secret").path("name").isTextual(), name + " comes from a Secret");
            }
            assertTrue(!client.path("directAccessGrantsEnabled").asBoolean(false), client.path("clientId") + ": no password grant");
        }
    }

    private static List<String> clientIds(JsonNode realm) {
        List<String> ids = new ArrayList<>();
        realm.path("clients").forEach(c -> ids.add(c.path("clientId").asText()));
        return ids;
    }
}
