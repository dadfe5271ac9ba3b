package dev.debrief.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.Optional;

/**
 * What the gateway passes on from a verified token: the coaching firm (Keycloak's {@code organization}
 * claim) and the OAuth client. Read the same way as the service kit's {@code Caller}, which needs a
 * request scope the router does not have.
 */
public record TokenFacts(String subject, Optional<String> client, Optional<String> tenant,
        Optional<String> integrationClient) {

    static final String ORGANIZATION_CLAIM = "organization";

    public static TokenFacts of(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String subject = token.getSubject() != null ? token.getSubject() : token.getName();
            Optional<String> client = Optional.ofNullable(token.<Object>getClaim("azp")).map(TokenFacts::text)
                    .filter(s -> !s.isBlank());
            return new TokenFacts(subject, client, tenantOf(token.getClaim(ORGANIZATION_CLAIM)),
                    client.filter(c -> isServiceAccount(token)));
        }
        String subject = identity.getPrincipal().getName();
        return new TokenFacts(subject, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * A client-credentials token: Keycloak names the client in {@code client_id} and the user
     * {@code service-account-<client>}. A person's token names its frontend in {@code azp}, which many
     * users share, so only an integration client is limited by its {@code azp}.
     */
    private static boolean isServiceAccount(JsonWebToken token) {
        String username = token.getClaim("preferred_username") == null ? "" : text(token.getClaim("preferred_username"));
        return token.getClaim("client_id") != null || username.startsWith("service-account-");
    }

    /** A list of aliases ({@code ["northwind"]}), an object keyed by alias, or a plain string. */
    static Optional<String> tenantOf(Object claim) {
        if (claim instanceof JsonArray array) {
            return array.isEmpty() ? Optional.empty() : textOf(array.get(0));
        }
        if (claim instanceof JsonObject object) {
            return object.isEmpty() ? Optional.empty() : Optional.of(object.keySet().iterator().next());
        }
        if (claim instanceof JsonString string) {
            return nonBlank(string.getString());
        }
        if (claim instanceof String string) {
            return nonBlank(string);
        }
        if (claim instanceof Collection<?> list && !list.isEmpty()) {
            Object first = list.iterator().next();
            return first instanceof JsonValue value ? textOf(value) : nonBlank(String.valueOf(first));
        }
        return Optional.empty();
    }

    private static Optional<String> textOf(JsonValue value) {
        return value instanceof JsonString s ? nonBlank(s.getString()) : Optional.empty();
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    private static String text(Object value) {
        return value instanceof JsonString s ? s.getString() : String.valueOf(value);
    }
}
