package dev.debrief.scoring;

import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.Topics;
import dev.debrief.testsupport.EventSchemas;
import dev.debrief.testsupport.KafkaEvents;
import dev.debrief.testsupport.RealInfra;
import dev.debrief.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Answers arrive through the real broker, are scored once, and leave as answer-scored events. */
@QuarkusTest
@TestProfile(RealInfra.class)
class ConsumptionTest {

    @Test
    void shouldScoreASubmittedAnswerAndPublishAValidAnswerScoredEvent() {
        UUID sessionId = Sessions.scoredSession("northwind", "cara-" + UUID.randomUUID());

        List<EventEnvelope> events = KafkaEvents.read(Topics.SCORES,
                e -> e.subject().equals(sessionId.toString()) && e.type().endsWith("answer-scored"), 1, Duration.ofSeconds(20));
        assertEquals(1, events.size());
        assertEquals(List.of(), EventSchemas.violations(Json.mapper().valueToTree(events.get(0))));
        assertEquals("northwind", events.get(0).tenant());
        assertTrue(events.get(0).data().get("dimensions").size() >= 5);
    }

    @Test
    void shouldChangeNothingWhenTheSameEventIsDeliveredTwice() {
        UUID sessionId = UUID.randomUUID();
        EventEnvelope answer = Sessions.answer(sessionId, "northwind", "dana-" + UUID.randomUUID(), 1, Sessions.STRONG_STORY);
        EventEnvelope marker = Sessions.answer(sessionId, "northwind", "dana", 2, "A later answer in the same session.");

        KafkaEvents.send(Topics.SESSIONS, answer);
        KafkaEvents.send(Topics.SESSIONS, answer);
        KafkaEvents.send(Topics.SESSIONS, marker);
        // the marker is keyed like the others, so once it is scored both copies before it were applied
        await().atMost(Duration.ofSeconds(30)).until(() -> Sessions.scores(sessionId) == 2);

        assertEquals(2, Sessions.scores(sessionId));
        List<EventEnvelope> scored = KafkaEvents.read(Topics.SCORES,
                e -> e.subject().equals(sessionId.toString()) && e.type().endsWith("answer-scored"), 3, Duration.ofSeconds(5));
        assertEquals(2, scored.size());
    }

    @Test
    void shouldRunASqlAnswerInTheSandboxAndExplainHowItDiffersFromTheReference() {
        UUID sessionId = UUID.randomUUID();
        String candidate = "sql-" + UUID.randomUUID();
        String reference = """
                select s.device, count(distinct p.play_id) as plays
                from plays p join sessions s on s.session_id = p.session_id
                join members m on m.member_id = p.member_id
                where not m.is_test_account
                group by s.device""";
        String answer = """
                -- plays per device
                select s.device, count(*) as plays
                from plays p join sessions s on s.member_id = p.member_id
                group by s.device;""";
        KafkaEvents.send(Topics.SESSIONS, Sessions.sqlAnswer(sessionId, "northwind", candidate, answer, reference));
        await().atMost(Duration.ofSeconds(30)).until(() -> Sessions.scores(sessionId) == 1);

        given().auth().oauth2(TestTokens.token(candidate, "northwind", "candidate"))
                .get("/api/scores?sessionId=" + sessionId).then().statusCode(200)
                .body("[0].sql.sandbox.ran", equalTo(true))
                .body("[0].sql.sandbox.matches", equalTo(false))
                .body("[0].sql.sandbox.differences", hasItem(containsString("inflated")))
                .body("[0].sql.traps.code", hasItem("fan-out-join"))
                .body("[0].dimensions.find { it.key == 'result-correctness' }.level", lessThanOrEqualTo(2));
    }

    @Test
    void shouldPublishAValidDebriefWhenTheSessionCompletes() {
        UUID sessionId = Sessions.scoredSession("northwind", "erin-" + UUID.randomUUID());

        KafkaEvents.send(Topics.SESSIONS, Sessions.completed(sessionId, "northwind"));

        List<EventEnvelope> events = KafkaEvents.read(Topics.SCORES,
                e -> e.subject().equals(sessionId.toString()) && e.type().endsWith("session-debriefed"), 1, Duration.ofSeconds(30));
        assertEquals(1, events.size());
        assertEquals(List.of(), EventSchemas.violations(Json.mapper().valueToTree(events.get(0))));
    }

    @Test
    void shouldScoreAStructuredAnswerWithEvidencePointingIntoItsFields() {
        UUID sessionId = UUID.randomUUID();
        String candidate = "metrics-" + UUID.randomUUID();
        KafkaEvents.send(Topics.SESSIONS, Sessions.structuredAnswer(sessionId, "northwind", candidate,
                "Qualified plays, because starts alone are easy to inflate.", """
                {"metrics":[{"name":"7-day qualified play rate","rank":1,"kind":"PRIMARY"},
                            {"name":"Time-to-first-play no more than 10% worse","rank":2,"kind":"GUARDRAIL"}],
                 "decisionThreshold":"Pilot in one region for 3 weeks vs control; ship at +2 points, kill it if plays drop."}"""));

        List<EventEnvelope> events = KafkaEvents.read(Topics.SCORES,
                e -> e.subject().equals(sessionId.toString()) && e.type().endsWith("answer-scored"), 1, Duration.ofSeconds(30));
        assertEquals(1, events.size());
        assertEquals(List.of(), EventSchemas.violations(Json.mapper().valueToTree(events.get(0))));
        given().auth().oauth2(TestTokens.token(candidate, "northwind", "candidate"))
                .get("/api/scores?sessionId=" + sessionId).then().statusCode(200)
                .body("[0].dimensions.find { it.key == 'decision-spine' }.evidence.pointer", hasItem("/metrics/0/name"))
                .body("[0].dimensions.find { it.key == 'decision-spine' }.evidence.quote", hasItem("7-day qualified play rate"))
                .body("[0].dimensions.find { it.key == 'decision-spine' }.level", equalTo(4));
    }

    @Test
    void shouldScoreTheRestOfAPollWhenOneAnswerIsUnreadable() {
        UUID sessionId = UUID.randomUUID();
        EventEnvelope unreadable = EventEnvelope.of(dev.debrief.contracts.EventType.ANSWER_SUBMITTED,
                "/debrief/session-service", sessionId.toString(), "northwind", java.time.Instant.now(),
                Json.mapper().createObjectNode().put("sessionId", sessionId.toString()).put("answerId", "not-a-uuid"));
        KafkaEvents.send(Topics.SESSIONS, unreadable);
        KafkaEvents.send(Topics.SESSIONS, Sessions.answer(sessionId, "northwind", "fay-" + UUID.randomUUID(), 1,
                Sessions.STRONG_STORY));

        await().atMost(Duration.ofSeconds(30)).until(() -> Sessions.scores(sessionId) == 1);
        assertEquals(1, Sessions.scores(sessionId));
    }
}
