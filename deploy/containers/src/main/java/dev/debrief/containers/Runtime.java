package dev.debrief.containers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The root filesystem of the images' first layer, staged in a directory: a Java runtime made by the building JDK's
 * own jlink (so no base image is pulled), the shared libraries it links to taken from this machine (glibc, and
 * libstdc++ for the ONNX runtime scoring-service's embedding model extracts), /etc/passwd naming the non-root user,
 * and an empty /tmp. The same for the four images, so a registry or podman stores it once.
 */
public final class Runtime {

    /**
     * The whole Java SE API (java.se: Quarkus and its libraries touch java.rmi, java.beans, java.sql, JNDI, JMX), plus
     * the JDK modules the services use: jdk.unsupported (Netty, Hibernate), jdk.crypto.ec (TLS), jdk.naming.dns,
     * jdk.jfr and jdk.management (metrics), jdk.zipfs, jdk.security.auth (Kafka's SASL), jdk.charsets. A missing
     * module shows only at run time (NoClassDefFoundError at start): the smoke run starts every image.
     */
    static final List<String> MODULES = List.of("java.se", "jdk.charsets", "jdk.crypto.ec", "jdk.jfr", "jdk.management",
            "jdk.naming.dns", "jdk.net", "jdk.security.auth", "jdk.security.jgss", "jdk.unsupported", "jdk.zipfs");

    /** Libraries of the desktop (X11, sound, splash screen) that a headless server never loads: their X11 deps stay out. */
    private static final Pattern DESKTOP_LIBRARY = Pattern.compile("lib(awt_xawt|jawt|jsound|splashscreen)\\.so");

    /** Loaded at run time (dlopen), so ldd of the runtime does not name them. */
    private static final List<String> EXTRA_LIBRARIES = List.of("libstdc++.so.6", "libgcc_s.so.1", "libz.so.1");
    private static final Path LIBRARY_DIR = Path.of("/lib/x86_64-linux-gnu");
    private static final Pattern LDD_PATH = Pattern.compile("(/\\S+) \\(0x");

    private Runtime() {
    }

    /** Stages the root filesystem in {@code root} (replaced when present) with the JDK at {@code jdk}. */
    public static Path stage(Path jdk, Path root) throws IOException, InterruptedException {
        deleteTree(root);
        Files.createDirectories(root.resolve("opt"));
        Path java = root.resolve("opt/java");
        run(List.of(jdk.resolve("bin/jlink").toString(), "--add-modules", String.join(",", MODULES),
                "--strip-debug", "--no-header-files", "--no-man-pages", "--compress=zip-6",
                "--output", java.toString()));
        for (Path library : libraries(java)) {
            Path target = root.resolve(library.toString().substring(1));
            Files.createDirectories(target.getParent());
            // the real file under the name the loader asks for: image layers carry no symbolic links here
            Files.copy(library.toRealPath(), target, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/sbin/nologin\n"
                + "debrief:x:185:185:debrief:/tmp:/sbin/nologin\n", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("etc/group"), "root:x:0:\ndebrief:x:185:\n", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("etc/nsswitch.conf"), "hosts: files dns\n", StandardCharsets.UTF_8);
        Files.createDirectories(root.resolve("tmp"));
        return root;
    }

    /** Every library ldd names for the runtime's executables and libraries, plus the dlopened ones, sorted. */
    static TreeSet<Path> libraries(Path java) throws IOException, InterruptedException {
        TreeSet<Path> found = new TreeSet<>();
        List<Path> binaries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(java)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".so") || p.getParent().getFileName().toString().equals("bin"))
                    .filter(p -> !DESKTOP_LIBRARY.matcher(p.getFileName().toString()).matches())
                    .sorted()
                    .forEach(binaries::add);
        }
        for (Path binary : binaries) {
            Matcher matcher = LDD_PATH.matcher(run(List.of("ldd", binary.toString())));
            while (matcher.find()) {
                Path library = Path.of(matcher.group(1));
                if (!library.startsWith(java)) {
                    found.add(library);
                }
            }
        }
        for (String name : EXTRA_LIBRARIES) {
            Path library = LIBRARY_DIR.resolve(name);
            if (Files.exists(library)) {
                found.add(library);
            }
        }
        return found;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 && !command.get(0).equals("ldd")) { // ldd fails on a static file: nothing to add
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
        return output;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
