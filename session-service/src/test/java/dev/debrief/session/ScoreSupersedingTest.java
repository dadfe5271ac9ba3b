package dev.debrief.session;

import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.Topics;
import dev.debrief.contracts.scores.AnswerScored;
import dev.debrief.session.answers.AnswerScore;
import dev.debrief.testsupport.KafkaEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.debrief.session.Api.candidate;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A re-score by a newer scorer version names the score it supersedes: the answer keeps the newer one only. */
@QuarkusTest
@TestProfile(SessionInfra.class)
class ScoreSupersedingTest {

    @Test
    void shouldKeepOnlyTheNewerScoreWhenARescoreSupersedesTheFirst() {
        String cara = candidate("cara");
        String id = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"));
        Api.started(cara, id);
        UUID answerId = UUID.fromString(Api.submit(cara, id, 0, Map.of("text", "my answer")).then().statusCode(200)
                .extract().path("id"));
        UUID sessionId = UUID.fromString(id);
        UUID first = UUID.randomUUID();
        KafkaEvents.send(Topics.SCORES, scored(sessionId, answerId, first, "automated:semantic-0", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> scoreIds(answerId).equals(List.of(first)));

        UUID second = UUID.randomUUID();
        KafkaEvents.send(Topics.SCORES, scored(sessionId, answerId, second, "automated:semantic-1", first));
        await().atMost(Duration.ofSeconds(30)).until(() -> scoreIds(answerId).equals(List.of(second)));
        assertEquals(List.of(second), scoreIds(answerId));
    }

    private static EventEnvelope scored(UUID sessionId, UUID answerId, UUID scoreId, String scorer, UUID supersedes) {
        AnswerScored score = AnswerScored.builder().scoreId(scoreId).answer(sessionId, answerId).question(UUID.randomUUID(), 3)
                .rubric("behavioral-story", 1).scorer(scorer, "AUTOMATED").overall(2.0)
                .dimensions(List.of(new AnswerScored.DimensionScore("story-structure", 2,
                        List.of(new AnswerScored.Evidence(0, 2, "my")), "Say what you did.")))
                .scoredAt(Instant.now()).supersedes(supersedes).build();
        return EventEnvelope.of(EventType.ANSWER_SCORED, "/debrief/scoring-service", sessionId.toString(), "northwind",
                Instant.now(), Json.mapper().valueToTree(score));
    }

    private static List<UUID> scoreIds(UUID answerId) {
        return QuarkusTransaction.requiringNew().call(() -> AnswerScore.ofAnswer(answerId).stream()
                .map(s -> s.scoreId).toList());
    }
}
