package dev.debrief.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server process the launcher started, its output in {@code logs/<name>.log}. Stopping it stops its whole
 * process tree (kc.sh runs Keycloak's JVM as a child), first politely, then by force.
 */
final class ChildProcess {

    /** setsid gives each server its own session, so a Ctrl-C in the terminal reaches only the launcher, which then stops the servers in order. */
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    /** Every server started and not yet stopped, so a shutdown can reach one that was still starting. */
    private static final Set<ChildProcess> LIVE = ConcurrentHashMap.newKeySet();

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workDir, Path log) {
        List<String> fullCommand = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            fullCommand.add(SETSID.toString());
        }
        fullCommand.addAll(command);
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(fullCommand)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            ChildProcess child = new ChildProcess(name, builder.start(), log);
            LIVE.add(child);
            return child;
        } catch (IOException e) {
            throw new StackException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for a short-lived tool (such as Kafka's storage format) to finish, and returns its exit code. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(Duration.ofSeconds(5));
                throw new StackException(name + " did not finish within " + timeout.toSeconds() + " s (log: " + log + ")");
            }
            LIVE.remove(this);
            return process.exitValue();
        } catch (InterruptedException e) {
            stop(Duration.ofSeconds(5));
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for " + name);
        }
    }

    /** SIGTERM to the process and all its descendants, then SIGKILL to whatever is left after the grace period. */
    void stop(Duration grace) {
        LIVE.remove(this);
        List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            awaitExit(handle, Math.max(0, deadline - System.nanoTime()));
        }
        List<ProcessHandle> leftovers = tree.stream().filter(ProcessHandle::isAlive).toList();
        leftovers.forEach(ProcessHandle::destroyForcibly);
        leftovers.forEach(handle -> awaitExit(handle, TimeUnit.SECONDS.toNanos(5)));
    }

    /** SIGKILL to the process and all its descendants, as a crash: no shutdown hook runs. */
    void kill() {
        LIVE.remove(this);
        List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(handle -> awaitExit(handle, TimeUnit.SECONDS.toNanos(10)));
    }

    static void stopStragglers() {
        List.copyOf(LIVE).forEach(child -> child.stop(Duration.ofSeconds(10)));
    }

    private static void awaitExit(ProcessHandle handle, long nanos) {
        try {
            handle.onExit().get(nanos, TimeUnit.NANOSECONDS);
        } catch (Exception ignored) {
            // still alive after the wait: the caller escalates
        }
    }

    /** The last lines of the log, for a failure message. */
    String tail(int lines) {
        return tail(log, lines);
    }

    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "";
            }
            // decoded leniently: a log may hold bytes that are not UTF-8
            List<String> all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }
}
