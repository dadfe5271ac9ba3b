package dev.debrief.session.webhooks;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP receiver on loopback that records every request and answers the statuses it is told to. */
final class WebhookReceiver implements AutoCloseable {

    record Received(Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** Answered in turn to the first requests; 200 after. */
    private final List<Integer> statuses;
    private final AtomicInteger served = new AtomicInteger();

    WebhookReceiver(Integer... firstStatuses) throws IOException {
        this.statuses = List.of(firstStatuses);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(Map.of(
                    "webhook-id", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id")),
                    "webhook-timestamp", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-timestamp")),
                    "webhook-signature", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-signature"))), body));
            int n = served.getAndIncrement();
            int status = n < statuses.size() ? statuses.get(n) : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
