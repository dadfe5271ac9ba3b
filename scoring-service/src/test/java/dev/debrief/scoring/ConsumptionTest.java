package dev.debrief.scoring;

import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.Topics;
import dev.debrief.testsupport.EventSchemas;
import dev.debrief.testsupport.KafkaEvents;
import dev.debrief.testsupport.RealInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
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
    void shouldPublishAValidDebriefWhenTheSessionCompletes() {
        UUID sessionId = Sessions.scoredSession("northwind", "erin-" + UUID.randomUUID());

        KafkaEvents.send(Topics.SESSIONS, Sessions.completed(sessionId, "northwind"));

        List<EventEnvelope> events = KafkaEvents.read(Topics.SCORES,
                e -> e.subject().equals(sessionId.toString()) && e.type().endsWith("session-debriefed"), 1, Duration.ofSeconds(30));
        assertEquals(1, events.size());
        assertEquals(List.of(), EventSchemas.violations(Json.mapper().valueToTree(events.get(0))));
    }
}
