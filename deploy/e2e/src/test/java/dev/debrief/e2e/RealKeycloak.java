package dev.debrief.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** Gets real tokens from the stack's Keycloak, the way a client would, and reads their claims. */
final class RealKeycloak {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI tokenEndpoint;

    RealKeycloak(int keycloakPort) {
        this.tokenEndpoint = URI.create("http://localhost:" + keycloakPort + "/realms/debrief/protocol/openid-connect/token");
    }

    /** Password grant on the public debrief-web client, as the README's curl does (demo password for every user). */
    String userToken(String username) {
        return token(Map.of("grant_type", "password", "client_id", "debrief-web", "username", username, "password", "demo"), null);
    }

    /** Client credentials of a confidential client, such as a firm's integration client. */
    String clientToken(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return token(Map.of("grant_type", "client_credentials"), "Basic " + basic);
    }

    static JsonNode claims(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException("not a JWT: " + token, e);
        }
    }

    private String token(Map<String, String> form, String authorization) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request failed: HTTP " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("token request failed", e);
        }
    }
}
