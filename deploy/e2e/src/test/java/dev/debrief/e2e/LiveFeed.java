package dev.debrief.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A candidate's live WebSocket on a session, through the gateway, collecting every message in order. */
final class LiveFeed implements WebSocket.Listener, AutoCloseable {

    private final List<JsonNode> messages = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    private LiveFeed(String url, String token) {
        try {
            socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token)
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(url), this)
                    .get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not open the live feed " + url + ": " + e.getMessage(), e);
        }
    }

    static LiveFeed open(int gatewayPort, String sessionId, String token) {
        return new LiveFeed("ws://localhost:" + gatewayPort + "/api/sessions/" + sessionId + "/live", token);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                JsonNode message = Api.JSON.readTree(partial.toString());
                synchronized (messages) {
                    messages.add(message);
                    messages.notifyAll();
                }
            } catch (IOException e) {
                throw new IllegalStateException("not JSON on the live feed: " + partial, e);
            } finally {
                partial.setLength(0);
            }
        }
        webSocket.request(1);
        return null;
    }

    /** Waits until at least {@code count} messages match, and returns every matching one. */
    List<JsonNode> await(Predicate<JsonNode> matching, int count, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (messages) {
            while (true) {
                List<JsonNode> found = messages.stream().filter(matching).toList();
                long left = deadline - System.nanoTime();
                if (found.size() >= count || left <= 0) {
                    return found;
                }
                try {
                    messages.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return found;
                }
            }
        }
    }

    List<JsonNode> ofType(String type, int count, Duration wait) {
        return await(m -> type.equals(m.path("type").asText()), count, wait);
    }

    List<JsonNode> all() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
