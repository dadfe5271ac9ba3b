package dev.debrief.gateway.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells the web client (served at / from the {@code web} module's jar) where to log in, so one build runs
 * against any realm: {@code GET /web-config.json} → {@code {keycloakUrl, realm, clientId}}. Open, like the
 * login page it points to; it holds no secret (the web client is a public PKCE client).
 */
@ApplicationScoped
public class WebClientConfig {

    private final JsonObject body;

    public WebClientConfig(@ConfigProperty(name = "debrief.gateway.openapi.auth-server-url") String authServerUrl,
            @ConfigProperty(name = "debrief.gateway.web.client-id", defaultValue = "debrief-web") String clientId) {
        int realms = authServerUrl.lastIndexOf("/realms/");
        if (realms < 0) {
            throw new IllegalArgumentException("debrief.gateway.openapi.auth-server-url must end in /realms/<realm>");
        }
        this.body = new JsonObject()
                .put("keycloakUrl", authServerUrl.substring(0, realms))
                .put("realm", authServerUrl.substring(realms + "/realms/".length()).replaceAll("/+$", ""))
                .put("clientId", clientId);
    }

    void mount(@Observes Router router) {
        router.get("/web-config.json").handler(rc -> rc.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-cache")
                .end(body.encode()));
    }
}
