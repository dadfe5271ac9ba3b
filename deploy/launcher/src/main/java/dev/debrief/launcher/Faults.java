package dev.debrief.launcher;

import java.util.List;
import java.util.Map;

/**
 * What a fault-injection test does to a running stack, by part name ("PostgreSQL", "Kafka", "Keycloak",
 * "question-service", "scoring-service", "session-service", "session-service-2", "gateway"): stop a part in
 * order, kill it with SIGKILL as a crash would, and start it again on the same ports and data, waiting until it
 * is ready. Whatever is down when the stack closes stays down; the rest stops as usual.
 */
public final class Faults {

    private final Map<String, Restartable> parts;

    Faults(Map<String, Restartable> parts) {
        this.parts = parts;
    }

    public List<String> parts() {
        return List.copyOf(parts.keySet());
    }

    /** An orderly stop (SIGTERM, then SIGKILL after the part's grace period; pg_ctl stop -m fast for PostgreSQL). */
    public void stop(String part) {
        part(part).stop();
    }

    /** SIGKILL to the part's process tree: no shutdown hook, no graceful close of connections or consumers. */
    public void kill(String part) {
        part(part).kill();
    }

    /** Starts a stopped or killed part again and waits until it is ready (a service's readiness check answers 200). */
    public void start(String part) {
        part(part).start();
    }

    public void restart(String part) {
        stop(part);
        start(part);
    }

    public boolean isUp(String part) {
        return part(part).isUp();
    }

    private Restartable part(String name) {
        Restartable part = parts.get(name);
        if (part == null) {
            throw new IllegalArgumentException("no part " + name + " in this stack; there are " + parts.keySet());
        }
        return part;
    }
}
