package dev.debrief.launcher;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines stamped with the seconds since the stack began to start: "[  12.3 s] Keycloak ready". */
public final class Progress {

    private final PrintStream out;
    private final long startNanos = System.nanoTime();

    public Progress(PrintStream out) {
        this.out = out;
    }

    public void say(String message) {
        out.printf(Locale.ROOT, "[%6.1f s] %s%n", seconds(startNanos), message);
        out.flush();
    }

    /** A line about one part of the stack, its name in a column: "[   3.9 s] Kafka            ready in 3.2 s". */
    public void step(String part, String message) {
        say(String.format(Locale.ROOT, "%-18s%s", part, message));
    }

    /** Prints text as it is, for the banner and log tails. */
    public void raw(String text) {
        out.println(text);
        out.flush();
    }

    public long now() {
        return System.nanoTime();
    }

    public static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    public static String took(long sinceNanos) {
        return String.format(Locale.ROOT, "%.1f s", seconds(sinceNanos));
    }
}
