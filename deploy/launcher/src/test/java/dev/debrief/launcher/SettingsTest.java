package dev.debrief.launcher;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {

    private static Properties properties(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return properties;
    }

    @Test
    void shouldPreferTheCommandLineThenSystemPropertiesThenTheEnvironment() {
        Map<String, String> env = Map.of("DEBRIEF_GATEWAY_PORT", "9003", "DEBRIEF_KAFKA_PORT", "9103");
        Properties system = properties("debrief.gateway-port", "9002");
        system.setProperty("debrief.kafka-port", "9102");

        Settings settings = new Settings(Map.of("gateway-port", "9001"), system, env);

        assertEquals(9001, settings.port("gateway-port", 8080));
        assertEquals(9102, settings.port("kafka-port", 19092));
        assertEquals(15432, settings.port("postgres-port", 15432));
    }

    @Test
    void shouldRejectAPortThatIsNotANumberWithAOneLineMessage() {
        Settings settings = new Settings(Map.of("kafka-port", "nine"), new Properties(), Map.of());

        StackException error = assertThrows(StackException.class, () -> settings.port("kafka-port", 19092));

        assertEquals("kafka-port must be a port number between 1 and 65535, not 'nine'", error.getMessage());
    }

    @Test
    void shouldParseOptionsWithEqualsSignsSeparateValuesAndFlags() {
        Map<String, String> options = Settings.parseCommandLine(
                new String[]{"--infra-only", "--home", "/tmp/x", "--kafka-port=1234"},
                Set.of("infra-only"), Set.of("home", "kafka-port"));

        assertEquals(Map.of("infra-only", "true", "home", "/tmp/x", "kafka-port", "1234"), options);
    }

    @Test
    void shouldNameAnUnknownOption() {
        StackException error = assertThrows(StackException.class,
                () -> Settings.parseCommandLine(new String[]{"--gatway-port=1"}, Set.of(), Set.of("gateway-port")));

        assertTrue(error.getMessage().startsWith("unknown option --gatway-port"), error.getMessage());
    }

    @Test
    void shouldMapOptionNamesToDebriefEnvironmentVariables() {
        assertEquals("DEBRIEF_KEYCLOAK_MANAGEMENT_PORT", Settings.environmentName("keycloak-management-port"));
    }
}
