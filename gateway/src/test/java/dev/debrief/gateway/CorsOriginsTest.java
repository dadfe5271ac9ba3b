package dev.debrief.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * CORS is answered in one place, the gateway, for exactly the browser origins the realm lets log in; the
 * firms' integration clients admit the gateway's origin so Swagger UI's client-credentials flow can call
 * Keycloak's token endpoint.
 */
class CorsOriginsTest {

    private static final Path REALM = Path.of("..", "deploy", "keycloak", "debrief-realm.json");

    @Test
    void shouldAllowTheRealmsWebOriginsAndNoOthers() throws IOException {
        assertThat(gatewayOrigins(), equalTo(webOrigins(client("debrief-web"))));
    }

    @Test
    void shouldLetTheIntegrationClientsAskForTokensFromSwaggerUi() throws IOException {
        for (String client : new String[] { "northwind-integration", "summit-integration" }) {
            assertThat(client, webOrigins(client(client)), hasItem("http://localhost:8080"));
        }
    }

    private static Set<String> gatewayOrigins() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = CorsOriginsTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return new TreeSet<>(Arrays.asList(properties.getProperty("quarkus.http.cors.origins").split(",")));
    }

    private static JsonNode client(String clientId) throws IOException {
        for (JsonNode client : Json.mapper().readTree(REALM.toFile()).path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId + " in " + REALM);
    }

    private static Set<String> webOrigins(JsonNode client) {
        Set<String> origins = new TreeSet<>();
        client.path("webOrigins").forEach(o -> origins.add(o.asText()));
        return origins;
    }
}
