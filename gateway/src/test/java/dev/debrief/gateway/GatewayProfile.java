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

    /** Requests a fresh client may make at once. */
    static final int CLIENT_BURST = 8;

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
        return Map.of(
                "debrief.gateway.client.timeout", "PT0.5S",
                "debrief.gateway.breaker.failure-threshold", "3",
                "debrief.gateway.breaker.open-for", "PT60S",
                "debrief.gateway.rate-limit.client.requests-per-minute", "1",
                "debrief.gateway.rate-limit.client.burst", Integer.toString(CLIENT_BURST),
                "debrief.gateway.rate-limit.tenant.requests-per-minute", "100000",
                "debrief.gateway.rate-limit.tenant.burst", "100000",
                "debrief.gateway.limits.max-body-size", "16K");
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
