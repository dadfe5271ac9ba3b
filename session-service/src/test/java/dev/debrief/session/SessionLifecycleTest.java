package dev.debrief.session;

import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Topics;
import dev.debrief.contracts.catalog.LoopSnapshot;
import dev.debrief.contracts.catalog.QuestionSnapshot;
import dev.debrief.testsupport.KafkaEvents;
import dev.debrief.testsupport.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.debrief.session.Api.as;
import static dev.debrief.session.Api.candidate;
import static dev.debrief.session.Api.transition;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(SessionInfra.class)
class SessionLifecycleTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldWalkEveryLegalTransitionAndPublishEachInOrder() {
        String cara = candidate("cara");
        String id = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"), CatalogStub.stubQuestion("FREE_TEXT"));

        transition(cara, id, "start").then().statusCode(200).body("status", equalTo("IN_PROGRESS"))
                .body("currentQuestion", equalTo(0)).body("questions[0].prompt", notNullValue());
        transition(cara, id, "pause").then().statusCode(200).body("status", equalTo("PAUSED"));
        transition(cara, id, "resume").then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        transition(cara, id, "next").then().statusCode(200).body("currentQuestion", equalTo(1));
        transition(cara, id, "complete").then().statusCode(200).body("status", equalTo("COMPLETED"));

