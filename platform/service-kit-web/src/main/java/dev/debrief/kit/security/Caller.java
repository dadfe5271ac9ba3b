package dev.debrief.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Who is calling, read from the verified token: user id, roles and tenant. The tenant is the coaching
 * firm of the token's {@code organization} claim (Keycloak organizations); it is never taken from a
 * header, so a client cannot claim another firm.
 */
@RequestScoped
public class Caller {

    static final String ORGANIZATION_CLAIM = "organization";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** A stable id of the caller: the token subject. */
    public String id() {
        String subject = token.getSubject();
        return subject != null ? subject : identity.getPrincipal().getName();
    }

    /** The human-readable name, for timelines and transcripts. */
    public String username() {
        String name = token.getClaim("preferred_username");
        return name != null ? name : identity.getPrincipal().getName();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public boolean isAdmin() {
        return is(Roles.ADMIN);
    }

    /**
     * Whether the caller may receive answer keys (reference queries, exemplars, rubric anchors and signals):
     * coaches and authors, and session-service's own identity that snapshots questions for scoring. Candidates
     * and analysts never do.
     */
    public boolean seesAnswerKeys() {
        return is(Roles.COACH) || is(Roles.FIRM_ADMIN) || is(Roles.ADMIN) || is(Roles.SNAPSHOT_READER);
    }

    /** The caller's coaching firm, empty for Debrief staff and for candidates practising on their own. */
    public Optional<String> tenant() {
        return tenantOf(token.getClaim(ORGANIZATION_CLAIM));
    }

    /** True when the resource's tenant is the caller's (both absent counts as the same: no firm). */
    public boolean sameTenant(String resourceTenant) {
        return tenant().orElse(null) == null ? resourceTenant == null : tenant().get().equals(resourceTenant);
    }

    /**
     * Keycloak writes the claim as a list of aliases ({@code ["northwind"]}) or, with ids, as an object keyed
     * by alias; a hard-coded claim on a firm's integration client may be a plain string.
     */
    static Optional<String> tenantOf(Object claim) {
        if (claim instanceof JsonArray array && !array.isEmpty()) {
            return stringOf(array.get(0));
        }
        if (claim instanceof JsonObject object && !object.isEmpty()) {
            return Optional.of(object.keySet().iterator().next());
        }
        if (claim instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        if (claim instanceof String string && !string.isBlank()) {
            return Optional.of(string);
        }
        if (claim instanceof Iterable<?> list && list.iterator().hasNext()) {
            Object first = list.iterator().next();
            return first instanceof JsonValue value ? stringOf(value) : Optional.of(String.valueOf(first));
        }
        return Optional.empty();
    }

    private static Optional<String> stringOf(JsonValue value) {
        return value instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }
}
