package dev.debrief.session;

import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Topics;
import dev.debrief.kit.outbox.Outbox;
import dev.debrief.session.lifecycle.InterviewSession;
import dev.debrief.session.lifecycle.SessionMode;
import dev.debrief.testsupport.KafkaEvents;
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

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The foundation works: real PostgreSQL through Panache, real Kafka through the outbox, token checks. */
@QuarkusTest
@TestProfile(SessionInfra.class)
class WiringTest {

    @Inject
    Outbox outbox;

    @Test
    void shouldPersistAndListTheCandidatesOwnSessionsOnly() {
        UUID mine = persistSession(TestTokens.subjectOf("cara"));
        UUID theirs = persistSession(TestTokens.subjectOf("sam"));

        given().auth().oauth2(TestTokens.token("cara", "northwind", "candidate"))
                .get("/api/sessions")
                .then().statusCode(200)
                .body("id", hasItem(mine.toString()))
                .body("id", not(hasItem(theirs.toString())));
    }

    @Test
    void shouldProduceAndConsumeAnEventThroughTheRealBroker() {
        UUID sessionId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(EventType.SESSION_CREATED, sessionId, "northwind",
                Map.of("sessionId", sessionId)));

        List<EventEnvelope> events = KafkaEvents.read(Topics.SESSIONS, e -> sessionId.toString().equals(e.subject()),
                1, Duration.ofSeconds(20));
        assertEquals(1, events.size());
        assertEquals("northwind", events.get(0).tenant());
    }

    @Test
    void shouldNotPublishAnEventWhoseTransactionRolledBack() {
        UUID sessionId = UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish(EventType.SESSION_CREATED, sessionId, null, Map.of("sessionId", sessionId));
            throw new IllegalStateException("the change fails after the event was recorded");
        }));

        assertEquals(0, KafkaEvents.read(Topics.SESSIONS, e -> sessionId.toString().equals(e.subject()), 1,
                Duration.ofSeconds(3)).size());
    }

    @Test
    void shouldRefuseACallWithoutAToken() {
        given().get("/api/sessions").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseTheWrongRole() {
        given().auth().oauth2(TestTokens.token("nina", "northwind", "analyst"))
                .get("/api/sessions")
                .then().statusCode(403).contentType("application/problem+json");
    }

    private static UUID persistSession(String candidate) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            InterviewSession session = InterviewSession.schedule(null, candidate, null, null, null,
                    SessionMode.SELF_PRACTICE, null, Instant.now());
            session.id = id;
            session.persist();
        });
        return id;
    }
}
