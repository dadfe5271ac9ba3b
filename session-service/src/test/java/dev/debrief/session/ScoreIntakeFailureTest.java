package dev.debrief.session;

import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.Topics;
import dev.debrief.contracts.scores.AnswerScored;
import dev.debrief.kit.consumer.DeadLetter;
import dev.debrief.kit.consumer.Redrive;
import dev.debrief.session.answers.AnswerScore;
import dev.debrief.testsupport.KafkaEvents;
import dev.debrief.testsupport.KafkaResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.debrief.session.Api.candidate;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The durable score consumer's failure policy on the real broker and database: the database fails the score's
 * insert through a trigger, transiently (SQLSTATE 40001) a set number of times or for good (P0001).
 */
@QuarkusTest
@TestProfile(SessionInfra.class)
class ScoreIntakeFailureTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EntityManager entityManager;

    @Test
    void shouldRetryATransientFailureAndStoreTheScoreOnce() {
        Answered answered = answered();
        String sequence = "session.attempts_" + answered.answerId.toString().replace("-", "");
        sql("create sequence " + sequence);
        String trigger = failWhen(answered.answerId, "nextval('" + sequence + "') <= 2", "40001");
        try {
            KafkaEvents.send(Topics.SCORES, scored(answered));
            await().atMost(WAIT).until(() -> stored(answered.answerId) == 1);
            // the replica's live subscription tries too (without retries), so at least three attempts
            long attempts = ((Number) QuarkusTransaction.requiringNew().call(() ->
                    entityManager.createNativeQuery("select last_value from " + sequence).getSingleResult())).longValue();
            assertTrue(attempts >= 3, "two failed attempts and the one that committed: " + attempts);
            assertEquals(1, stored(answered.answerId));
            assertEquals(List.of(), deadLetters(answered.sessionId, Duration.ofSeconds(1)));
        } finally {
            stopFailing(trigger);
            sql("drop sequence " + sequence);
        }
    }

    @Test
    void shouldDeadLetterAScoreThatKeepsFailingAndStoreItOnceReDriven() throws Exception {
        Answered answered = answered();
        String trigger = failWhen(answered.answerId, "true", "P0001");
        EventEnvelope score = scored(answered);
        try {
            KafkaEvents.send(Topics.SCORES, score);
            List<ConsumerRecord<String, String>> dead = deadLetters(answered.sessionId, WAIT);
            assertEquals(1, dead.size());
            assertTrue(dead.get(0).value().contains(score.id()));
            assertEquals(Topics.SCORES, KafkaEvents.header(dead.get(0), DeadLetter.TOPIC));
            assertTrue(KafkaEvents.header(dead.get(0), DeadLetter.OFFSET) != null);
            assertTrue(KafkaEvents.header(dead.get(0), DeadLetter.REASON) != null);
            assertEquals(0, stored(answered.answerId));
        } finally {
            stopFailing(trigger);
        }

        assertTrue(Redrive.redrive(KafkaResource.bootstrapServers(), Topics.SCORES_DEAD_LETTERS_SESSION, Duration.ofSeconds(60)) >= 1);
        await().atMost(WAIT).until(() -> stored(answered.answerId) == 1);
    }

    @Test
    void shouldDeadLetterAnUnreadableScore() {
        UUID sessionId = UUID.randomUUID();
        EventEnvelope unreadable = EventEnvelope.of(EventType.ANSWER_SCORED, "/debrief/scoring-service",
                sessionId.toString(), "northwind", Instant.now(),
                Json.mapper().createObjectNode().put("sessionId", sessionId.toString()).put("answerId", "not-a-uuid"));
        KafkaEvents.send(Topics.SCORES, unreadable);
        List<ConsumerRecord<String, String>> dead = deadLetters(sessionId, WAIT);
        assertEquals(1, dead.size());
        assertTrue(dead.get(0).value().contains(unreadable.id()));
    }

    private record Answered(UUID sessionId, UUID answerId) {
    }

    private static Answered answered() {
        String cara = candidate("cara");
        String id = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"));
        Api.started(cara, id);
        String answerId = Api.submit(cara, id, 0, Map.of("text", "my answer")).then().statusCode(200).extract().path("id");
        return new Answered(UUID.fromString(id), UUID.fromString(answerId));
    }

    private static EventEnvelope scored(Answered answered) {
        AnswerScored score = AnswerScored.builder().scoreId(UUID.randomUUID()).answer(answered.sessionId, answered.answerId)
                .question(UUID.randomUUID(), 3).rubric("decision-spine", 1).scorer("auto", "AUTOMATED").overall(3.5)
                .dimensions(List.of(new AnswerScored.DimensionScore("primary-metric", 4,
                        List.of(new AnswerScored.Evidence(0, 2, "my")), "Clear."))).scoredAt(Instant.now()).build();
        return EventEnvelope.of(EventType.ANSWER_SCORED, "/debrief/scoring-service", answered.sessionId.toString(),
                "northwind", Instant.now(), Json.mapper().valueToTree(score));
    }

    private static long stored(UUID answerId) {
        return QuarkusTransaction.requiringNew().call(() -> AnswerScore.count("answerId", answerId));
    }

    private static List<ConsumerRecord<String, String>> deadLetters(UUID sessionId, Duration wait) {
        return KafkaEvents.records(Topics.SCORES_DEAD_LETTERS_SESSION, r -> sessionId.toString().equals(r.key()), 1, wait);
    }

    private String failWhen(UUID answerId, String condition, String sqlState) {
        String name = "fail_" + answerId.toString().replace("-", "_");
        sql("""
                create function session.%1$s() returns trigger language plpgsql as $$
                begin
                  if new.answer_id = '%2$s' and %3$s then
                    raise exception 'test failure of %2$s' using errcode = '%4$s';
                  end if;
                  return new;
                end $$""".formatted(name, answerId, condition, sqlState));
        sql("create trigger %1$s before insert on session.answer_score for each row execute function session.%1$s()".formatted(name));
        return name;
    }

    private void stopFailing(String name) {
        sql("drop trigger if exists %1$s on session.answer_score".formatted(name));
        sql("drop function if exists session.%1$s()".formatted(name));
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(statement).executeUpdate());
    }
}
