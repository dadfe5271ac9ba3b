package dev.debrief.gateway.security;

import dev.debrief.gateway.config.GatewayConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens that quarkus-oidc verified a moment ago, so a client repeating its token is not verified again
 * on every request (a signature check and two JSON parses cost more CPU than proxying the call), nor its
 * claims read again (reading a claim the JWT API has no constant for throws and catches an exception).
 * Only the exact {@code Authorization} header (scheme and token) hits; an entry lives at most {@code ttl}
 * and never past the token's expiry.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** A verified token's identity and what the gateway passes on from it, read once per token. */
    public record Verified(SecurityIdentity identity, TokenFacts facts) {
    }

    private record Entry(Verified verified, long validUntilMillis) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final int maxEntries;

    public VerifiedTokens(GatewayConfig config) {
        this.ttlMillis = config.tokenCache().ttl().toMillis();
        this.maxEntries = config.tokenCache().maxEntries();
    }

    public Verified get(String authorization) {
        if (ttlMillis <= 0) {
            return null;
        }
        Entry entry = entries.get(authorization);
        if (entry == null) {
            return null;
        }
        if (System.currentTimeMillis() >= entry.validUntilMillis()) {
            entries.remove(authorization, entry);
            return null;
        }
        return entry.verified();
    }

    public void put(String authorization, Verified verified) {
        if (ttlMillis <= 0 || !(verified.identity().getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getExpirationTime() <= 0) {
            return;
        }
        long now = System.currentTimeMillis();
        long until = Math.min(now + ttlMillis, jwt.getExpirationTime() * 1000);
        if (until <= now) {
            return;
        }
        if (entries.size() >= maxEntries) {
            // crude but bounded: a flood of distinct tokens only costs re-verification
            entries.clear();
        }
        entries.put(authorization, new Entry(verified, until));
    }

    @Scheduled(every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpired() {
        long now = System.currentTimeMillis();
        entries.values().removeIf(entry -> now >= entry.validUntilMillis());
    }
}
