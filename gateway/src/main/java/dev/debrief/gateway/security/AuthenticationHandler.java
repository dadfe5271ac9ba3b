package dev.debrief.gateway.security;

import dev.debrief.gateway.http.GatewayHeaders;
import dev.debrief.gateway.http.GatewayProblems;
import dev.debrief.kit.http.LiveUpgrades;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Checks the bearer token (quarkus-oidc: signature, issuer, audience, expiry) and the role table on
 * every API request, answering 401/403 as problem+json; then tells the upstream who called: the firm
 * from the token's organization claim and the OAuth client. The upstream gets the token too and checks
 * it again.
 */
@ApplicationScoped
public class AuthenticationHandler implements Handler<RoutingContext> {

    /** Browsers cannot set headers on a WebSocket: Quarkus lets them carry one as a subprotocol. */
    private static final String UPGRADE_HEADER_CARRIER = "quarkus-http-upgrade#";

    private final HttpAuthenticator authenticator;
    private final AccessRules rules;
    private final VerifiedTokens verified;

    public AuthenticationHandler(HttpAuthenticator authenticator, AccessRules rules,
            VerifiedTokens verified) {
        this.authenticator = authenticator;
        this.rules = rules;
        this.verified = verified;
    }

    @Override
    public void handle(RoutingContext rc) {
        MultiMap headers = rc.request().headers();
        carryWebSocketAuthorization(headers);
        carryAccessTokenParameter(rc.request());
        String authorization = headers.get(HttpHeaders.AUTHORIZATION);
        // the cache is keyed by the whole header: cutting the token out would copy a kilobyte per request
        String cacheKey = isBearer(authorization) ? authorization : null;
        VerifiedTokens.Verified known = cacheKey == null ? null : verified.get(cacheKey);
        if (known != null) {
            authorize(rc, known);
            return;
        }
        Context context = Vertx.currentContext();
        // not yet verified: quarkus-oidc checks it (the gateway's routes come before the HTTP layer's own)
        authenticator.attemptAuthentication(rc).subscribe().with(
                identity -> onContext(context, () -> {
                    if (identity == null || identity.isAnonymous()) {
                        GatewayProblems.unauthorized(rc, "A valid bearer token is required");
                        return;
                    }
                    var fresh = new VerifiedTokens.Verified(identity, TokenFacts.of(identity));
                    if (cacheKey != null) {
                        verified.put(cacheKey, fresh);
                    }
                    authorize(rc, fresh);
                }),
                failure -> onContext(context, () -> GatewayProblems.unauthorized(rc,
                        "The bearer token is not valid (signature, issuer, audience or expiry)")));
    }

    private void authorize(RoutingContext rc, VerifiedTokens.Verified caller) {
        TokenFacts facts = caller.facts();
        rc.put(GatewayHeaders.KEY_FACTS, facts);
        String method = rc.request().method().name();
        var refusal = rules.refusal(method, rc.normalizedPath(), caller.identity());
        if (refusal.isPresent()) {
            GatewayProblems.forbidden(rc, "Your roles do not allow " + method + " here (it needs one of "
                    + String.join(", ", refusal.get().roles().stream().sorted().toList()) + ")");
            return;
        }
        MultiMap headers = rc.request().headers();
        facts.tenant().ifPresent(tenant -> headers.set(GatewayHeaders.TENANT, tenant));
        facts.client().ifPresent(client -> headers.set(GatewayHeaders.CLIENT, client));
        rc.next();
    }

    private static boolean isBearer(String authorization) {
        return authorization != null && authorization.length() > 7
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** Copies {@code quarkus-http-upgrade#Authorization#Bearer …} from the subprotocols into the header. */
    static void carryWebSocketAuthorization(MultiMap headers) {
        String protocols = headers.get("Sec-WebSocket-Protocol");
        if (protocols == null || headers.contains(HttpHeaders.AUTHORIZATION)) {
            return;
        }
        for (String protocol : protocols.split(",")) {
            String p = protocol.trim();
            if (p.startsWith(UPGRADE_HEADER_CARRIER)) {
                String[] parts = p.substring(UPGRADE_HEADER_CARRIER.length()).split("#", 2);
                if (parts.length == 2 && parts[0].equalsIgnoreCase("Authorization")) {
                    headers.set(HttpHeaders.AUTHORIZATION, URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
                }
            }
        }
    }

    /**
     * A browser's WebSocket can carry no header: on an upgrade to a live endpoint, {@code ?access_token=}
     * becomes the Authorization header when none came (the services accept the same; the access log never
     * writes the query string).
     */
    static void carryAccessTokenParameter(io.vertx.core.http.HttpServerRequest request) {
        MultiMap headers = request.headers();
        if (headers.contains(HttpHeaders.AUTHORIZATION) || !LiveUpgrades.isLiveUpgrade(request)) {
            return;
        }
        String token = request.getParam("access_token");
        if (token != null && !token.isBlank()) {
            headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }
}
