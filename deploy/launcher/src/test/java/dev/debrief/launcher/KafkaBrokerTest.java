package dev.debrief.launcher;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaBrokerTest {

    @RepeatedTest(20)
    void shouldMakeClusterIdsShapedLikeKafkasOwnUuids() {
        String id = KafkaBroker.newClusterId();

        assertEquals(22, id.length());
        assertEquals(16, Base64.getUrlDecoder().decode(id).length);
        assertFalse(id.startsWith("-"), "a leading '-' reads as an option to the storage tool");
    }

    @Test
    void shouldListenOnTheConfiguredPortsAndKeepItsLogsInTheDataDirectory() {
        Ports ports = new Ports(1, 2, 3, 4, 5, 6, 7, 29092, 29093);

        String properties = KafkaBroker.serverProperties(ports, Path.of("/data/kafka/data"));

        assertTrue(properties.contains("listeners=PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29093"));
        assertTrue(properties.contains("controller.quorum.bootstrap.servers=127.0.0.1:29093"));
        assertTrue(properties.contains("log.dirs=/data/kafka/data"));
    }
}
