package dev.debrief.launcher;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortsTest {

    @Test
    void shouldWantOnlyTheInfrastructurePortsWhenInfraOnly() {
        assertEquals(5, Ports.DEFAULTS.wanted(true).size());
        assertEquals(9, Ports.DEFAULTS.wanted(false).size());
        assertEquals("Keycloak management", Ports.DEFAULTS.wanted(true).get(8190));
    }

    @Test
    void shouldRefuseOnePortConfiguredForTwoProcesses() {
        Ports clash = new Ports(8080, 8080, 8082, 8083, 8180, 8190, 15432, 19092, 19093);

        StackException error = assertThrows(StackException.class, () -> clash.wanted(false));

        assertEquals("port 8080 is configured twice: for question-service and for gateway", error.getMessage());
    }

    @Test
    void shouldNameTheBusyPortAndWhatWantedIt() throws IOException {
        try (ServerSocket busy = new ServerSocket(0)) {
            int port = busy.getLocalPort();

            assertFalse(PortCheck.isFree(port));
            StackException error = assertThrows(StackException.class,
                    () -> PortCheck.requireFree(Map.of(port, "Keycloak")));

            assertTrue(error.getMessage().startsWith("port " + port + " (wanted by Keycloak) is already in use"), error.getMessage());
        }
    }

    @Test
    void shouldFindAClosedPortFree() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertTrue(PortCheck.isFree(port));
    }
}
