package dev.debrief.question.security;

import dev.debrief.kit.security.VerifiedTokenCache;
import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.Set;

/**
 * quarkus-oidc's bearer check with the shared {@link VerifiedTokenCache} in front: a token verified a moment
 * ago (signature, issuer, audience, expiry) gives the identity it gave then, until its {@code exp} and at
 * most {@code debrief.security.token-cache.ttl}. A token that fails is never kept, so it fails every time.
 * quarkus-oidc has no option for this (its caches are for introspection and UserInfo of opaque tokens).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachedBearerAuthentication implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    private final OidcAuthenticationMechanism oidc;
    private final VerifiedTokenCache<SecurityIdentity> verified;

    public CachedBearerAuthentication(OidcAuthenticationMechanism oidc,
            @ConfigProperty(name = "debrief.security.token-cache.ttl", defaultValue = "PT60S") Duration ttl,
            @ConfigProperty(name = "debrief.security.token-cache.max-entries", defaultValue = "10000") int maxEntries) {
        this.oidc = oidc;
        this.verified = new VerifiedTokenCache<>(maxEntries, ttl);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return oidc.authenticate(context, identities);
        }
        SecurityIdentity known = verified.get(header);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return oidc.authenticate(context, identities).invoke(identity -> {
            if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
                verified.put(header, identity, jwt.getExpirationTime());
            }
        });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return oidc.getPriority() + 1;
    }

    public long hits() {
        return verified.hits();
    }

    public long misses() {
        return verified.misses();
    }
}
