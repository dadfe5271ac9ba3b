package dev.debrief.session.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.catalog.QuestionSnapshot;
import dev.debrief.session.Api;
import dev.debrief.session.CatalogStub;
import dev.debrief.session.SessionInfra;
import dev.debrief.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.debrief.session.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Events of the firm's sessions reach its endpoint through the real topic, signed; a 500 is retried on the
 * schedule, the log shows every attempt, a resend sends again, and no other firm's event is ever owed to it.
 */
@QuarkusTest
@TestProfile(SessionInfra.class)
class WebhookDeliveryTest {

    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    WebhookFanOut fanOut;

    @Test
    void shouldDeliverASignedEventRetryAfterA500AndResendOnRequest() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(500)) {
            Map<String, Object> registered = as(WebhookApiTest.fiona())
                    .body(WebhookApiTest.endpoint(receiver.url(), "session.created")).post("/api/firm/webhooks")
                    .then().statusCode(201).extract().as(Map.class);
            String endpoint = (String) registered.get("id");
            WebhookSecret secret = new WebhookSecret((String) registered.get("secret"));

            QuestionSnapshot q = CatalogStub.stubQuestion("FREE_TEXT");
            String session = Api.coached(Api.coach("colin"), "cara", q);

            // the event travels the real topic to the fan-out; the dispatcher is driven by the test
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                dispatcher.dispatchDue();
                return receiver.received.size() >= 2;
            });

            WebhookReceiver.Received first = receiver.received.get(0);
            WebhookReceiver.Received retry = receiver.received.get(1);
            JsonNode event = Json.mapper().readTree(retry.body());
            assertEquals("dev.debrief.session.created", event.path("type").asText());
            assertEquals(session, event.path("subject").asText());
            assertEquals(Api.FIRM, event.path("tenant").asText());
            assertEquals(first.headers().get("webhook-id"), retry.headers().get("webhook-id"), "one message id across retries");
            for (WebhookReceiver.Received r : receiver.received) {
                assertEquals(WebhookSignature.sign(secret, r.headers().get("webhook-id"),
                        Long.parseLong(r.headers().get("webhook-timestamp")), r.body()), r.headers().get("webhook-signature"));
            }

            String deliveries = "/api/firm/webhooks/" + endpoint + "/deliveries";
            String delivery = as(WebhookApiTest.fiona()).get(deliveries).then().statusCode(200)
                    .body("size()", equalTo(1))
                    .body("[0].status", equalTo("DELIVERED"))
                    .body("[0].attempts.statusCode", equalTo(List.of(500, 200)))
                    .body("[0].eventType", equalTo("session.created"))
                    .extract().path("[0].id");

            as(WebhookApiTest.fiona()).post(deliveries + "/" + delivery + "/resend").then().statusCode(200)
                    .body("status", equalTo("DELIVERED")).body("attempts.size()", equalTo(3))
                    .body("attempts[2].manual", equalTo(true));
            assertEquals(3, receiver.received.size());
            as(WebhookApiTest.seth()).post(deliveries + "/" + delivery + "/resend").then().statusCode(404);
        }
    }

    @Test
    void shouldSignWithBothSecretsDuringARotationsOverlap() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, Object> registered = as(WebhookApiTest.fiona())
                    .body(WebhookApiTest.endpoint(receiver.url(), "session.created")).post("/api/firm/webhooks")
                    .then().statusCode(201).extract().as(Map.class);
            String endpoint = (String) registered.get("id");
            WebhookSecret old = new WebhookSecret((String) registered.get("secret"));
            WebhookSecret next = new WebhookSecret(as(WebhookApiTest.fiona()).post("/api/firm/webhooks/" + endpoint
                    + "/rotate-secret").then().statusCode(200).extract().<String>path("secret"));

            Api.coached(Api.coach("colin"), "cara", CatalogStub.stubQuestion("FREE_TEXT"));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                dispatcher.dispatchDue();
                return !receiver.received.isEmpty();
            });

            WebhookReceiver.Received r = receiver.received.get(0);
            String id = r.headers().get("webhook-id");
            long timestamp = Long.parseLong(r.headers().get("webhook-timestamp"));
            assertEquals(WebhookSignature.sign(next, id, timestamp, r.body()) + " "
                    + WebhookSignature.sign(old, id, timestamp, r.body()), r.headers().get("webhook-signature"));
        }
    }

    @Test
    void shouldOweAFirmNoEventOfAnotherFirmsSession() {
        as(WebhookApiTest.fiona()).body(WebhookApiTest.endpoint("http://localhost:9/hook", "session.created"))
                .post("/api/firm/webhooks").then().statusCode(201);
        String bluefin = Api.selfPractice(TestTokens.token("bo", Api.OTHER_FIRM, "candidate"),
                CatalogStub.stubQuestion("FREE_TEXT"));
        String northwind = Api.selfPractice(Api.candidate("cara"), CatalogStub.stubQuestion("FREE_TEXT"));

        // a well-formed event naming Northwind as its tenant but about Bluefin's session: the session's firm decides
        assertEquals(0, fanOut.accept(event(bluefin, Api.FIRM)));
        assertEquals(0, fanOut.accept(event(bluefin, Api.OTHER_FIRM)));
        assertEquals(0, fanOut.accept(event(northwind, null)));
        assertTrue(fanOut.accept(event(northwind, Api.FIRM)) >= 1);
        long owed = QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.count("tenant = ?1 and payload like ?2",
                Api.FIRM, "%" + bluefin + "%"));
        assertEquals(0, owed);
    }

    private static String event(String sessionId, String tenant) {
        try {
            return Json.mapper().writeValueAsString(new EventEnvelope("1.0", UUID.randomUUID().toString(),
                    EventType.SESSION_CREATED.ceType(), "/debrief/session-service", sessionId, Instant.now(),
                    "application/json", EventType.SESSION_CREATED.dataSchema(), tenant,
                    Json.mapper().createObjectNode().put("sessionId", sessionId)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
