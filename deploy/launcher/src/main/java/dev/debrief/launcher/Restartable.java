package dev.debrief.launcher;

import java.util.function.Supplier;

/**
 * One part of the stack under its name, which the fault-injection tests can take away (an orderly stop, or a
 * SIGKILL) and start again from the same starter, with the same ports and data. The stack holds these.
 */
final class Restartable implements Component {

    private final String name;
    private final Supplier<Component> starter;
    private Component current; // null while it is down

    Restartable(String name, Supplier<Component> starter) {
        this.name = name;
        this.starter = starter;
    }

    /** Starts the part (waiting until it is ready) unless it runs already. */
    synchronized void start() {
        if (current == null) {
            current = starter.get();
        }
    }

    synchronized boolean isUp() {
        return current != null;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized String stopNote() {
        return current == null ? "" : current.stopNote();
    }

    @Override
    public synchronized void stop() {
        if (current != null) {
            Component stopping = current;
            current = null;
            stopping.stop();
        }
    }

    @Override
    public synchronized void kill() {
        if (current != null) {
            Component killed = current;
            current = null;
            killed.kill();
        }
    }
}
