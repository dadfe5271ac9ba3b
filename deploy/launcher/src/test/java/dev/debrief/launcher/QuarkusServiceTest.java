package dev.debrief.launcher;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class QuarkusServiceTest {

    private static final Ports PORTS = new Ports(9080, 9081, 9082, 9083, 9180, 9190, 25432, 29092, 29093);

    @Test
    void shouldPointEveryServiceAtTheStacksInfrastructure() {
        Map<String, String> env = QuarkusService.environment(QuarkusService.Module.SCORING, PORTS);

        assertEquals("9083", env.get("QUARKUS_HTTP_PORT"));
        assertEquals("jdbc:postgresql://localhost:25432/debrief", env.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("debrief", env.get("QUARKUS_DATASOURCE_USERNAME"));
        assertEquals("debrief", env.get("QUARKUS_DATASOURCE_PASSWORD"));
        assertEquals("localhost:29092", env.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("http://localhost:9180/realms/debrief", env.get("QUARKUS_OIDC_AUTH_SERVER_URL"));
        assertFalse(env.containsKey("DEBRIEF_GATEWAY_UPSTREAM_QUESTION"));
    }

    @Test
    void shouldGiveTheGatewayItsUpstreams() {
        Map<String, String> env = QuarkusService.environment(QuarkusService.Module.GATEWAY, PORTS);

        assertEquals("9080", env.get("QUARKUS_HTTP_PORT"));
        assertEquals("http://localhost:9081", env.get("DEBRIEF_GATEWAY_UPSTREAM_QUESTION"));
        assertEquals("http://localhost:9082", env.get("DEBRIEF_GATEWAY_UPSTREAM_SESSION"));
        assertEquals("http://localhost:9083", env.get("DEBRIEF_GATEWAY_UPSTREAM_SCORING"));
    }
}
