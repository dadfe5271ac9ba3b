package dev.debrief.session;

import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Topics;
import dev.debrief.session.interjections.SelfPracticeInterviewer;
import dev.debrief.session.lifecycle.IdleExpiry;
import dev.debrief.testsupport.KafkaEvents;
import dev.debrief.testsupport.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;

import static dev.debrief.session.Api.as;
import static dev.debrief.session.Api.candidate;
import static dev.debrief.session.Api.coach;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Interjections by the coach and by the session itself, and the idle job, all on the test's clock. */
@QuarkusTest
@TestProfile(SessionInfra.class)
class InterjectionTest {

    @Inject
    MutableClock clock;

    @Inject
    SelfPracticeInterviewer selfPractice;

    @Inject
    IdleExpiry idleExpiry;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldTimestampACoachsFollowUpAndConstraintOnTheAnswersClock() {
        clock.freeze();
        String sam = coach("sam");
        String id = Api.coached(sam, "cara", CatalogStub.stubQuestion("FREE_TEXT"));
        Api.started(sam, id);
        clock.advance(Duration.ofSeconds(42));

        as(sam).body(Map.of("text", "What if that data was noisy?")).post("/api/sessions/" + id + "/follow-ups")
                .then().statusCode(201).body("type", equalTo("follow-up-asked"))
                .body("data.atSecond", equalTo(42)).body("data.source", equalTo("INTERVIEWER"))
                .body("actor", equalTo("coach:sam"));
        clock.advance(Duration.ofSeconds(8));
        as(sam).body(Map.of("text", "No retention data past 7 days.")).post("/api/sessions/" + id + "/constraints")
                .then().statusCode(201).body("type", equalTo("constraint-introduced")).body("data.atSecond", equalTo(50));

        EventEnvelope event = KafkaEvents.read(Topics.SESSIONS,
                e -> id.equals(e.subject()) && e.is(EventType.CONSTRAINT_INTRODUCED), 1, Duration.ofSeconds(20)).get(0);
        SessionCreationTest.assertNoViolations(event);
    }

    @Test
    void shouldLetOnlyTheSessionsCoachInterject() {
        String sam = coach("sam");
        String id = Api.coached(sam, "cara", CatalogStub.stubQuestion("FREE_TEXT"));
        Api.started(sam, id);
        as(candidate("cara")).body(Map.of("text", "I ask myself")).post("/api/sessions/" + id + "/follow-ups")
                .then().statusCode(403);
        as(coach("other-coach")).body(Map.of("text", "hi")).post("/api/sessions/" + id + "/follow-ups")
                .then().statusCode(404);
        as(sam).body(Map.of("text", "")).post("/api/sessions/" + id + "/follow-ups")
                .then().statusCode(400).body("errors[0].field", equalTo("text"));
    }

    @Test
    void shouldRefuseAnInterjectionWhenNoAnswerIsOpen() {
        String sam = coach("sam");
        String id = Api.coached(sam, "cara", CatalogStub.stubQuestion("FREE_TEXT"));
        as(sam).body(Map.of("text", "too early")).post("/api/sessions/" + id + "/follow-ups").then().statusCode(409);
    }

    @Test
    void shouldInterjectInSelfPracticeAtTheMomentsTheQuestionDefines() {
        clock.freeze();
        String cara = candidate("cara");
        String id = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT")); // follow-up at 30 s, constraint at 60 s
        Api.started(cara, id);

        clock.advance(Duration.ofSeconds(29));
        selfPractice.tick();
        assertEquals(0, interjections(cara, id).size());

        clock.advance(Duration.ofSeconds(1));
        selfPractice.tick();
        as(cara).get("/api/sessions/" + id + "/timeline").then()
                .body("findAll { it.type == 'follow-up-asked' }", hasSize(1))
                .body("find { it.type == 'follow-up-asked' }.data.atSecond", equalTo(30))
                .body("find { it.type == 'follow-up-asked' }.actor", equalTo("system:self-practice"));

        // paused time does not count: the constraint at 60 s comes 30 running seconds later
        Api.transition(cara, id, "pause").then().statusCode(200);
        clock.advance(Duration.ofMinutes(5));
        selfPractice.tick();
        Api.transition(cara, id, "resume").then().statusCode(200);
        clock.advance(Duration.ofSeconds(29));
        selfPractice.tick();
        assertEquals(1, interjections(cara, id).size());
        clock.advance(Duration.ofSeconds(1));
        selfPractice.tick();
        selfPractice.tick();
        List<Map<String, Object>> fired = interjections(cara, id);
        assertEquals(2, fired.size());
        assertEquals("constraint-introduced", fired.get(1).get("type"));
    }

