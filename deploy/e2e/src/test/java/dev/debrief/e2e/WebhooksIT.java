package dev.debrief.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks for a firm that runs no Kafka (issue 16, item 4): Northwind's and Summit's firm admins register real
 * HTTP receivers in this test; their sessions' events reach them from the topics through session-service,
 * signed the Standard Webhooks way (checked here with the secret the registration showed, by the spec's
 * recipe, not the service's code), a 500 is retried, the delivery log shows both attempts, and neither
 * receiver ever gets the other firm's events.
 */
class WebhooksIT {

    /** A receiver: records each request, answers 500 to the first one, then 200. */
    static final class Receiver implements AutoCloseable {
        record Received(String id, String timestamp, String signature, String body) {
        }

        final List<Received> received = new CopyOnWriteArrayList<>();
        private final AtomicInteger served = new AtomicInteger();
        private final HttpServer server;

        Receiver(boolean failFirst) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/hook", exchange -> {
                var headers = exchange.getRequestHeaders();
                received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                        headers.getFirst("webhook-signature"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                int status = failFirst && served.getAndIncrement() == 0 ? 500 : 200;
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://localhost:" + server.getAddress().getPort() + "/hook";
        }

        List<JsonNode> events() {
            List<JsonNode> out = new ArrayList<>();
            for (Received r : received) {
                try {
                    out.add(Api.JSON.readTree(r.body()));
                } catch (IOException e) {
                    throw new AssertionError("a delivery that is not JSON: " + r.body(), e);
                }
            }
            return out;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void shouldDeliverEachFirmItsOwnEventsSignedAndRetryAfterA500() throws Exception {
        Api api = SharedStack.gateway();
        RealKeycloak keycloak = SharedStack.keycloak();
        String fiona = keycloak.userToken("fiona");
        String seth = keycloak.userToken("seth");
        String cara = keycloak.userToken("cara");
        String sam = keycloak.userToken("sam");

        try (Receiver northwind = new Receiver(true); Receiver summit = new Receiver(false)) {
            JsonNode nwEndpoint = api.post("/api/firm/webhooks", fiona, Map.of("url", northwind.url(),
                    "eventTypes", List.of("session.created"))).expect(201).json();
            JsonNode smEndpoint = api.post("/api/firm/webhooks", seth, Map.of("url", summit.url(),
                    "eventTypes", List.of("session.created"))).expect(201).json();
            String secret = nwEndpoint.path("secret").asText();

            String question = api.get("/api/questions?category=BEHAVIORAL&size=1", cara).expect(200).json()
                    .path("items").path(0).path("id").asText();
            String nwSession = api.post("/api/sessions", cara, Map.of("mode", "SELF_PRACTICE",
                    "questions", List.of(Map.of("id", question)))).expect(201).json().path("id").asText();
            String smSession = api.post("/api/sessions", sam, Map.of("mode", "SELF_PRACTICE",
                    "questions", List.of(Map.of("id", question)))).expect(201).json().path("id").asText();

            // Northwind's receiver: the creation, refused once with 500, then the retry
            await("Northwind's receiver gets its session's creation twice (a 500, then the retry)",
                    () -> northwind.events().stream().filter(e -> nwSession.equals(e.path("subject").asText())).count() >= 2);
            await("Summit's receiver gets its session's creation",
                    () -> summit.events().stream().anyMatch(e -> smSession.equals(e.path("subject").asText())));

            List<WebhooksIT.Receiver.Received> mine = northwind.received.stream()
                    .filter(r -> r.body().contains(nwSession)).toList();
            assertEquals(mine.get(0).id(), mine.get(1).id(), "a retry keeps its webhook-id");
            for (Receiver.Received r : northwind.received) {
                assertTrue(signedBy(secret, r), "signature of " + r.id() + " verifies with the secret shown at registration");
            }
            for (JsonNode event : northwind.events()) {
                assertEquals("northwind", event.path("tenant").asText(), "Northwind received " + event);
                assertEquals("dev.debrief.session.created", event.path("type").asText());
            }
            for (JsonNode event : summit.events()) {
                assertEquals("summit", event.path("tenant").asText(), "Summit received " + event);
            }
            assertTrue(summit.received.stream().noneMatch(r -> r.body().contains(nwSession)));

            // the log: one delivery of the creation, two attempts, 500 then 200
            String log = "/api/firm/webhooks/" + nwEndpoint.path("id").asText() + "/deliveries";
            JsonNode delivery = null;
            for (JsonNode d : api.get(log, fiona).expect(200).json()) {
                if (d.path("webhookId").asText().equals(mine.get(0).id())) {
                    delivery = d;
                }
            }
            assertTrue(delivery != null, "the delivery is in the log");
            assertEquals("DELIVERED", delivery.path("status").asText());
            assertEquals(500, delivery.path("attempts").path(0).path("statusCode").asInt());
            assertEquals(200, delivery.path("attempts").path(1).path("statusCode").asInt());
            // another firm's admin cannot read it
            api.get(log, seth).expect(404);

            api.send("DELETE", "/api/firm/webhooks/" + nwEndpoint.path("id").asText(), fiona, null, null).expect(204);
            api.send("DELETE", "/api/firm/webhooks/" + smEndpoint.path("id").asText(), seth, null, null).expect(204);
        }
    }

    /** The Standard Webhooks check, as a receiver does it: HMAC-SHA256 of id.timestamp.body with the decoded key. */
    private static boolean signedBy(String secret, Receiver.Received r) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
        return List.of(r.signature().split(" ")).contains(expected);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 90 s: " + what);
            }
            Thread.sleep(200);
        }
    }
}
