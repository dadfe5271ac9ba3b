package dev.debrief.session.live;

import dev.debrief.kit.security.Roles;
import dev.debrief.session.lifecycle.InterviewSession;
import dev.debrief.session.lifecycle.Viewer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decides the WebSocket upgrade with the same rules as REST: no valid token 401, no session role 403,
 * a session the caller may not see (or none) 404. Refused upgrades never become sockets.
 */
@ApplicationScoped
public class LiveUpgradeCheck implements HttpUpgradeCheck {

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        return context.securityIdentity().onItem().transformToUni(identity -> {
            if (identity == null || identity.isAnonymous()) {
                return CheckResult.rejectUpgrade(401);
            }
            Viewer viewer = viewerOf(identity);
            if (viewer.roles().isEmpty()) {
                return CheckResult.rejectUpgrade(403);
            }
            UUID id;
            try {
                id = UUID.fromString(context.pathParam("id"));
            } catch (IllegalArgumentException e) {
                return CheckResult.rejectUpgrade(404);
            }
            return Uni.createFrom().item(() -> QuarkusTransaction.requiringNew().call(() -> {
                InterviewSession session = InterviewSession.findById(id);
                return session != null && viewer.sees(session);
            })).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .onItem().transformToUni(visible -> visible ? CheckResult.permitUpgrade()
                            : CheckResult.rejectUpgrade(404));
        });
    }

    private static Viewer viewerOf(SecurityIdentity identity) {
        Set<String> roles = Stream.of(Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN).filter(identity::hasRole)
                .collect(Collectors.toSet());
        JsonWebToken token = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
        String id = token != null && token.getSubject() != null ? token.getSubject() : identity.getPrincipal().getName();
        String name = token != null && token.getClaim("preferred_username") != null
                ? token.<Object>getClaim("preferred_username").toString() : id;
        return new Viewer(id, name, Tenants.of(token == null ? null : token.getClaim("organization")), roles);
    }

    /** The firm from the token's organization claim, read the way service-kit's Caller reads it. */
    static final class Tenants {
        private Tenants() {
        }

        static Optional<String> of(Object claim) {
            if (claim instanceof jakarta.json.JsonArray array && !array.isEmpty()
                    && array.get(0) instanceof jakarta.json.JsonString s) {
                return Optional.of(s.getString());
            }
            if (claim instanceof jakarta.json.JsonObject object && !object.isEmpty()) {
                return Optional.of(object.keySet().iterator().next());
            }
            if (claim instanceof jakarta.json.JsonString s) {
                return Optional.of(s.getString());
            }
            if (claim instanceof String s && !s.isBlank()) {
                return Optional.of(s);
            }
            if (claim instanceof Iterable<?> list && list.iterator().hasNext()) {
                Object first = list.iterator().next();
                return Optional.of(first instanceof jakarta.json.JsonString s ? s.getString() : String.valueOf(first));
            }
            return Optional.empty();
        }
    }
}
