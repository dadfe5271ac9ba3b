package dev.debrief.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.Topics;
import dev.debrief.contracts.scores.AnswerScored;
import dev.debrief.session.answers.AnswerScore;
import dev.debrief.session.live.LiveHub;
import dev.debrief.testsupport.KafkaEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static dev.debrief.session.Api.as;
import static dev.debrief.session.Api.candidate;
import static dev.debrief.session.Api.coach;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

@QuarkusTest
@TestProfile(SessionInfra.class)
class LiveFeedTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    KafkaClientService kafka;

    @Inject
    EntityManager entityManager;

    @Inject
    LiveHub hub;

    @BeforeEach
    void liveGroupsReading() {
        LiveGroups.awaitReading(kafka);
    }

    @Test
    void shouldDeliverEveryChangeInOrderWithItsSequenceNumber() throws Exception {
        String sam = coach("sam");
        String id = Api.coached(sam, "cara", CatalogStub.stubQuestion("FREE_TEXT"));
        try (LiveClient cara = LiveClient.connect(candidate("cara"), id, 0)) {
            assertEquals("created", cara.take(1, WAIT).get(0).path("type").asText());
            Api.started(sam, id);
            as(sam).body(Map.of("text", "What if that data was noisy?")).post("/api/sessions/" + id + "/follow-ups")
                    .then().statusCode(201);
            Api.submit(candidate("cara"), id, 0, Map.of("text", "dedupe first")).then().statusCode(200);

            List<JsonNode> messages = cara.take(4, WAIT);
            assertEquals(List.of("started", "question-asked", "follow-up-asked", "answer-submitted"),
                    messages.stream().map(m -> m.path("type").asText()).toList());
            assertEquals(List.of(2L, 3L, 4L, 5L), messages.stream().map(m -> m.path("seq").asLong()).toList());
            assertEquals("What if that data was noisy?", messages.get(2).path("data").path("prompt").asText());
            assertEquals("coach:sam", messages.get(2).path("actor").asText());
        }
    }

    @Test
    void shouldSendWhatWasMissedWhenAClientReconnectsWithItsLastSequence() throws Exception {
        String sam = coach("sam");
        String id = Api.coached(sam, "cara", CatalogStub.stubQuestion("FREE_TEXT"));
        Api.started(sam, id); // seq 1 created, 2 started, 3 question-asked
        long lastSeen;
        try (LiveClient first = LiveClient.connect(candidate("cara"), id, 0)) {
            lastSeen = first.take(3, WAIT).get(2).path("seq").asLong();
        }
        for (int i = 0; i < 5; i++) {
            as(sam).body(Map.of("text", "probe " + i)).post("/api/sessions/" + id + "/follow-ups").then().statusCode(201);
        }
        try (LiveClient again = LiveClient.connect(candidate("cara"), id, lastSeen)) {
            List<JsonNode> missed = again.take(5, WAIT);
            assertEquals(List.of(4L, 5L, 6L, 7L, 8L), missed.stream().map(m -> m.path("seq").asLong()).toList());
            as(sam).body(Map.of("text", "live again")).post("/api/sessions/" + id + "/follow-ups").then().statusCode(201);
            assertEquals(9L, again.poll(WAIT).path("seq").asLong());
            again.send("{\"after\": 7}");
            assertEquals(List.of(8L, 9L), again.take(2, WAIT).stream().map(m -> m.path("seq").asLong()).toList());
            assertNull(again.poll(Duration.ofMillis(500)), "nothing is sent twice");
        }
    }

    /**
     * Another replica's change: its commit (a timeline entry written straight to the shared database) and its
     * outbox event on Kafka. With the periodic sweep off in tests, only this replica's own consumer group on
     * debrief.sessions.v1 can deliver it.
     */
    @Test
    void shouldDeliverAChangeCommittedByAnotherReplicaThroughKafka() throws Exception {
        String id = Api.selfPractice(candidate("cara"), CatalogStub.stubQuestion("FREE_TEXT"));
        try (LiveClient cara = LiveClient.connect(candidate("cara"), id, 0)) {
            assertEquals(1L, cara.poll(WAIT).path("seq").asLong()); // the socket's first read is done
            UUID session = UUID.fromString(id);
            Instant now = Instant.now();
            Map<String, Object> data = Map.of("sessionId", id, "questionIndex", 0, "prompt", "from replica B");
            String json = Json.mapper().writeValueAsString(data);
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("update interview_session set last_seq = 2 where id = :id")
                        .setParameter("id", session).executeUpdate();
                entityManager.createNativeQuery("""
                        insert into timeline_entry (session_id, seq, type, actor, at, data)
                        values (:id, 2, 'follow-up-asked', 'coach:replica-b', :at, :data)""")
                        .setParameter("id", session).setParameter("at", now)
                        .setParameter("data", json).executeUpdate();
            });
            assertNull(cara.poll(Duration.ofSeconds(1)), "no local nudge: the entry came from elsewhere");

            KafkaEvents.send(Topics.SESSIONS, EventEnvelope.of(EventType.FOLLOW_UP_ASKED, "/debrief/session-service",
                    id, "northwind", now, Json.mapper().valueToTree(data)));

            JsonNode delivered = cara.poll(WAIT);
            assertNotNull(delivered);
            assertEquals(2L, delivered.path("seq").asLong());
            assertEquals("from replica B", delivered.path("data").path("prompt").asText());
        }
    }

    @Test
    void shouldCatchUpAMissedNudgeOnTheSweep() throws Exception {
        String id = Api.selfPractice(candidate("cara"), CatalogStub.stubQuestion("FREE_TEXT"));
        try (LiveClient cara = LiveClient.connect(candidate("cara"), id, 0)) {
            assertEquals(1L, cara.poll(WAIT).path("seq").asLong()); // the socket's first read is done
            commitElsewhere(UUID.fromString(id), "no Kafka event for this one");
            assertNull(cara.poll(Duration.ofSeconds(1)), "nothing nudged this replica");

            hub.sweep();

            JsonNode delivered = cara.poll(WAIT);
            assertNotNull(delivered);
            assertEquals(2L, delivered.path("seq").asLong());
        }
    }

    private void commitElsewhere(UUID session, String prompt) throws Exception {
        String json = Json.mapper().writeValueAsString(Map.of("sessionId", session.toString(), "questionIndex", 0,
                "prompt", prompt));
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("update interview_session set last_seq = 2 where id = :id")
                    .setParameter("id", session).executeUpdate();
            entityManager.createNativeQuery("""
                    insert into timeline_entry (session_id, seq, type, actor, at, data)
                    values (:id, 2, 'follow-up-asked', 'coach:replica-b', :at, :data)""")
                    .setParameter("id", session).setParameter("at", Instant.now())
                    .setParameter("data", json).executeUpdate();
        });
    }

    @Test
    void shouldStoreAScoreOnceAndPushItLive() throws Exception {
        String cara = candidate("cara");
        String id = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"));
        Api.started(cara, id);
        String answerId = Api.submit(cara, id, 0, Map.of("text", "my answer")).then().statusCode(200)
                .extract().path("id");
        try (LiveClient live = LiveClient.connect(cara, id, 4)) {
            AnswerScored score = new AnswerScored(UUID.randomUUID(), UUID.fromString(id), UUID.fromString(answerId),
                    UUID.randomUUID(), 3, "decision-spine", 1, "auto", "AUTOMATED", 3.5,
                    List.of(new AnswerScored.DimensionScore("primary-metric", 4,
                            List.of(new AnswerScored.Evidence(0, 2, "my")), "Clear.")), Instant.now());
            EventEnvelope envelope = EventEnvelope.of(EventType.ANSWER_SCORED, "/debrief/scoring-service", id,
                    "northwind", Instant.now(), Json.mapper().valueToTree(score));
            KafkaEvents.send(Topics.SCORES, envelope);
            KafkaEvents.send(Topics.SCORES, envelope); // redelivered

            JsonNode pushed = live.poll(WAIT);
            assertNotNull(pushed);
            assertEquals("answer-scored", pushed.path("type").asText());
            assertEquals(3.5, pushed.path("data").path("overall").asDouble());
            await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                    .call(() -> AnswerScore.count("answerId", UUID.fromString(answerId))) == 1);
            assertNull(live.poll(Duration.ofSeconds(2)), "a redelivered score is not pushed twice");
            as(cara).get("/api/sessions/" + id + "/questions/0/answer").then().statusCode(200)
                    .body("scores.size()", org.hamcrest.Matchers.equalTo(1));
        }
    }

    @Test
    void shouldRefuseUpgradesWithoutATokenOrForASessionNotVisible() {
        String id = Api.selfPractice(candidate("cara"), CatalogStub.stubQuestion("FREE_TEXT"));
        assertEquals(401, refusedStatus(() -> LiveClient.connect(LiveClient.builder(), LiveClient.uri(id, null))));
        assertEquals(404, refusedStatus(() -> LiveClient.connect(candidate("mallory"), id, 0)));
        assertEquals(404, refusedStatus(() -> LiveClient.connect(candidate("cara"), UUID.randomUUID().toString(), 0)));
        assertEquals(403, refusedStatus(() -> LiveClient.connect(
                dev.debrief.testsupport.TestTokens.token("nina", Api.FIRM, "analyst"), id, 0)));
    }

    @Test
    void shouldAcceptTheTokenFromAQueryParameterOrASubprotocolAsBrowsersSendIt() throws Exception {
        String token = candidate("cara");
        String id = Api.selfPractice(token, CatalogStub.stubQuestion("FREE_TEXT"));
        try (LiveClient byQuery = LiveClient.connect(LiveClient.builder(), LiveClient.uri(id, "access_token=" + token))) {
            assertEquals("created", byQuery.poll(WAIT).path("type").asText());
        }
        String carrier = "quarkus-http-upgrade#Authorization#" + URLEncoder.encode("Bearer " + token,
                StandardCharsets.UTF_8);
        try (LiveClient byProtocol = LiveClient.connect(LiveClient.builder().subprotocols("bearer-token-carrier", carrier),
                LiveClient.uri(id, null))) {
            assertEquals("created", byProtocol.poll(WAIT).path("type").asText());
        }
    }

    private static int refusedStatus(Runnable connect) {
        CompletionException e = assertThrows(CompletionException.class, connect::run);
        return assertInstanceOf(WebSocketHandshakeException.class, e.getCause()).getResponse().statusCode();
    }
}
