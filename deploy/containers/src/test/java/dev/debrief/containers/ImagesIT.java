package dev.debrief.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The images the build wrote (target/images): small, non-root, from no base image, and reproducible. */
class ImagesIT {

    static final long MAX_UNPACKED_BYTES = 200L * 1024 * 1024;
    /**
     * scoring-service carries the sentence-embedding model and ONNX Runtime's native library (about 60 MiB): the issue
     * asks for its size to be stated rather than held to 200 MB. Measured 212 MiB (docs/benchmarks and deploy/k8s/README.md).
     */
    static final long MAX_SCORING_UNPACKED_BYTES = 240L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path images = Path.of(System.getProperty("debrief.images"));

    @Test
    void shouldRunEveryImageAsTheNonRootUserFromNoBaseImage() throws IOException {
        int jdk = java.lang.Runtime.version().feature();   // the build's JDK, whose runtime the images carry
        for (BuildImages.Service service : BuildImages.SERVICES) {
            Map<String, byte[]> files = read(images.resolve(service.name() + ".tar"));
            JsonNode index = JSON.readTree(files.get("index.json"));
            JsonNode manifest = JSON.readTree(files.get(blob(index.path("manifests").path(0))));
            JsonNode config = JSON.readTree(files.get(blob(manifest.path("config")))).path("config");
            assertEquals(ImageBuilder.USER, config.path("User").asText(), service.name());
            assertEquals("/opt/java/bin/java", config.path("Entrypoint").path(0).asText(), service.name());
            assertEquals(jdk >= ImageBuilder.COMPACT_HEADERS_JDK, config.path("Entrypoint").toString().contains("\"-XX:+UseCompactObjectHeaders\""),
                    service.name() + ": compact object headers exactly where the runtime (JDK " + jdk + ") has them");
            assertEquals(3, manifest.path("layers").size(), service.name() + ": runtime, dependencies, application; no base layers");
        }
    }

    @Test
    void shouldKeepEveryImageUnder200MegabytesUnpackedAndScoringWithItsModelUnder240() throws IOException {
        StringBuilder sizes = new StringBuilder();
        for (BuildImages.Service service : BuildImages.SERVICES) {
            long unpacked = unpackedSize(images.resolve(service.name() + ".tar"));
            sizes.append(String.format("%s: %,d bytes unpacked, %,d in its tar%n", service.name(), unpacked,
                    Files.size(images.resolve(service.name() + ".tar"))));
            long ceiling = service.name().equals("scoring-service") ? MAX_SCORING_UNPACKED_BYTES : MAX_UNPACKED_BYTES;
            assertTrue(unpacked <= ceiling, service.name() + " is " + unpacked + " bytes unpacked, over " + ceiling);
        }
        Files.writeString(images.resolve("sizes.txt"), sizes);
        System.out.print(sizes);
    }

    @Test
    void shouldGiveTheSameDigestWhenBuiltAgainFromTheSameCommit() throws Exception {
        Properties first = new Properties();
        try (Reader reader = Files.newBufferedReader(images.resolve("images.properties"))) {
            first.load(reader);
        }
        BuildImages.Service gateway = BuildImages.SERVICES.stream().filter(s -> s.name().equals("gateway")).findFirst().orElseThrow();
        Path again = images.resolveSibling("images-again");
        Runtime.deleteTree(again);
        List<ImageBuilder.Built> rebuilt = BuildImages.build(Path.of(System.getProperty("debrief.repo-root")), again,
                System.getProperty("debrief.image-tag"), List.of(gateway));
        assertEquals(first.getProperty("gateway.digest"), rebuilt.get(0).digest(),
                "a second build (jlink included, a fresh layer cache) gives the same image");
        Runtime.deleteTree(again);
    }

    /** An OCI layout's path of the blob a descriptor names. */
    private static String blob(JsonNode descriptor) {
        return "blobs/" + descriptor.path("digest").asText().replace(':', '/');
    }

    /** The sum of the layers' gunzipped sizes: what the image takes once loaded. */
    private static long unpackedSize(Path tar) throws IOException {
        Map<String, byte[]> files = read(tar);
        JsonNode manifest = JSON.readTree(files.get(blob(JSON.readTree(files.get("index.json")).path("manifests").path(0))));
        java.util.Set<String> layers = new java.util.HashSet<>();
        manifest.path("layers").forEach(layer -> layers.add(blob(layer)));
        long total = 0;
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (layers.contains(entry.getName())) {
                    total += gunzippedLength(in);
                }
            }
        }
        return total;
    }

    /** The OCI layout's small files (index.json, the manifest, the config), in memory. */
    private static Map<String, byte[]> read(Path tar) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isFile() && entry.getSize() < 64 * 1024) { // the JSON documents, not the layers
                    files.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return files;
    }

    private static long gunzippedLength(InputStream layer) throws IOException {
        GZIPInputStream gunzip = new GZIPInputStream(new InputStream() {
            @Override
            public int read() throws IOException {
                return layer.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return layer.read(b, off, len);
            }
        });
        long length = 0;
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = gunzip.read(buffer)) > 0; ) {
            length += n;
        }
        return length;
    }
}
