package dev.debrief.testsupport;

import io.smallrye.jwt.build.Jwt;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import java.util.Set;
import java.util.UUID;

/**
 * Signed access tokens shaped like the debrief realm's: roles in {@code realm_access.roles}, the
 * firm in {@code organization}, audience {@code debrief-api}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "debrief-api";

    private TestTokens() {
    }

    /** A token for a user of a firm; pass a null tenant for staff or a candidate without a firm. */
    public static String token(String username, String tenant, String... roles) {
        return forAudience(AUDIENCE, username, tenant, roles);
    }

    /** A token issued for another audience, to prove services refuse it. */
    public static String forAudience(String audience, String username, String tenant, String... roles) {
        JsonArrayBuilder roleArray = Json.createArrayBuilder();
        for (String role : roles) {
            roleArray.add(role);
        }
        var builder = Jwt.claims()
                .issuer(ISSUER)
                .audience(audience)
                .subject(subjectOf(username))
                .preferredUserName(username)
                .claim("realm_access", Json.createObjectBuilder().add("roles", roleArray).build())
                .expiresIn(3600);
        if (tenant != null) {
            builder.claim("organization", Json.createArrayBuilder().add(tenant).build());
        }
        return builder.sign("privateKey.jwk");
    }

    /** An expired token, to prove expiry is checked. */
    public static String expired(String username, String... roles) {
        return Jwt.claims()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subjectOf(username))
                .preferredUserName(username)
                .groups(Set.of(roles))
                .issuedAt(1_000_000L)
                .expiresAt(1_000_060L)
                .sign("privateKey.jwk");
    }

    /** Stable per username, so a test can predict the candidate id a service records. */
    public static String subjectOf(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes()).toString();
    }
}
