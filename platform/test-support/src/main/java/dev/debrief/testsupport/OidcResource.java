package dev.debrief.testsupport;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import java.util.HashMap;
import java.util.Map;

/**
 * A token issuer for fast tests: WireMock serves the OIDC discovery and keys that {@link TestTokens}
 * signs with, so services verify real signed JWTs without a Keycloak. The end-to-end tests use the real
 * Keycloak instead.
 */
public class OidcResource extends OidcWiremockTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("quarkus.oidc.auth-server-url", config.get("keycloak.url") + "/realms/quarkus/");
        config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
        return config;
    }
}
