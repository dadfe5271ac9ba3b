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
 * @param sessionReplicas   how many session-service processes run behind the gateway (1 unless set; the
 *                          fault-injection test kills one of two); see {@link #sessionPorts()}
 */
public record StackConfig(Path repoRoot, Path home, Ports ports, boolean infraOnly, List<String> serviceJvmOptions,
                          boolean classDataArchives, int sessionReplicas) {

    /** Replica n (from 1) listens on the session port + 2(n-1): inside a port block (x82, x84, x86, x88). */
    static final int MAX_SESSION_REPLICAS = 4;

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
        if (sessionReplicas < 1 || sessionReplicas > MAX_SESSION_REPLICAS) {
            throw new StackException("session-replicas must be 1 to " + MAX_SESSION_REPLICAS + ", not " + sessionReplicas);
        }
    }

    /** Without replicas: one session-service, as before. */
    public StackConfig(Path repoRoot, Path home, Ports ports, boolean infraOnly, List<String> serviceJvmOptions,
                       boolean classDataArchives) {
        this(repoRoot, home, ports, infraOnly, serviceJvmOptions, classDataArchives, 1);
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
        int replicas = settings.get("session-replicas").map(StackConfig::replicas).orElse(1);
        return new StackConfig(repoRoot, home, Ports.from(settings), infraOnly, jvmOptions, archives, replicas);
    }

    public StackConfig withHome(Path newHome) {
        return new StackConfig(repoRoot, newHome, ports, infraOnly, serviceJvmOptions, classDataArchives, sessionReplicas);
    }

    public StackConfig withPorts(Ports newPorts) {
        return new StackConfig(repoRoot, home, newPorts, infraOnly, serviceJvmOptions, classDataArchives, sessionReplicas);
    }

    public StackConfig withInfraOnly(boolean onlyInfrastructure) {
        return new StackConfig(repoRoot, home, ports, onlyInfrastructure, serviceJvmOptions, classDataArchives, sessionReplicas);
    }

    public StackConfig withServiceJvmOptions(List<String> options) {
        return new StackConfig(repoRoot, home, ports, infraOnly, options, classDataArchives, sessionReplicas);
    }

    public StackConfig withClassDataArchives(boolean keepArchives) {
        return new StackConfig(repoRoot, home, ports, infraOnly, serviceJvmOptions, keepArchives, sessionReplicas);
    }

    public StackConfig withSessionReplicas(int replicas) {
        return new StackConfig(repoRoot, home, ports, infraOnly, serviceJvmOptions, classDataArchives, replicas);
    }

    /** The port of each session-service replica, the first one being {@link Ports#session()}. */
    public List<Integer> sessionPorts() {
        return java.util.stream.IntStream.range(0, sessionReplicas).mapToObj(n -> ports.session() + 2 * n).toList();
    }

    /** Every port wanted, the session replicas' included, for the free-port check. */
    Map<Integer, String> wantedPorts() {
        Map<Integer, String> wanted = new java.util.LinkedHashMap<>(ports.wanted(infraOnly));
        if (!infraOnly) {
            for (int n = 2; n <= sessionReplicas; n++) {
                String who = "session-service replica " + n;
                String other = wanted.putIfAbsent(sessionPorts().get(n - 1), who);
                if (other != null) {
                    throw new StackException("port " + sessionPorts().get(n - 1) + " is configured twice: for " + other + " and for " + who);
                }
            }
        }
        return wanted;
    }

    private static int replicas(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new StackException("session-replicas must be a number, not '" + value + "'");
        }
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
