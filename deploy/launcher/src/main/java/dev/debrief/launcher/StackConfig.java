package dev.debrief.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to start and where.
 *
 * @param repoRoot  the Debrief checkout: the realm and the services' fast-jars are read from it
 * @param home      the data directory ({@code .debrief/} by default): databases, broker logs, Keycloak, logs/
 * @param ports     every port the stack listens on
 * @param infraOnly only PostgreSQL, Kafka and Keycloak, for running the services from an IDE
 * @param serviceJvmOptions the JVM options of each service (heap, GC, JIT), {@link #DEFAULT_SERVICE_JVM_OPTIONS} unless set
 * @param classDataArchives whether each service keeps a class-data archive for faster starts (off for throwaway
 *                          stacks such as the end-to-end tests', whose first and only stop would spend time writing them)
 */
public record StackConfig(Path repoRoot, Path home, Ports ports, boolean infraOnly, List<String> serviceJvmOptions,
                          boolean classDataArchives) {

    /**
     * Small, idle-friendly services that start fast: a 128 MiB heap with the serial collector, and only the C1 JIT
     * (as Quarkus dev mode does), which saves about 40 MB RSS and half the start time per service. Peak throughput
     * is lower: benchmarks set DEBRIEF_SERVICE_JVM_OPTIONS (for example to "-Xmx512m") to run with the full JIT.
     */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS =
            List.of("-Xms32m", "-Xmx128m", "-XX:+UseSerialGC", "-Xss512k", "-XX:TieredStopAtLevel=1");

    /** A file only a Debrief checkout has: how the repository root is recognised. */
    static final Path REALM_FILE = Path.of("deploy", "keycloak", "debrief-realm.json");

    public StackConfig {
        repoRoot = repoRoot.toAbsolutePath().normalize();
        home = home.toAbsolutePath().normalize();
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
    }

    /** Defaults, overridden by system properties ({@code debrief.home}, {@code debrief.gateway-port}, …) and DEBRIEF_* variables. */
    public static StackConfig fromEnvironment() {
        return from(Settings.ofProcess(Map.of()));
    }

    static StackConfig from(Settings settings) {
        Path repoRoot = settings.get("repo-root").map(Path::of).orElseGet(StackConfig::locateRepoRoot);
        if (!Files.isRegularFile(repoRoot.resolve(REALM_FILE))) {
            throw new StackException(repoRoot + " is not a Debrief checkout (no " + REALM_FILE + ")");
        }
        Path home = settings.get("home").map(Path::of).orElse(repoRoot.resolve(".debrief"));
        boolean infraOnly = settings.get("infra-only").map(Boolean::parseBoolean).orElse(false);
        List<String> jvmOptions = settings.get("service-jvm-options")
                .map(options -> List.of(options.split("\\s+")))
                .orElse(DEFAULT_SERVICE_JVM_OPTIONS);
        boolean archives = settings.get("class-data-archives").map(Boolean::parseBoolean).orElse(true);
        return new StackConfig(repoRoot, home, Ports.from(settings), infraOnly, jvmOptions, archives);
    }

    public StackConfig withHome(Path newHome) {
        return new StackConfig(repoRoot, newHome, ports, infraOnly, serviceJvmOptions, classDataArchives);
    }

    public StackConfig withPorts(Ports newPorts) {
        return new StackConfig(repoRoot, home, newPorts, infraOnly, serviceJvmOptions, classDataArchives);
    }

    public StackConfig withInfraOnly(boolean onlyInfrastructure) {
        return new StackConfig(repoRoot, home, ports, onlyInfrastructure, serviceJvmOptions, classDataArchives);
    }

    public StackConfig withServiceJvmOptions(List<String> options) {
        return new StackConfig(repoRoot, home, ports, infraOnly, options, classDataArchives);
    }

    public StackConfig withClassDataArchives(boolean keepArchives) {
        return new StackConfig(repoRoot, home, ports, infraOnly, serviceJvmOptions, keepArchives);
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path realmFile() {
        return repoRoot.resolve(REALM_FILE);
    }

    /** The working directory, then the launcher jar's location, walked upwards to the checkout. */
    private static Path locateRepoRoot() {
        return findUpwards(Path.of("").toAbsolutePath())
                .or(() -> launcherLocation().flatMap(StackConfig::findUpwards))
                .orElseThrow(() -> new StackException(
                        "cannot find the Debrief checkout from " + Path.of("").toAbsolutePath()
                                + ": run from inside it or set DEBRIEF_REPO_ROOT"));
    }

    private static Optional<Path> findUpwards(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(REALM_FILE))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> launcherLocation() {
        try {
            var source = StackConfig.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
