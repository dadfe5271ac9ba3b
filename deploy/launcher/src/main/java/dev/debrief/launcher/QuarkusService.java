package dev.debrief.launcher;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One Debrief service, run from its Quarkus fast-jar ({@code <module>/target/quarkus-app/quarkus-run.jar}). */
final class QuarkusService implements Component {

    /**
     * A service is ready in about 2-3 s on a quiet machine; the margin is for a two-core machine busy with builds,
     * where one was seen to need over 60 s.
     */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    /** The services in start order: the gateway last, once everything it routes to answers. */
    enum Module {
        QUESTION("question-service"), SCORING("scoring-service"), SESSION("session-service"), GATEWAY("gateway");

        final String directory;

        Module(String directory) {
            this.directory = directory;
        }

        int port(Ports ports) {
            return switch (this) {
                case QUESTION -> ports.question();
                case SCORING -> ports.scoring();
                case SESSION -> ports.session();
                case GATEWAY -> ports.gateway();
            };
        }

        Path fastJar(Path repoRoot) {
            return repoRoot.resolve(directory).resolve("target/quarkus-app/quarkus-run.jar");
        }
    }

    private final String name;
    private final ChildProcess process;
    private final boolean writesArchiveOnStop;

    private QuarkusService(String name, ChildProcess process, boolean writesArchiveOnStop) {
        this.name = name;
        this.process = process;
        this.writesArchiveOnStop = writesArchiveOnStop;
    }

    /** session-service, session-service-2, …: each replica has its own name, log and working directory. */
    static String name(Module module, int replica) {
        return replica == 1 ? module.directory : module.directory + "-" + replica;
    }

    /** Fails before anything starts when a service was never built. */
    static void requireBuilt(Path repoRoot) {
        for (Module module : Module.values()) {
            if (!Files.isRegularFile(module.fastJar(repoRoot))) {
                throw new StackException(module.directory + " is not built (no " + repoRoot.relativize(module.fastJar(repoRoot))
                        + "): run ./stack --build, or start only the infrastructure with --infra-only");
            }
        }
    }

    static QuarkusService start(Module module, StackConfig config, Readiness readiness) {
        return start(module, 1, config, readiness);
    }

    /** Replica {@code replica} (from 1) of a module; only session-service runs more than one. */
    static QuarkusService start(Module module, int replica, StackConfig config, Readiness readiness) {
        String name = name(module, replica);
        int port = module == Module.SESSION ? config.sessionPorts().get(replica - 1) : module.port(config.ports());
        Path workDir = config.home().resolve("services").resolve(name);
        List<String> command = new ArrayList<>();
        command.add(JavaRuntime.java());
        command.addAll(config.serviceJvmOptions());
        ClassDataArchive archive = config.classDataArchives()
                ? ClassDataArchive.forService(config.serviceJvmOptions(), workDir, module.fastJar(config.repoRoot()),
                        Runtime.version().feature())
                : ClassDataArchive.none();
        command.addAll(archive.options());
        command.add("-jar");
        command.add(module.fastJar(config.repoRoot()).toString());
        Map<String, String> env = environment(module, config.ports(), config.sessionPorts());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        ChildProcess process = ChildProcess.start(name, command, env, workDir, config.logs().resolve(name + ".log"));
        QuarkusService service = new QuarkusService(name, process, archive.writtenOnStop());
        try {
            readiness.awaitHttpOk(process, URI.create("http://localhost:" + port + "/q/health/ready"), READY_TIMEOUT);
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
        return service;
    }

    /** The addresses of everything a service talks to, as environment variables that override its defaults (services.json). */
    static Map<String, String> environment(Module module, Ports ports) {
        return environment(module, ports, java.util.List.of(ports.session()));
    }

    /** The same, with the gateway balancing over every session-service replica. */
    static Map<String, String> environment(Module module, Ports ports, List<Integer> sessionPorts) {
        Map<String, String> env = new HashMap<>(ServiceTable.environment(module.directory, ports));
        env.put("MALLOC_ARENA_MAX", "2"); // fewer glibc malloc arenas: tens of MB less RSS for a JVM, no cost here
        if (module == Module.GATEWAY) { // the table names one address per service; replicas are the launcher's choice
            env.put("DEBRIEF_GATEWAY_UPSTREAM_SESSION", String.join(",",
                    sessionPorts.stream().map(port -> "http://localhost:" + port).toList()));
        }
        if (module == Module.SESSION) { // the demo realm's firms may point webhooks at receivers on this machine (docs/webhooks.md)
            env.put("DEBRIEF_WEBHOOKS_ALLOW_HTTP_LOCALHOST", "true");
        }
        return env;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String stopNote() {
        return writesArchiveOnStop ? "writing its AOT cache / class-data archive first (once after each build; later starts are faster)" : "";
    }

    @Override
    public void stop() {
        process.stop(Duration.ofSeconds(30)); // the first stop after a build also writes the class-data archive
    }

    @Override
    public void kill() {
        process.kill();
    }
}
