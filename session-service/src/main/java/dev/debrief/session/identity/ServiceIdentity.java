package dev.debrief.session.identity;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.Duration;

/**
 * session-service's own identity: the realm's {@code session-service} client, client credentials through
 * quarkus-oidc-client. Used for the catalog's snapshots and the firm directory, so a user's token is never
 * forwarded to another service. The token is kept until shortly before it expires.
 */
@ApplicationScoped
public class ServiceIdentity {

    private static final Duration EARLY = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final OidcClient client;
    private volatile Tokens tokens;

    public ServiceIdentity(OidcClient client) {
        this.client = client;
    }

    /** The {@code Authorization} header value. */
    public String bearer() {
        Tokens current = tokens;
        if (current == null || expiresSoon(current)) {
            synchronized (this) {
                current = tokens;
                if (current == null || expiresSoon(current)) {
                    current = client.getTokens().await().atMost(WAIT);
                    tokens = current;
                }
            }
        }
        return "Bearer " + current.getAccessToken();
    }

    private static boolean expiresSoon(Tokens t) {
        Long expiresAt = t.getAccessTokenExpiresAt();
        return expiresAt == null || Instant.now().plus(EARLY).getEpochSecond() >= expiresAt;
    }
}
