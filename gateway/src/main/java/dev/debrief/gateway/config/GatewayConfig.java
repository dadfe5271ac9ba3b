package dev.debrief.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's typed configuration. Upstreams and routes are maps keyed by upstream name
 * ({@code question}, {@code session}, {@code scoring}), so the launcher's
 * {@code DEBRIEF_GATEWAY_UPSTREAM_QUESTION} overrides an address and a test can add an upstream.
 */
@ConfigMapping(prefix = "debrief.gateway")
public interface GatewayConfig {

    /**
     * Base URIs of each upstream service: one, or a comma-separated list of replicas that the gateway balances
     * over, skipping a replica whose readiness probe fails or whose breaker is open.
     */
    Map<String, List<URI>> upstream();

    /** The path prefixes each upstream serves; everything under a prefix goes to its upstream. */
    Map<String, List<String>> routes();

    /** Role requirements, named; every rule that matches a request must be met. */
    Map<String, AccessRule> access();

    Limits limits();

    Client client();

    Breaker breaker();

    RateLimit rateLimit();

    OpenApi openapi();

    AccessLog accessLog();

    TokenCache tokenCache();

    /** Callers need one of {@code roles} for requests under one of {@code paths} with one of {@code methods}. */
    interface AccessRule {
        List<String> paths();

        /** Paths under {@code paths} the rule does not cover (a read served by POST, say). */
        Optional<List<String>> exceptPaths();

        /** Empty means every method. */
        Optional<List<String>> methods();

        List<String> roles();
    }

    interface Limits {
        /** Largest request body the gateway passes on; larger is answered 413. */
        @WithDefault("1M")
        MemorySize maxBodySize();
    }

    interface Client {
        @WithDefault("PT1S")
        Duration connectTimeout();

        /** How long an upstream may stay silent before the gateway answers 504. */
        @WithDefault("PT10S")
        Duration timeout();

        /** Connections to each upstream per event loop (each event loop keeps its own pool). */
        @WithDefault("128")
        int maxPoolSize();

        /** How often each replica of an upstream with several is probed ({@code /q/health/ready}). */
        @WithDefault("PT2S")
        Duration healthEvery();
    }

    interface Breaker {
        /** Consecutive transport failures or timeouts that open an upstream's breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker refuses before it lets one trial request through. */
        @WithDefault("PT10S")
        Duration openFor();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Per user: the token's {@code sub} (a person, or an integration client's service account). */
        Bucket user();

        /** Per integration client (a client-credentials token's {@code azp}); a person's frontend is not limited as one. */
        Bucket client();

        /** Per tenant (coaching firm); a row in {@code tenant_plan} overrides it for one firm. */
        Bucket tenant();

        /** How often the tenant plans are read again from the database. */
        @WithDefault("PT30S")
        Duration planRefresh();
    }

    interface Bucket {
        int requestsPerMinute();

        /** The bucket's capacity: requests allowed at once after a quiet spell. */
        int burst();
    }

    interface OpenApi {
        /** How often each upstream's OpenAPI document is fetched again. */
        @WithDefault("PT1M")
        Duration refresh();

        /** Where Swagger UI logs in (the realm's OpenID Connect endpoints). */
        @WithDefault("http://localhost:8180/realms/debrief")
        String authServerUrl();
    }

    interface TokenCache {
        /** How long a verified token is trusted without verifying it again (never past its expiry); 0 turns it off. */
        @WithDefault("PT60S")
        Duration ttl();

        @WithDefault("10000")
        int maxEntries();
    }

    interface AccessLog {
        @WithDefault("true")
        boolean enabled();
    }
}
