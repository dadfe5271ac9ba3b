package dev.debrief.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SessionReplicasTest {

    private static final Ports PORTS = new Ports(9080, 9081, 9082, 9083, 9180, 9190, 25432, 29092, 29093);

    private static StackConfig config(int replicas) {
        return new StackConfig(Path.of("/repo"), Path.of("/repo/.debrief"), PORTS, false, List.of(), false, replicas);
    }

    @Test
    void shouldRunOneSessionServiceUnlessAskedForMore() {
        StackConfig one = new StackConfig(Path.of("/repo"), Path.of("/repo/.debrief"), PORTS, false, List.of(), false);

        assertEquals(List.of(9082), one.sessionPorts());
        assertEquals(PORTS.wanted(false), one.wantedPorts());
        assertEquals("http://localhost:9082",
                QuarkusService.environment(QuarkusService.Module.GATEWAY, PORTS, one.sessionPorts()).get("DEBRIEF_GATEWAY_UPSTREAM_SESSION"));
    }

    @Test
    void shouldPutTheSecondReplicaTwoPortsUpAndGiveTheGatewayBoth() {
        StackConfig two = config(2);

        assertEquals(List.of(9082, 9084), two.sessionPorts());
        assertEquals("session-service replica 2", two.wantedPorts().get(9084));
        assertEquals("session-service-2", QuarkusService.name(QuarkusService.Module.SESSION, 2));
        Map<String, String> gateway = QuarkusService.environment(QuarkusService.Module.GATEWAY, PORTS, two.sessionPorts());
        assertEquals("http://localhost:9082,http://localhost:9084", gateway.get("DEBRIEF_GATEWAY_UPSTREAM_SESSION"));
    }

    @Test
    void shouldRefuseAReplicaCountOutsideOneToFour() {
        assertThrows(StackException.class, () -> config(0));
        assertThrows(StackException.class, () -> config(5));
    }

    @Test
    void shouldRefuseAReplicaPortThatAnotherPartWants() {
        Ports clash = new Ports(9080, 9081, 9082, 9084, 9180, 9190, 25432, 29092, 29093); // scoring on 9084

        StackException error = assertThrows(StackException.class, () -> config(2).withPorts(clash).wantedPorts());

        assertEquals("port 9084 is configured twice: for scoring-service and for session-service replica 2", error.getMessage());
    }
}
