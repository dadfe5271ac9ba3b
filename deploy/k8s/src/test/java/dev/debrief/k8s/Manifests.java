package dev.debrief.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The manifests as a cluster would receive them: each kustomization rendered by {@code kubectl kustomize} (any kubectl
 * from 1.20 on: Debian's kubernetes-client, which .ci/run installs where there is none), read as JSON trees.
 */
final class Manifests {

    static final ObjectMapper YAML = new YAMLMapper();
    /** Every kustomization a cluster may be given. */
    static final List<String> KUSTOMIZATIONS = List.of("base", "overlays/local", "overlays/production");
    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    static Path repoRoot() {
        String configured = System.getProperty("debrief.repo-root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/k8s/base"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no Debrief checkout above " + start);
    }

    static Path k8s() {
        return repoRoot().resolve("deploy/k8s");
    }

    static List<JsonNode> rendered(String kustomization) {
        return RENDERED.computeIfAbsent(kustomization, Manifests::render);
    }

    static List<JsonNode> ofKind(String kustomization, String kind) {
        return rendered(kustomization).stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    static JsonNode named(String kustomization, String kind, String name) {
        return ofKind(kustomization, kind).stream().filter(o -> o.path("metadata").path("name").asText().equals(name))
                .findFirst().orElse(MissingNode.getInstance());
    }

    private static List<JsonNode> render(String kustomization) {
        Path dir = k8s().resolve(kustomization);
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("kustomize", ".yaml");
            err = Files.createTempFile("kustomize", ".err");
            Process kubectl;
            try {
                kubectl = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            } catch (IOException e) {
                throw new AssertionError("kubectl is needed to render " + dir
                        + ": apt-get install kubernetes-client (.ci/run does where kubectl is missing)", e);
            }
            if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
                kubectl.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " failed: " + Files.readString(err));
            }
            return parse(Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            deleteQuietly(out);   // every render left two files in /tmp
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file the OS cleans up in time; not worth failing a test over
            }
        }
    }

    static List<JsonNode> parse(String yaml) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var docs = YAML.readValues(parser, JsonNode.class);
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    objects.add(doc);
                }
            }
        }
        return objects;
    }
}
