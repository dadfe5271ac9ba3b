package dev.debrief.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/**
 * The test profile of every service's integration tests: a real PostgreSQL, a real Kafka broker and a
 * token issuer. Test classes that use the same profile share one application start.
 */
public class RealInfra implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(PostgresResource.class),
                new TestResourceEntry(KafkaResource.class),
                new TestResourceEntry(OidcResource.class));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
