package dev.debrief.gateway.security;

import dev.debrief.gateway.config.GatewayConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The gateway's coarse role table: every configured rule matching a request's method and path must be
 * met by one of its roles. The services still check their own, finer rules (ownership, tenant).
 */
@ApplicationScoped
public class AccessRules {

    private final List<Rule> rules;

    public AccessRules(GatewayConfig config) {
        this.rules = config.access().entrySet().stream()
                .map(e -> new Rule(e.getKey(), List.copyOf(e.getValue().paths()),
                        List.copyOf(e.getValue().exceptPaths().orElse(List.of())),
                        e.getValue().methods().map(AccessRules::upper).orElse(Set.of()),
                        Set.copyOf(e.getValue().roles())))
                .toList();
    }

    /** The first rule the caller fails, empty when the request may pass. */
    public Optional<Rule> refusal(String method, String path, SecurityIdentity identity) {
        // plain loops: this runs on every request, and streams cost more than the checks themselves
        for (Rule rule : rules) {
            if (rule.matches(method, path) && !rule.admits(identity)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    private static Set<String> upper(List<String> methods) {
        return methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** A named rule; an empty method set matches every method. */
    public record Rule(String name, List<String> paths, List<String> exceptPaths, Set<String> methods,
            Set<String> roles) {

        boolean matches(String method, String path) {
            return (methods.isEmpty() || methods.contains(method)) && anyPrefixOf(paths, path)
                    && !anyPrefixOf(exceptPaths, path);
        }

        boolean admits(SecurityIdentity identity) {
            for (String role : roles) {
                if (identity.hasRole(role)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean anyPrefixOf(List<String> prefixes, String path) {
            for (String prefix : prefixes) {
                if (underPrefix(path, prefix)) {
                    return true;
                }
            }
            return false;
        }

        static boolean underPrefix(String path, String prefix) {
            return path.startsWith(prefix) && (path.length() == prefix.length() || prefix.endsWith("/")
                    || path.charAt(prefix.length()) == '/');
        }
    }
}
