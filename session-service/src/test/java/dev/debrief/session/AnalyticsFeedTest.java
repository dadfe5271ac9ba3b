package dev.debrief.session;

import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Topics;
import dev.debrief.testsupport.KafkaEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.debrief.session.Api.candidate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Analytics reads debrief.analytics.v1: each session event once more, from the same outbox, without its content. */
@QuarkusTest
@TestProfile(SessionInfra.class)
class AnalyticsFeedTest {

    @Test
    void shouldPublishARedactedCopyOfEachSessionEventWithoutTheAnswerText() {
        String cara = candidate("cara");
        String id = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"));
        Api.started(cara, id);
        Api.submit(cara, id, 0, Map.of("text", "a secret answer about churn")).then().statusCode(200);

        List<EventEnvelope> projected = KafkaEvents.read(Topics.ANALYTICS, e -> id.equals(e.subject()), 4,
                Duration.ofSeconds(30));
        List<EventEnvelope> raw = KafkaEvents.read(Topics.SESSIONS, e -> id.equals(e.subject()), 4,
                Duration.ofSeconds(30));

        assertEquals(raw.stream().limit(4).map(EventEnvelope::type).toList(),
                projected.stream().limit(4).map(EventEnvelope::type).toList(), "every session event, in order");
        EventEnvelope answer = projected.stream().filter(e -> e.is(EventType.ANSWER_SUBMITTED)).findFirst().orElseThrow();
        assertEquals(id, answer.data().path("sessionId").asText());
        assertFalse(answer.data().has("text"));
        assertFalse(answer.data().has("prompt"));
        assertFalse(projected.toString().contains("secret answer"), "no candidate content on the analytics topic");
    }
}
