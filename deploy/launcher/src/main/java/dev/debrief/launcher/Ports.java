package dev.debrief.launcher;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every port the local stack listens on. Defaults are the project's fixed ones; each can be overridden. */
public record Ports(int gateway, int question, int session, int scoring,
                    int keycloak, int keycloakManagement, int postgres, int kafka, int kafkaController) {

    public static final Ports DEFAULTS = new Ports(8080, 8081, 8082, 8083, 8180, 8190, 15432, 19092, 19093);

    /** Option names, as in {@code --gateway-port} or {@code DEBRIEF_GATEWAY_PORT}. */
    static final String[] OPTION_NAMES = {
            "gateway-port", "question-port", "session-port", "scoring-port",
            "keycloak-port", "keycloak-management-port", "postgres-port", "kafka-port", "kafka-controller-port"};

    static Ports from(Settings settings) {
        Ports d = DEFAULTS;
        return new Ports(
                settings.port("gateway-port", d.gateway),
                settings.port("question-port", d.question),
                settings.port("session-port", d.session),
                settings.port("scoring-port", d.scoring),
                settings.port("keycloak-port", d.keycloak),
                settings.port("keycloak-management-port", d.keycloakManagement),
                settings.port("postgres-port", d.postgres),
                settings.port("kafka-port", d.kafka),
                settings.port("kafka-controller-port", d.kafkaController));
    }

    /** Which process wants which port, in start order, for the free-port check before anything starts. */
    Map<Integer, String> wanted(boolean infraOnly) {
        Map<Integer, String> wanted = new LinkedHashMap<>();
        claim(wanted, postgres, "PostgreSQL");
        claim(wanted, kafka, "Kafka");
        claim(wanted, kafkaController, "Kafka controller");
        claim(wanted, keycloak, "Keycloak");
        claim(wanted, keycloakManagement, "Keycloak management");
        if (!infraOnly) {
            claim(wanted, question, "question-service");
            claim(wanted, scoring, "scoring-service");
            claim(wanted, session, "session-service");
            claim(wanted, gateway, "gateway");
        }
        return wanted;
    }

    private static void claim(Map<Integer, String> wanted, int port, String who) {
        String other = wanted.putIfAbsent(port, who);
        if (other != null) {
            throw new StackException("port " + port + " is configured twice: for " + other + " and for " + who);
        }
    }
}
