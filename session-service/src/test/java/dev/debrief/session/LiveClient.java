package dev.debrief.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.Json;
import io.restassured.RestAssured;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test WebSocket client of the live feed (the JDK's own), collecting the messages it receives. */
final class LiveClient implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static URI uri(String sessionId, String query) {
        return URI.create("ws://localhost:" + RestAssured.port + "/api/sessions/" + sessionId + "/live"
                + (query == null ? "" : "?" + query));
    }

    static LiveClient connect(String token, String sessionId, long after) {
        LiveClient client = new LiveClient();
        client.socket = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(uri(sessionId, "after=" + after), client).join();
        return client;
    }

    static LiveClient connect(WebSocket.Builder builder, URI uri) {
        LiveClient client = new LiveClient();
        client.socket = builder.buildAsync(uri, client).join();
        return client;
    }

    static WebSocket.Builder builder() {
        return HTTP.newWebSocketBuilder();
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next n messages, waiting up to the deadline for each. */
    List<JsonNode> take(int n, Duration wait) throws InterruptedException {
        List<JsonNode> messages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JsonNode next = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (next == null) {
                break;
            }
            messages.add(next);
        }
        return messages;
    }

    JsonNode poll(Duration wait) throws InterruptedException {
        return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                received.add(Json.mapper().readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
}
