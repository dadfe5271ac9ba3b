package dev.debrief.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one declarative description of each service's wiring ({@code services.json} beside this class): port,
 * environment, what it uses, its topics and schema. The launcher builds a service's environment from it; the
 * manifests and benchmark scripts are checked against it (deploy/k8s, ServiceTableDriftTest).
 */
final class ServiceTable {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z.]+)(?::([a-z-]+))?}");
    private static final JsonNode TABLE = read();

    private ServiceTable() {
    }

    /** The environment the table gives {@code service}, its placeholders resolved against the stack's ports. */
    static Map<String, String> environment(String service, Ports ports) {
        Map<String, String> env = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = entry(service).path("environment").fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> e = entries.next();
            env.put(e.getKey(), resolve(e.getValue().asText(), service, ports));
        }
        return env;
    }

    private static String resolve(String value, String service, Ports ports) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String resolved = switch (m.group(1)) {
                case "port" -> Integer.toString(portOf(service, ports));
                case "url" -> "http://localhost:" + portOf(m.group(2), ports);
                case "postgres" -> PostgresServer.jdbcUrl(ports.postgres());
                case "postgres.sandbox" -> PostgresServer.sandboxJdbcUrl(ports.postgres());
                case "postgres.role" -> PostgresServer.ROLE;
                case "postgres.password" -> PostgresServer.PASSWORD;
                case "kafka" -> "localhost:" + ports.kafka();
                case "keycloak" -> KeycloakServer.issuer(ports);
                default -> throw new IllegalStateException("services.json: unknown placeholder " + m.group());
            };
            m.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        return m.appendTail(out).toString();
    }

    /** The stack's port for a service: the table names it, the launcher's port settings move it. */
    private static int portOf(String service, Ports ports) {
        for (QuarkusService.Module module : QuarkusService.Module.values()) {
            if (module.directory.equals(service)) {
                return module.port(ports);
            }
        }
        throw new IllegalStateException("services.json: no service " + service);
    }

    private static JsonNode entry(String service) {
        for (JsonNode s : TABLE.path("services")) {
            if (s.path("name").asText().equals(service)) {
                return s;
            }
        }
        throw new IllegalStateException("services.json describes no " + service);
    }

    private static JsonNode read() {
        try (InputStream in = ServiceTable.class.getResourceAsStream("services.json")) {
            if (in == null) {
                throw new IllegalStateException("services.json is missing from the launcher");
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
