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

    private final Module module;
    private final ChildProcess process;
    private final boolean writesArchiveOnStop;

    private QuarkusService(Module module, ChildProcess process, boolean writesArchiveOnStop) {
        this.module = module;
        this.process = process;
        this.writesArchiveOnStop = writesArchiveOnStop;
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
        int port = module.port(config.ports());
        Path workDir = config.home().resolve("services").resolve(module.directory);
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
        ChildProcess process = ChildProcess.start(module.directory, command, environment(module, config.ports()),
                workDir, config.logs().resolve(module.directory + ".log"));
        QuarkusService service = new QuarkusService(module, process, archive.writtenOnStop());
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
        Map<String, String> env = new HashMap<>(ServiceTable.environment(module.directory, ports));
        env.put("MALLOC_ARENA_MAX", "2"); // fewer glibc malloc arenas: tens of MB less RSS for a JVM, no cost here
        return env;
    }

    @Override
    public String name() {
        return module.directory;
    }

    @Override
    public String stopNote() {
        return writesArchiveOnStop ? "writing its AOT cache / class-data archive first (once after each build; later starts are faster)" : "";
    }

    @Override
    public void stop() {
        process.stop(Duration.ofSeconds(30)); // the first stop after a build also writes the class-data archive
    }
}