        List<String> types = KafkaEvents.read(Topics.SESSIONS, e -> id.equals(e.subject()), 8, Duration.ofSeconds(20))
                .stream().map(EventEnvelope::type).toList();
        assertEquals(List.of(EventType.SESSION_CREATED, EventType.SESSION_STARTED, EventType.QUESTION_ASKED,
                EventType.SESSION_PAUSED, EventType.SESSION_RESUMED, EventType.QUESTION_ASKED,
                EventType.ROUND_COMPLETED, EventType.SESSION_COMPLETED).stream().map(EventType::ceType).toList(), types);
        KafkaEvents.read(Topics.SESSIONS, e -> id.equals(e.subject()), 8, Duration.ofSeconds(5))
                .forEach(SessionCreationTest::assertNoViolations);
    }

    @Test
    void shouldAbandonFromEveryLiveStatus() {
        String cara = candidate("cara");
        String scheduled = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"));
        transition(cara, scheduled, "abandon").then().statusCode(200).body("status", equalTo("ABANDONED"));

        String running = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"));
        Api.started(cara, running);
        transition(cara, running, "abandon").then().statusCode(200).body("status", equalTo("ABANDONED"));

        String paused = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"));
        Api.started(cara, paused);
        transition(cara, paused, "pause").then().statusCode(200);
        transition(cara, paused, "abandon").then().statusCode(200).body("status", equalTo("ABANDONED"));
    }

    @Test
    void shouldRefuseIllegalMovesWith409AndChangeNothing() {
        String cara = candidate("cara");
        String id = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"));
        for (String illegal : List.of("pause", "resume", "next", "complete")) {
            transition(cara, id, illegal).then().statusCode(409).contentType("application/problem+json");
        }
        as(cara).get("/api/sessions/" + id).then().body("status", equalTo("SCHEDULED")).body("version", equalTo(0));

        Api.started(cara, id);
        transition(cara, id, "start").then().statusCode(409);
        transition(cara, id, "resume").then().statusCode(409);
        transition(cara, id, "next").then().statusCode(409); // the only question is asked
        transition(cara, id, "pause").then().statusCode(200);
        transition(cara, id, "pause").then().statusCode(409);
        transition(cara, id, "complete").then().statusCode(409);
        transition(cara, id, "next").then().statusCode(409);

        transition(cara, id, "abandon").then().statusCode(200);
        for (String any : List.of("start", "pause", "resume", "next", "complete", "abandon")) {
            transition(cara, id, any).then().statusCode(409);
        }
    }

    @Test
    void shouldRefuseATerminalCompletedSession() {
        String cara = candidate("cara");
        String id = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"));
        Api.started(cara, id);
        transition(cara, id, "complete").then().statusCode(200);
        for (String any : List.of("start", "pause", "resume", "next", "complete", "abandon")) {
            transition(cara, id, any).then().statusCode(409);
        }
    }

    @Test
    void shouldRequireIfMatchAndRefuseAStaleVersion() {
        String cara = candidate("cara");
        String id = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"));

        as(cara).post("/api/sessions/" + id + "/start").then().statusCode(428).contentType("application/problem+json");
        as(cara).header("If-Match", "\"7\"").post("/api/sessions/" + id + "/start").then().statusCode(412);
        as(cara).header("If-Match", "\"0\"").post("/api/sessions/" + id + "/start").then().statusCode(200)
                .header("ETag", "\"1\"");
        as(cara).header("If-Match", "\"0\"").post("/api/sessions/" + id + "/pause").then().statusCode(412);
        as(cara).get("/api/sessions/" + id).then().body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void shouldKeepServerTimeAcrossPauseAndRecordOvertime() {
        clock.freeze();
        String cara = candidate("cara");
        QuestionSnapshot q = CatalogStub.stubQuestion("FREE_TEXT"); // 120 s budget
        String id = Api.selfPractice(cara, q);
        Api.started(cara, id);

        clock.advance(Duration.ofSeconds(30));
        transition(cara, id, "pause").then().statusCode(200);
        clock.advance(Duration.ofMinutes(10));
        as(cara).get("/api/sessions/" + id).then()
                .body("questions[0].elapsedSeconds", equalTo(30))
                .body("questions[0].remainingSeconds", equalTo(90))
                .body("questions[0].running", equalTo(false));
        transition(cara, id, "resume").then().statusCode(200);
        clock.advance(Duration.ofSeconds(110));
        as(cara).get("/api/sessions/" + id).then()
                .body("questions[0].elapsedSeconds", equalTo(140))
                .body("questions[0].remainingSeconds", equalTo(0))
                .body("questions[0].overtimeSeconds", equalTo(20))
                .body("rounds[0].elapsedSeconds", equalTo(140));

        Api.submit(cara, id, 0, Map.of("text", "Weekly active viewing hours per member.")).then().statusCode(200)
                .body("elapsedSeconds", equalTo(140));
        clock.advance(Duration.ofSeconds(50));
        as(cara).get("/api/sessions/" + id).then()
                .body("questions[0].elapsedSeconds", equalTo(140))
                .body("questions[0].overtimeSeconds", equalTo(20))
                .body("questions[0].finishedAt", notNullValue());
    }

    @Test
    void shouldCompleteARoundWithItsTimeWhenTheLoopMovesToTheNextRound() {
        clock.freeze();
        String cara = candidate("cara");
        QuestionSnapshot a = CatalogStub.question("FREE_TEXT");
        QuestionSnapshot b = CatalogStub.question("FREE_TEXT");
        LoopSnapshot loop = CatalogStub.stubLoop(List.of(List.of(a), List.of(b)));
        String id = Api.create(cara, Map.of("mode", "SELF_PRACTICE", "loop", loop.slug()));
        Api.started(cara, id);
        clock.advance(Duration.ofMinutes(50)); // budget 45 min

        transition(cara, id, "next").then().statusCode(200)
                .body("rounds[0].completedAt", notNullValue())
                .body("rounds[0].overtimeSeconds", equalTo(300))
                .body("rounds[1].running", equalTo(true));
        EventEnvelope completed = KafkaEvents.read(Topics.SESSIONS,
                e -> id.equals(e.subject()) && e.is(EventType.ROUND_COMPLETED), 1, Duration.ofSeconds(20)).get(0);
        assertEquals(3000, completed.data().path("elapsedSeconds").asInt());
        assertEquals(300, completed.data().path("overtimeSeconds").asInt());
    }
}
