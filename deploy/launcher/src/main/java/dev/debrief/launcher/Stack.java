package dev.debrief.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The running local stack: PostgreSQL, Kafka, Keycloak, then question-, scoring- and session-service and the
 * gateway. {@link #close()} stops what was started, in reverse order; a JVM shutdown does the same.
 */
public final class Stack implements AutoCloseable {

    private final StackConfig config;
    private final Progress progress;
    private final Deque<Component> started = new ArrayDeque<>();
    private final java.util.Map<String, Restartable> parts = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread shutdownHook = new Thread(this::close, "debrief-stack-shutdown");
    private final long startNanos = System.nanoTime();

    private Stack(StackConfig config, Progress progress) {
        this.config = config;
        this.progress = progress;
    }

    public static Stack start(StackConfig config) {
        return start(config, new Progress(System.out));
    }

    /** Starts everything and waits until each part is ready; on a failure stops what did start and rethrows. */
    public static Stack start(StackConfig config, Progress progress) {
        PortCheck.requireFree(config.wantedPorts());
        if (!config.infraOnly()) {
            QuarkusService.requireBuilt(config.repoRoot());
        }
        prepareHome(config);
        Stack stack = new Stack(config, progress);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        Readiness readiness = new Readiness(progress);
        Ports ports = config.ports();
        progress.say("Debrief local stack: data in " + config.home());

        startTimed("PostgreSQL", ":" + ports.postgres(),
                () -> PostgresServer.start(config.home(), ports.postgres(), config.logs().resolve("postgres.log")));
        startTimed("Kafka", ":" + ports.kafka(), () -> KafkaBroker.start(config, readiness, progress));
        startTimed("Keycloak", ":" + ports.keycloak() + " (first start about a minute, later about 15 s)",
                () -> KeycloakServer.start(config, readiness, progress));
        if (!config.infraOnly()) {
            for (QuarkusService.Module module : QuarkusService.Module.values()) {
                int replicas = module == QuarkusService.Module.SESSION ? config.sessionReplicas() : 1;
                for (int n = 1; n <= replicas; n++) {
                    int replica = n;
                    int port = module == QuarkusService.Module.SESSION ? config.sessionPorts().get(n - 1) : module.port(ports);
                    startTimed(QuarkusService.name(module, replica), ":" + port,
                            () -> QuarkusService.start(module, replica, config, readiness));
                }
            }
        }
        progress.say("All " + started.size() + " processes ready in " + Progress.took(startNanos));
    }

    private void startTimed(String name, String where, java.util.function.Supplier<Component> starter) {
        long began = System.nanoTime();
        progress.step(name, "starting on " + where);
        Restartable part = new Restartable(name, starter);
        part.start();
        Component component = part;
        synchronized (this) {
            if (!closed.get()) {
                started.push(component);
                parts.put(name, part);
                component = null;
            }
        }
        if (component != null) { // close() ran meanwhile (a shutdown): this one is not on its list
            component.stop();
            throw new StackException("the stack was stopped while " + name + " was starting");
        }
        progress.step(name, "ready in " + Progress.took(began));
    }

    private static void prepareHome(StackConfig config) {
        try {
            Files.createDirectories(config.logs());
        } catch (IOException e) {
            throw new StackException("cannot create the data directory " + config.home() + ": " + e.getMessage(), e);
        }
    }

    public StackConfig config() {
        return config;
    }

    /** Stops, kills and restarts parts of this running stack, for the fault-injection tests. */
    public Faults faults() {
        return new Faults(parts);
    }

    /**
     * Stops everything started, last started first. Safe to call more than once and from a shutdown hook: a second
     * caller waits for the first one's stop to finish (a JVM that exits as soon as its hooks return would otherwise
     * cut an orderly stop short, e.g. on SIGHUP while Ctrl-C is being handled).
     */
    @Override
    public void close() {
        Deque<Component> toStop;
        synchronized (this) {
            toStop = closed.getAndSet(true) ? null : new ArrayDeque<>(started); // last started first
            started.clear();
        }
        if (toStop == null) {
            awaitStopped();
            return;
        }
        try {
            stopAll(toStop);
        } finally {
            stopped.countDown();
        }
    }

    private void stopAll(Deque<Component> toStop) {
        // an interrupt (Ctrl-C while starting) must not cut the waits for a clean stop short
        boolean interrupted = Thread.interrupted();
        long began = System.nanoTime();
        if (!toStop.isEmpty()) {
            progress.say("Stopping " + toStop.size() + " processes");
        }
        while (!toStop.isEmpty()) {
            Component component = toStop.pop();
            long stopBegan = System.nanoTime();
            if (!component.stopNote().isEmpty()) {
                progress.step(component.name(), "stopping: " + component.stopNote());
            }
            try {
                component.stop();
                progress.step(component.name(), "stopped in " + Progress.took(stopBegan));
            } catch (RuntimeException e) {
                progress.step(component.name(), "did not stop cleanly: " + e.getMessage());
            }
        }
        ChildProcess.stopStragglers(); // a server still starting when a shutdown hook ran close()
        progress.say("Stopped in " + Progress.took(began));
        removeShutdownHook();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitStopped() {
        try {
            stopped.await(3, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: this close() may well be the hook itself
        }
    }
}
