package dev.debrief.gateway;

import dev.debrief.testsupport.KafkaResource;
import dev.debrief.testsupport.OidcResource;
import dev.debrief.testsupport.PostgresResource;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * The gateway's one test profile: real PostgreSQL and Kafka, a token issuer, stub upstreams, and short
 * timeouts and small budgets so the failure paths are reached fast.
 */
public class GatewayProfile implements QuarkusTestProfile {

    /** Requests a fresh user (token subject) may make at once. */
    static final int USER_BURST = 8;

    /** Requests an integration client may make at once, across all its tokens. */
    static final int CLIENT_BURST = 6;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(PostgresResource.class),
                new TestResourceEntry(KafkaResource.class),
                new TestResourceEntry(OidcResource.class),
                new TestResourceEntry(StubUpstreams.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("debrief.gateway.client.timeout", "PT0.5S"),
                Map.entry("debrief.gateway.breaker.failure-threshold", "3"),
                Map.entry("debrief.gateway.breaker.open-for", "PT60S"),
                Map.entry("debrief.gateway.rate-limit.user.requests-per-minute", "1"),
                Map.entry("debrief.gateway.rate-limit.user.burst", Integer.toString(USER_BURST)),
                Map.entry("debrief.gateway.rate-limit.client.requests-per-minute", "1"),
                Map.entry("debrief.gateway.rate-limit.client.burst", Integer.toString(CLIENT_BURST)),
                Map.entry("debrief.gateway.rate-limit.tenant.requests-per-minute", "100000"),
                Map.entry("debrief.gateway.rate-limit.tenant.burst", "100000"),
                Map.entry("debrief.gateway.limits.max-body-size", "16K"));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
