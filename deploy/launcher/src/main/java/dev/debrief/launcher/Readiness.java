package dev.debrief.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits until a started server answers. Gives up early when the process dies, and on any failure prints the
 * last lines of its log before throwing, so the reason is on screen without opening the file.
 */
final class Readiness {

    static final int LOG_LINES_ON_FAILURE = 30;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration POLL = Duration.ofMillis(200);

    private final Progress progress;

    Readiness(Progress progress) {
        this.progress = progress;
    }

    void awaitHttpOk(ChildProcess process, URI uri, Duration timeout) {
        await(process, "HTTP 200 from " + uri, timeout, () -> isHttpOk(uri));
    }

    void awaitLogLine(ChildProcess process, String text, Duration timeout) {
        await(process, "'" + text + "' in its log", timeout, () -> logContains(process.log(), text));
    }

    void awaitPort(ChildProcess process, int port, Duration timeout) {
        await(process, "a connection on port " + port, timeout, () -> isListening(port));
    }

    private void await(ChildProcess process, String what, Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw failure(process, process.name() + " stopped before it was ready (log: " + process.log() + ")");
            }
            if (System.nanoTime() > deadline) {
                throw failure(process, process.name() + " was not ready within " + timeout.toSeconds()
                        + " s: no " + what + " (log: " + process.log() + ")");
            }
            sleep(POLL);
        }
    }

    private StackException failure(ChildProcess process, String message) {
        progress.raw("---- last " + LOG_LINES_ON_FAILURE + " lines of " + process.log() + " ----");
        progress.raw(process.tail(LOG_LINES_ON_FAILURE));
        progress.raw("----");
        return new StackException(message);
    }

    static boolean isHttpOk(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for " + uri);
        }
    }

    static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean logContains(Path log, String text) {
        try {
            return Files.exists(log) && new String(Files.readAllBytes(log), StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
