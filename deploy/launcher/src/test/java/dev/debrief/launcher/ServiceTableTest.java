package dev.debrief.launcher;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ServiceTableTest {

    private static final Ports PORTS = new Ports(9080, 9081, 9082, 9083, 9180, 9190, 25432, 29092, 29093);

    @Test
    void shouldGiveScoringItsSandboxDatabase() {
        Map<String, String> env = QuarkusService.environment(QuarkusService.Module.SCORING, PORTS);

        assertEquals("jdbc:postgresql://localhost:25432/debrief_sandbox", env.get("QUARKUS_DATASOURCE_SANDBOX_JDBC_URL"));
        assertEquals("2", env.get("MALLOC_ARENA_MAX"));
    }

    @Test
    void shouldPointSessionsAtTheCatalog() {
        Map<String, String> env = QuarkusService.environment(QuarkusService.Module.SESSION, PORTS);

        assertEquals("http://localhost:9081", env.get("QUARKUS_REST_CLIENT_CATALOG_URL"));
        assertEquals("9082", env.get("QUARKUS_HTTP_PORT"));
    }

    @Test
    void shouldGiveTheGatewayItsDatabaseAndNoKafka() {
        Map<String, String> env = QuarkusService.environment(QuarkusService.Module.GATEWAY, PORTS);

        assertEquals("jdbc:postgresql://localhost:25432/debrief", env.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertFalse(env.containsKey("KAFKA_BOOTSTRAP_SERVERS"));
    }

    @Test
    void shouldDescribeEveryServiceTheLauncherStarts() {
        for (QuarkusService.Module module : QuarkusService.Module.values()) {
            assertEquals(Integer.toString(module.port(PORTS)), ServiceTable.environment(module.directory, PORTS).get("QUARKUS_HTTP_PORT"),
                    module.directory);
        }
    }
}
