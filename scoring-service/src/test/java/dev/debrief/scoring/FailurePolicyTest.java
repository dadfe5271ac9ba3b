package dev.debrief.scoring;

import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.Topics;
import dev.debrief.kit.consumer.DeadLetter;
import dev.debrief.kit.consumer.Redrive;
import dev.debrief.testsupport.KafkaEvents;
import dev.debrief.testsupport.KafkaResource;
import dev.debrief.testsupport.RealInfra;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consumer's failure policy on the real broker and database. Failures are made by the database itself: a
 * trigger on the answer table raises a transient SQLSTATE (40001, serialisation failure) a set number of times, or
 * a non-transient one (P0001) for an answer holding a marker, as a poison answer would.
 */
@QuarkusTest
@TestProfile(RealInfra.class)
class FailurePolicyTest {

    @Inject
    EntityManager entityManager;

    @Test
    void shouldRetryATransientFailureAndScoreTheAnswerOnce() {
        String marker = "transient-" + UUID.randomUUID();
        String sequence = "scoring.attempts_" + marker.substring(10).replace("-", "");
        sql("create sequence " + sequence);
        failWhen(marker, "nextval('" + sequence + "') <= 2", "40001");
        try {
            UUID sessionId = UUID.randomUUID();
            KafkaEvents.send(Topics.SESSIONS, Sessions.answer(sessionId, "northwind", "tia", 1, Sessions.STRONG_STORY + " " + marker));

            await().atMost(Duration.ofSeconds(30)).until(() -> Sessions.scores(sessionId) == 1);
            assertEquals(3L, ((Number) QuarkusTransaction.requiringNew().call(() ->
                    entityManager.createNativeQuery("select last_value from " + sequence).getSingleResult())).longValue(),
                    "two failed attempts and the one that committed");
            assertEquals(1, KafkaEvents.read(Topics.SCORES, e -> e.subject().equals(sessionId.toString())
                    && e.type().endsWith("answer-scored"), 2, Duration.ofSeconds(3)).size());
            assertEquals(List.of(), deadLetters(sessionId, 1, Duration.ofSeconds(1)));
        } finally {
            stopFailing(marker);
            sql("drop sequence " + sequence);
        }
    }

    @Test
    void shouldDeadLetterAPoisonAnswerWithItsErrorAndCoordinatesAndScoreTheRestOfThePoll() throws Exception {
        String marker = "poison-" + UUID.randomUUID();
        failWhen(marker, "true", "P0001");
        UUID sessionId = UUID.randomUUID();
        EventEnvelope poison = Sessions.answer(sessionId, "northwind", "pia", 1, Sessions.STRONG_STORY + " " + marker);
        try {
            KafkaEvents.send(Topics.SESSIONS, poison);
            KafkaEvents.send(Topics.SESSIONS, Sessions.answer(sessionId, "northwind", "pia", 2, Sessions.STRONG_STORY));

            List<ConsumerRecord<String, String>> dead = deadLetters(sessionId, 1, Duration.ofSeconds(30));
            assertEquals(1, dead.size());
            ConsumerRecord<String, String> letter = dead.get(0);
            assertTrue(letter.value().contains(poison.id()), "the original record, unchanged");
            assertEquals(Topics.SESSIONS, KafkaEvents.header(letter, DeadLetter.TOPIC));
            assertNotNull(KafkaEvents.header(letter, DeadLetter.PARTITION));
            assertNotNull(KafkaEvents.header(letter, DeadLetter.OFFSET));
            String error = KafkaEvents.header(letter, DeadLetter.REASON) + " / " + KafkaEvents.header(letter, DeadLetter.CAUSE);
            assertTrue(error.contains(marker), error);
            await().atMost(Duration.ofSeconds(30)).until(() -> Sessions.scores(sessionId) == 1);
        } finally {
            stopFailing(marker);
        }

        // the cause is fixed (the trigger is gone): a re-drive puts the answer back and it is scored, once
        int redriven = Redrive.redrive(KafkaResource.bootstrapServers(), Topics.SESSIONS_DEAD_LETTERS_SCORING, Duration.ofSeconds(60));
        assertTrue(redriven >= 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> Sessions.scores(sessionId) == 2);
        assertEquals(2, KafkaEvents.read(Topics.SCORES, e -> e.subject().equals(sessionId.toString())
                && e.type().endsWith("answer-scored"), 3, Duration.ofSeconds(3)).size());
    }

    @Test
    void shouldDeadLetterARecordThatIsNotAnEvent() {
        UUID sessionId = UUID.randomUUID();
        KafkaEvents.sendRaw(Topics.SESSIONS, sessionId.toString(), "{not json");
        List<ConsumerRecord<String, String>> dead = deadLetters(sessionId, 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertEquals("{not json", dead.get(0).value());
    }

    private static List<ConsumerRecord<String, String>> deadLetters(UUID sessionId, int atLeast, Duration wait) {
        return KafkaEvents.records(Topics.SESSIONS_DEAD_LETTERS_SCORING, r -> sessionId.toString().equals(r.key()), atLeast, wait);
    }

    private void failWhen(String marker, String condition, String sqlState) {
        String name = "fail_" + marker.replace("-", "_");
        sql("""
                create function scoring.%1$s() returns trigger language plpgsql as $$
                begin
                  if new.text like '%%%2$s%%' and %3$s then
                    raise exception 'test failure %2$s' using errcode = '%4$s';
                  end if;
                  return new;
                end $$""".formatted(name, marker, condition, sqlState));
        sql("create trigger %1$s before insert on scoring.answer for each row execute function scoring.%1$s()".formatted(name));
    }

    private void stopFailing(String marker) {
        String name = "fail_" + marker.replace("-", "_");
        sql("drop trigger if exists %1$s on scoring.answer".formatted(name));
        sql("drop function if exists scoring.%1$s()".formatted(name));
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(statement).executeUpdate());
    }
}
