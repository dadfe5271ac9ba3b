package dev.debrief.containers;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds one service's image from scratch, with no daemon and no base image to pull: a layer with the jlinked
 * Java runtime and the few system libraries it links to ({@link Runtime}), then the Quarkus app's libraries, then
 * the app itself, so a code change rebuilds only the last, small layer. Written as a tar that {@code podman load}
 * (or {@code docker load}) reads.
 *
 * <p>Reproducible: every file gets the same time (jib's epoch + 1 s), the image the epoch as its creation time,
 * and file modes come from the source, so the same inputs give the same digest.
 */
public final class ImageBuilder {

    /** The uid and gid of Quarkus's own images: the manifests' runAsUser. */
    public static final String USER = "185:185";
    static final AbsoluteUnixPath APP = AbsoluteUnixPath.get("/app");
    private static final Instant FILE_TIME = Instant.ofEpochSecond(1);
    /** The first JDK where compact object headers are a product option (JEP 519); JDK 21 does not know it. */
    static final int COMPACT_HEADERS_JDK = 25;

    private ImageBuilder() {
    }

    /** What one image holds and is called. */
    public record Spec(String service, int port, Path quarkusApp, String reference) {
    }

    /** The result: the tar, its digest and its image id. */
    public record Built(Path tar, String digest, String imageId) {
    }

    public static Built build(Spec spec, Path runtime, Path tar, Path cache) throws Exception {
        Files.createDirectories(tar.getParent());
        Path lib = spec.quarkusApp().resolve("lib");
        Optional<Path> onnxRuntime = onnxRuntimeJar(lib);
        JibContainerBuilder image = Jib.fromScratch()
                .setFormat(ImageFormat.OCI)
                .setCreationTime(Instant.EPOCH)
                .addFileEntriesLayer(layer("java-runtime", runtime, AbsoluteUnixPath.get("/")))
                .addFileEntriesLayer(dependencies(lib, onnxRuntime, cache.resolve("stripped").resolve(spec.service())))
                .addFileEntriesLayer(appLayer(spec.quarkusApp()))
                .setUser(USER)
                .setWorkingDirectory(APP)
                .setExposedPorts(Set.of(Port.tcp(spec.port())))
                .setEnvironment(environment())
                .setLabels(Map.of("org.opencontainers.image.title", "debrief-" + spec.service(),
                        "org.opencontainers.image.source", "deploy/containers"))
                // the runtime is jlinked from the JDK running this build (BuildImages)
                .setEntrypoint(entrypoint(onnxRuntime.isPresent(), java.lang.Runtime.version().feature()));
        JibContainer result = image.containerize(Containerizer.to(TarImage.at(tar).named(spec.reference()))
                .setApplicationLayersCache(cache)
                .setBaseImageLayersCache(cache.resolve("base"))
                .setOfflineMode(true)
                .setToolName("debrief-image-builder"));
        return new Built(tar, result.getDigest().toString(), result.getImageId().toString());
    }

    /**
     * The JVM's options come from JDK_JAVA_OPTIONS, which the java launcher itself reads: there is no shell in the
     * image to expand a variable, and Kubernetes sets it per Deployment. The default suits a small container.
     */
    static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", "/opt/java");
        env.put("PATH", "/opt/java/bin");
        env.put("LANG", "C.UTF-8");
        env.put("MALLOC_ARENA_MAX", "2");
        env.put("JDK_JAVA_OPTIONS", "-XX:MaxRAMPercentage=70 -XX:+UseSerialGC -Djava.io.tmpdir=/tmp");
        return env;
    }

    /**
     * The options every service runs with whatever its Deployment sets. Compact object headers (8 bytes, not 12:
     * question-service's benchmark runs with them) only where the image's runtime has them: the manifests'
     * JDK_JAVA_OPTIONS also start an image built on JDK 21, whose JVM would refuse the option and not start.
     */
    static List<String> entrypoint(boolean onnxRuntime, int runtimeFeature) {
        List<String> command = new ArrayList<>(List.of("/opt/java/bin/java", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager"));
        if (runtimeFeature >= COMPACT_HEADERS_JDK) {
            command.add("-XX:+UseCompactObjectHeaders");
        }
        if (onnxRuntime) {
            // its libraries from the image, not copied into /tmp at every start (NativeLibraries)
            command.add("-Donnxruntime.native.path=" + APP.resolve(NativeLibraries.DIRECTORY));
        }
        command.addAll(List.of("-jar", APP.resolve("quarkus-run.jar").toString()));
        return List.copyOf(command);
    }

    /** ONNX Runtime's jar among the app's libraries, if it has one (each jar is opened once, here). */
    private static Optional<Path> onnxRuntimeJar(Path lib) throws IOException {
        try (Stream<Path> walk = Files.walk(lib)) {
            for (Path jar : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (NativeLibraries.carriesOnnxRuntime(jar)) {
                    return Optional.of(jar);
                }
            }
        }
        return Optional.empty();
    }

    /** quarkus-app/lib/, and ONNX Runtime's libraries as files of their own, not inside its jar (NativeLibraries). */
    private static FileEntriesLayer dependencies(Path lib, Optional<Path> onnxRuntime, Path stripped) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("dependencies");
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(lib)) {
            walk.sorted().forEach(paths::add);
        }
        for (Path path : paths) {
            AbsoluteUnixPath inImage = APP.resolve("lib");
            for (Path part : lib.relativize(path)) {
                if (!part.toString().isEmpty()) {
                    inImage = inImage.resolve(part.toString());
                }
            }
            Path source = path;
            if (onnxRuntime.isPresent() && path.equals(onnxRuntime.get())) {
                for (Path library : NativeLibraries.ownPlatform(path, stripped.resolve("native"))) {
                    layer.addEntry(library, APP.resolve(NativeLibraries.DIRECTORY).resolve(library.getFileName().toString()),
                            FilePermissions.fromOctalString("755"), FILE_TIME);
                }
                source = NativeLibraries.withoutLibraries(path, stripped.resolve(path.getFileName().toString()));
            }
            layer.addEntry(source, inImage, permissions(path), FILE_TIME);
        }
        return layer.build();
    }

    /** quarkus-app without its lib/ (its own layer): quarkus-run.jar, app/, quarkus/. */
    private static FileEntriesLayer appLayer(Path quarkusApp) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("application");
        try (Stream<Path> top = Files.list(quarkusApp)) {
            for (Path entry : top.sorted().toList()) {
                if (!entry.getFileName().toString().equals("lib")) {
                    addTree(layer, entry, APP.resolve(entry.getFileName().toString()));
                }
            }
        }
        return layer.build();
    }

    private static FileEntriesLayer layer(String name, Path source, AbsoluteUnixPath target) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        try (Stream<Path> top = Files.list(source)) {
            for (Path entry : top.sorted().toList()) {
                addTree(layer, entry, target.resolve(entry.getFileName().toString()));
            }
        }
        return layer.build();
    }

    /** Files in a fixed (sorted) order, each with its own mode (executables stay executable) and one fixed time. */
    private static void addTree(FileEntriesLayer.Builder layer, Path source, AbsoluteUnixPath target) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(source)) {
            walk.sorted().forEach(paths::add);
        }
        for (Path path : paths) {
            AbsoluteUnixPath inImage = target;
            for (Path part : source.relativize(path)) {
                if (!part.toString().isEmpty()) {
                    inImage = inImage.resolve(part.toString());
                }
            }
            layer.addEntry(path, inImage, permissions(path), FILE_TIME);
        }
    }

    /** Readable by everyone, writable by no one but root; executable where the source is. */
    private static FilePermissions permissions(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return FilePermissions.fromOctalString("755");
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
        return FilePermissions.fromOctalString(mode.contains(PosixFilePermission.OWNER_EXECUTE) ? "755" : "644");
    }
}
