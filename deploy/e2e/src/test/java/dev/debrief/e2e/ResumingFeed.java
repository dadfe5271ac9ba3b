package dev.debrief.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A client's live feed of one session that survives faults: it records every timeline entry it is sent and,
 * when its socket drops (a replica killed, the gateway's tunnel cut), connects again through the gateway with
 * {@code ?after=<last seq seen>}, as a browser client does. Anything other than the next seq is recorded as a
 * violation: a repeat, a gap or a reordering.
 */
final class ResumingFeed implements WebSocket.Listener {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    record Entry(long seq, String type) {
    }

    private final int gatewayPort;
    private final String sessionId;
    private final Supplier<String> token;
    private final List<Entry> received = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;
    private volatile WebSocket socket;

    private ResumingFeed(int gatewayPort, String sessionId, Supplier<String> token) {
        this.gatewayPort = gatewayPort;
        this.sessionId = sessionId;
        this.token = token;
    }

    static ResumingFeed open(int gatewayPort, String sessionId, Supplier<String> token) {
        ResumingFeed feed = new ResumingFeed(gatewayPort, sessionId, token);
        feed.connect();
        return feed;
    }

    String sessionId() {
        return sessionId;
    }

    /** Connects with ?after=<last seen>, retrying with backoff while the gateway or every replica is away. */
    private void connect() {
        long backoff = 250;
        while (!closed) {
            try {
                URI uri = URI.create("ws://localhost:" + gatewayPort + "/api/sessions/" + sessionId + "/live?after="
                        + lastSeq() + "&access_token=" + URLEncoder.encode(token.get(), StandardCharsets.UTF_8));
                socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                        .buildAsync(uri, this).get(20, TimeUnit.SECONDS);
                connections.incrementAndGet();
                return;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
                sleep(backoff);
                backoff = Math.min(backoff * 2, 4_000);
            }
        }
    }

    private void reconnectLater() {
        if (!closed) {
            CompletableFuture.runAsync(this::connect, CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                accept(Api.JSON.readTree(partial.toString()));
            } catch (IOException e) {
                record("not JSON: " + partial);
            } finally {
                partial.setLength(0);
            }
        }
        webSocket.request(1);
        return null;
    }

    private void accept(JsonNode message) {
        if (!message.has("seq")) {
            return;
        }
        long seq = message.path("seq").asLong();
        synchronized (received) {
            long expected = lastSeqLocked() + 1;
            if (seq == expected) {
                received.add(new Entry(seq, message.path("type").asText()));
                received.notifyAll();
            } else {
                violations.add("session " + sessionId + ": expected seq " + expected + " but was sent " + seq
                        + " (" + message.path("type").asText() + ")");
            }
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (webSocket == socket) {
            reconnectLater();
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (webSocket == socket) {
            reconnectLater();
        }
    }

    long lastSeq() {
        synchronized (received) {
            return lastSeqLocked();
        }
    }

    private long lastSeqLocked() {
        return received.isEmpty() ? 0 : received.get(received.size() - 1).seq();
    }

    List<Entry> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    List<String> violations() {
        synchronized (received) {
            return List.copyOf(violations);
        }
    }

    private void record(String violation) {
        synchronized (received) {
            violations.add(violation);
        }
    }

    /** How often it connected: 1 when its socket never dropped. */
    int connections() {
        return connections.get();
    }

    void close() {
        closed = true;
        WebSocket open = socket;
        if (open != null) {
            open.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
