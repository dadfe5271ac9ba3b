package dev.debrief.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher's service table (deploy/launcher, services.json) is the one description of each service's
 * wiring: the manifests, the services' own config, topics.json and the benchmark scripts must agree with it.
 */
class ServiceTableDriftTest {

    private static final Path TABLE = Manifests.repoRoot().resolve("deploy/launcher/src/main/resources/dev/debrief/launcher/services.json");
    /** Placeholders that stand for an address or port: a benchmark that runs the service must set them itself. */
    private static final List<String> ADDRESSES = List.of("{port}", "{url:", "{postgres}", "{postgres.sandbox}", "{kafka}", "{keycloak}");

    @Test
    void shouldDescribeEachServiceOnce() throws IOException {
        List<String> names = new ArrayList<>();
        services().forEach(s -> names.add(s.path("name").asText()));
        assertEquals(new TreeSet<>(Declared.SERVICES), new TreeSet<>(names));
        assertEquals(Declared.SERVICES.size(), names.size());
    }

    @Test
    void shouldMatchEachServicesOwnPortSchemaAndConsumedTopics() throws IOException {
        for (JsonNode s : services()) {
            String name = s.path("name").asText();
            assertEquals(Declared.port(name), s.path("port").asInt(), name + " port");
            assertEquals(Declared.schema(name), s.path("schema").asText(), name + " schema");
            Properties config = Declared.config(name);
            Set<String> incoming = new TreeSet<>();
            config.stringPropertyNames().stream().filter(k -> k.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic"))
                    .forEach(k -> incoming.add(config.getProperty(k)));
            assertEquals(incoming, strings(s.path("consumes")), name + " consumes");
            assertEquals(incoming.isEmpty() && s.path("produces").isEmpty(), !strings(s.path("uses")).contains("kafka"),
                    name + ": uses Kafka exactly when it has topics");
        }
    }

    @Test
    void shouldNameOnlyDeclaredTopics() throws IOException {
        Set<String> declared = new TreeSet<>();
        Manifests.YAML.readTree(Manifests.repoRoot().resolve("platform/contracts/src/main/resources/dev/debrief/contracts/topics.json").toFile())
                .path("topics").forEach(t -> declared.add(t.path("name").asText()));
        for (JsonNode s : services()) {
            Set<String> named = new TreeSet<>(strings(s.path("produces")));
            named.addAll(strings(s.path("consumes")));
            assertTrue(declared.containsAll(named), s.path("name").asText() + " names " + named + ", topics.json has " + declared);
        }
    }

    @Test
    void shouldSetEveryVariableOfTheTableInTheManifests() throws IOException {
        for (JsonNode s : services()) {
            String name = s.path("name").asText();
            Map<String, String> env = PortsDriftTest.env(Manifests.named("base", "Deployment", name)
                    .path("spec").path("template").path("spec").path("containers").path(0));
            s.path("environment").fields().forEachRemaining(e -> {
                assertTrue(env.containsKey(e.getKey()), name + "'s manifest sets no " + e.getKey());
                String value = e.getValue().asText();
                if (value.equals("{port}")) {
                    assertEquals(Integer.toString(s.path("port").asInt()), env.get(e.getKey()), name + " " + e.getKey());
                } else if (value.startsWith("{url:")) {
                    String other = value.substring(5, value.length() - 1);
                    assertEquals("http://" + other + ":" + portOf(other), env.get(e.getKey()), name + " " + e.getKey());
                }
            });
        }
    }

    @Test
    void shouldSetEveryAddressOfTheTableInTheBenchmarkScripts() throws IOException {
        for (JsonNode s : services()) {
            String name = s.path("name").asText();
            Path script = Manifests.repoRoot().resolve("benchmarks").resolve(name).resolve("run.sh");
            if (!Files.exists(script)) {
                continue;
            }
            String text = Files.readString(script);
            s.path("environment").fields().forEachRemaining(e -> {
                if (ADDRESSES.stream().anyMatch(e.getValue().asText()::startsWith)) {
                    // as an environment variable, or as the system property Quarkus maps it from
                    String property = "-D" + e.getKey().replace('_', '.');
                    boolean set = text.contains(e.getKey() + "=") || normalized(text).contains(normalized(property));
                    assertTrue(set, "benchmarks/" + name + "/run.sh sets no " + e.getKey());
                }
            });
        }
    }

    /** Quarkus maps {@code quarkus.oidc.auth-server-url} and {@code QUARKUS_OIDC_AUTH_SERVER_URL} to one key. */
    private static String normalized(String text) {
        return text.toLowerCase(Locale.ROOT).replace('-', '.');
    }

    private static int portOf(String service) {
        for (JsonNode s : services()) {
            if (s.path("name").asText().equals(service)) {
                return s.path("port").asInt();
            }
        }
        throw new AssertionError("services.json describes no " + service);
    }

    private static JsonNode services() {
        try {
            return new ObjectMapper().readTree(TABLE.toFile()).path("services");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
