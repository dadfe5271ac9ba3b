package dev.debrief.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.debrief.launcher.Ports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The four Deployments of {@code kubectl kustomize deploy/k8s/overlays/local}, adapted for {@code podman kube play}
 * on this machine, which has no cluster and no operators: one replica each on the host's network, the launcher's
 * PostgreSQL, Kafka and Keycloak on loopback in place of the operators' Services, plaintext Kafka and the launcher's
 * demo credentials in place of the Secrets the operators write, a host directory for each emptyDir (/tmp, the
 * catalog's index). Everything else (image, user, read-only root filesystem, dropped capabilities, resources, JVM
 * options, the services' own DEBRIEF_ settings) is as rendered; ports and probes go,
 * since on the host's network each service listens on its own port and the test polls its readiness itself.
 */
final class PodManifests {

    static final YAMLMapper YAML = new YAMLMapper();

    private PodManifests() {
    }

    static List<JsonNode> render(Path repoRoot) throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", repoRoot.resolve("deploy/k8s/overlays/local").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize deploy/k8s/overlays/local failed");
        }
        List<JsonNode> objects = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(objects::add);
        }
        return objects;
    }

    /** The adapted Deployments, one YAML document each. */
    static String forPodman(List<JsonNode> rendered, Ports ports, String tag, Map<String, Integer> servicePorts, Path work)
            throws IOException {
        StringBuilder out = new StringBuilder();
        for (JsonNode object : rendered) {
            if (!object.path("kind").asText().equals("Deployment")) {
                continue;
            }
            ObjectNode deployment = object.deepCopy();
            String name = deployment.path("metadata").path("name").asText();
            ((ObjectNode) deployment.path("metadata")).remove("namespace");
            ((ObjectNode) deployment.path("spec")).put("replicas", 1);
            ObjectNode pod = (ObjectNode) deployment.path("spec").path("template").path("spec");
            pod.put("hostNetwork", true);
            pod.remove("topologySpreadConstraints");
            // podman makes an emptyDir owned by root, which uid 185 cannot write: each a host directory of its own instead
            List<String> emptyDirs = new ArrayList<>();
            ArrayNode volumes = pod.putArray("volumes");
            for (JsonNode volume : object.path("spec").path("template").path("spec").path("volumes")) {
                if (volume.has("emptyDir")) {
                    String volumeName = volume.path("name").asText();
                    emptyDirs.add(volumeName);
                    volumes.addObject().put("name", volumeName).putObject("hostPath")
                            .put("path", writableDirectory(work.resolve(volumeName).resolve(name)).toString())
                            .put("type", "Directory");
                }
            }
            JsonNode original = object.path("spec").path("template").path("spec").path("containers").path(0);
            ObjectNode container = (ObjectNode) pod.path("containers").path(0);
            container.put("image", "localhost/debrief/" + name + ":" + tag);
            // on the host's network a port is the service's own (QUARKUS_HTTP_PORT), never a mapping; podman runs
            // probes as commands inside the image, which has no shell or curl: the test waits on readiness itself
            container.remove(List.of("ports", "startupProbe", "readinessProbe", "livenessProbe"));
            ArrayNode mounts = container.putArray("volumeMounts");
            for (JsonNode mount : original.path("volumeMounts")) {
                if (emptyDirs.contains(mount.path("name").asText())) {
                    mounts.add(mount);
                }
            }
            ArrayNode env = container.putArray("env");
            Map<String, String> local = environment(name, ports, servicePorts);
            local.forEach((key, value) -> env.addObject().put("name", key).put("value", value));
            // the JVM options and the service's own settings as rendered, unless set above for this machine
            for (JsonNode variable : original.path("env")) {
                String key = variable.path("name").asText();
                if (variable.has("value") && !local.containsKey(key)
                        && (key.equals("JDK_JAVA_OPTIONS") || key.startsWith("DEBRIEF_"))) {
                    env.add(variable);
                }
            }
            out.append("---\n").append(YAML.writeValueAsString(deployment).replaceFirst("^---\n", ""));
        }
        return out.toString();
    }

    /** Empty, as an emptyDir starts for a new pod (a previous run's files would otherwise be read as this one's). */
    private static Path writableDirectory(Path dir) throws IOException {
        Runtime.deleteTree(dir);
        Files.createDirectories(dir);
        Files.setAttribute(dir, "unix:uid", 185);
        Files.setAttribute(dir, "unix:gid", 185);
        return dir;
    }

    private static Map<String, String> environment(String service, Ports ports, Map<String, Integer> servicePorts) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(servicePorts.get(service)));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + ports.postgres() + "/debrief");
        env.put("QUARKUS_DATASOURCE_USERNAME", "debrief");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "debrief");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + ports.kafka());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", "http://localhost:" + ports.keycloak() + "/realms/debrief");
        switch (service) {
            case "gateway" -> {
                env.put("DEBRIEF_GATEWAY_UPSTREAM_QUESTION", "http://localhost:" + servicePorts.get("question-service"));
                env.put("DEBRIEF_GATEWAY_UPSTREAM_SESSION", "http://localhost:" + servicePorts.get("session-service"));
                env.put("DEBRIEF_GATEWAY_UPSTREAM_SCORING", "http://localhost:" + servicePorts.get("scoring-service"));
            }
            case "session-service" -> env.put("QUARKUS_REST_CLIENT_CATALOG_URL", "http://localhost:" + servicePorts.get("question-service"));
            default -> {
            }
        }
        return env;
    }
}