    @Test
    void shouldExpireSessionsLeftIdleAndSpareActiveOnes() {
        clock.freeze();
        String cara = candidate("cara");
        String idle = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"));
        Api.started(cara, idle);
        String idlePaused = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"));
        Api.started(cara, idlePaused);
        Api.transition(cara, idlePaused, "pause").then().statusCode(200);
        String idleScheduled = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"));
        clock.advance(Duration.ofMinutes(119));
        String active = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"));
        clock.advance(Duration.ofMinutes(2));

        idleExpiry.expireIdle();

        as(cara).get("/api/sessions/" + idle).then().body("status", equalTo("EXPIRED"));
        as(cara).get("/api/sessions/" + idlePaused).then().body("status", equalTo("EXPIRED"));
        as(cara).get("/api/sessions/" + idleScheduled).then().body("status", equalTo("EXPIRED"));
        as(cara).get("/api/sessions/" + active).then().body("status", equalTo("SCHEDULED"));
        Api.transition(cara, idle, "resume").then().statusCode(409);
        EventEnvelope expired = KafkaEvents.read(Topics.SESSIONS,
                e -> idle.equals(e.subject()) && e.is(EventType.SESSION_EXPIRED), 1, Duration.ofSeconds(20)).get(0);
        SessionCreationTest.assertNoViolations(expired);
        assertEquals("IN_PROGRESS", expired.data().path("previousStatus").asText());
    }

    /**
     * Writers racing on one session, its panel seated: each waits on the session's row lock in turn. Loading the
     * session with a pessimistic lock used to make Hibernate lock the joined panel in a follow-on query, which
     * threw (500) when writers overlapped.
     */
    @Test
    void shouldSerialiseConcurrentInterjectionsOnOneSessionWithoutAnError() throws Exception {
        String colin = coach("colin");
        String pia = TestDirectory.join(Api.FIRM, "pia", "coach");
        String id = Api.coached(colin, "cara", CatalogStub.stubQuestion("FREE_TEXT"));
        as(colin).body(Map.of("coaches", List.of(pia))).put("/api/sessions/" + id + "/panel").then().statusCode(200);
        Api.started(colin, id);

        int writers = 6;
        int each = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<List<Integer>>> statuses = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                statuses.add(pool.submit(() -> {
                    List<Integer> codes = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        codes.add(as(colin).body(Map.of("text", "Follow-up " + writer + "." + i))
                                .post("/api/sessions/" + id + "/follow-ups").statusCode());
                    }
                    return codes;
                }));
            }
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> f : statuses) {
                all.addAll(f.get(2, TimeUnit.MINUTES));
            }
            assertEquals(Collections.nCopies(writers * each, 201), all);
        } finally {
            pool.shutdownNow();
        }
        List<Integer> seqs = as(colin).get("/api/sessions/" + id + "/timeline").then().statusCode(200).extract()
                .jsonPath().getList("seq", Integer.class);
        assertEquals(seqs.stream().distinct().sorted().toList(), seqs, "one timeline, no repeat, in order");
        assertEquals(writers * each, interjections(colin, id).size());
    }

    private static List<Map<String, Object>> interjections(String token, String id) {
        return as(token).get("/api/sessions/" + id + "/timeline").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.type == 'follow-up-asked' || it.type == 'constraint-introduced' }");
    }
}
