package dev.debrief.gateway;

import dev.debrief.testsupport.TestTokens;
import io.smallrye.jwt.build.Jwt;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;

import java.util.UUID;

/** Tokens shaped like the debrief realm's, with the OAuth client ({@code azp}) the gateway limits by. */
final class Tokens {

    private Tokens() {
    }

    /** A fresh user of a firm (null for none) with the given roles: its own rate-limit budget. */
    static String user(String tenant, String... roles) {
        return TestTokens.token("user-" + UUID.randomUUID(), tenant, roles);
    }

    /**
     * A person signed in through the web frontend: {@code azp} is {@code debrief-web}, shared by every user,
     * as in the realm's tokens.
     */
    static String webUser(String username, String tenant, String... roles) {
        JsonArrayBuilder roleArray = Json.createArrayBuilder();
        for (String role : roles) {
            roleArray.add(role);
        }
        var builder = Jwt.claims()
                .issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE)
                .subject(TestTokens.subjectOf(username))
                .preferredUserName(username)
                .claim("azp", "debrief-web")
                .claim("realm_access", Json.createObjectBuilder().add("roles", roleArray).build())
                .expiresIn(3600);
        if (tenant != null) {
            builder.claim("organization", firms(tenant));
        }
        return builder.sign("privateKey.jwk");
    }

    /** A firm's integration client (client credentials): its own {@code azp}, the firm in organization. */
    static String client(String clientId, JsonValue organization, String... roles) {
        JsonArrayBuilder roleArray = Json.createArrayBuilder();
        for (String role : roles) {
            roleArray.add(role);
        }
        return Jwt.claims()
                .issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE)
                .subject(UUID.randomUUID().toString())
                .preferredUserName("service-account-" + clientId)
                .claim("azp", clientId)
                .claim("realm_access", Json.createObjectBuilder().add("roles", roleArray).build())
                .claim("organization", organization)
                .expiresIn(3600)
                .sign("privateKey.jwk");
    }

    static JsonValue firms(String... aliases) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (String alias : aliases) {
            array.add(alias);
        }
        return array.build();
    }
}
