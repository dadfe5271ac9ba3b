package dev.debrief.gateway.security;

import dev.debrief.gateway.config.GatewayConfig;
import dev.debrief.kit.security.VerifiedTokenCache;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens that quarkus-oidc verified a moment ago, so a client repeating its token is not verified again
 * on every request (a signature check and two JSON parses cost more CPU than proxying the call), nor its
 * claims read again. The cache is the services' shared {@link VerifiedTokenCache} (hashed keys, until the
 * token's expiry and at most {@code ttl}, bounded); the key here is the whole {@code Authorization} header.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** A verified token's identity and what the gateway passes on from it, read once per token. */
    public record Verified(SecurityIdentity identity, TokenFacts facts) {
    }

    private final VerifiedTokenCache<Verified> cache;

    public VerifiedTokens(GatewayConfig config) {
        this.cache = new VerifiedTokenCache<>(config.tokenCache().maxEntries(), config.tokenCache().ttl());
    }

    public Verified get(String authorization) {
        return cache.get(authorization);
    }

    public void put(String authorization, Verified verified) {
        if (verified.identity().getPrincipal() instanceof JsonWebToken jwt) {
            cache.put(authorization, verified, jwt.getExpirationTime());
        }
    }
}
