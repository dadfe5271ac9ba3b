package dev.debrief.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** What the services and the contracts declare: the other side of every drift check. */
final class Declared {

    static final List<String> SERVICES = List.of("gateway", "question-service", "session-service", "scoring-service");

    private Declared() {
    }

    /** A service's application.properties over the service kit's shared defaults (without %profile keys). */
    static Properties config(String service) {
        Properties merged = new Properties();
        load(merged, Manifests.repoRoot().resolve("platform/service-kit-web/src/main/resources/META-INF/microprofile-config.properties"));
        if (!service.equals("gateway")) { // the gateway takes only the web half of the kit
            load(merged, Manifests.repoRoot().resolve("platform/service-kit-events/src/main/resources/META-INF/microprofile-config.properties"));
        }
        load(merged, Manifests.repoRoot().resolve(service).resolve("src/main/resources/application.properties"));
        merged.stringPropertyNames().stream().filter(k -> k.startsWith("%")).toList().forEach(merged::remove);
        return merged;
    }

    static int port(String service) {
        return Integer.parseInt(config(service).getProperty("quarkus.http.port"));
    }

    static String schema(String service) {
        return config(service).getProperty("quarkus.flyway.schemas");
    }

    /** The database of the shared JDBC URL (the launcher creates it; every service's default points at it). */
    static String database() {
        String url = config("gateway").getProperty("quarkus.datasource.jdbc.url");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** The incoming Kafka channels of a service: topic and consumer group as configured. */
    record Incoming(String channel, String topic, String group) {
    }

    static List<Incoming> incoming(String service) {
        Properties config = config(service);
        List<Incoming> channels = new ArrayList<>();
        for (String key : config.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")) {
                String channel = key.substring("mp.messaging.incoming.".length(), key.length() - ".topic".length());
                channels.add(new Incoming(channel, config.getProperty(key),
                        config.getProperty("mp.messaging.incoming." + channel + ".group.id")));
            }
        }
        return channels;
    }

    static Optional<String> property(String service, String key) {
        return Optional.ofNullable(config(service).getProperty(key));
    }

    static JsonNode topics() {
        Path file = Manifests.repoRoot().resolve("platform/contracts/src/main/resources/dev/debrief/contracts/topics.json");
        try {
            return new ObjectMapper().readTree(file.toFile()).path("topics");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void load(Properties into, Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            into.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
