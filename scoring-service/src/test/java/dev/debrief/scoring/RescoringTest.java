package dev.debrief.scoring;

import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.Topics;
import dev.debrief.scoring.answers.AnswerScoreRow;
import dev.debrief.testsupport.EventSchemas;
import dev.debrief.testsupport.KafkaEvents;
import dev.debrief.testsupport.RealInfra;
import dev.debrief.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Re-scoring from outside: an admin starts a job for answers an older scorer version scored; the background worker
 * scores them again, the new score supersedes the old one, goes out as answer-scored naming it, and the read paths
 * show the current scorer's figures only.
 */
@QuarkusTest
@TestProfile(RealInfra.class)
class RescoringTest {

    private static final String OLD = "automated:semantic-0";
    private static final String ADMIN = TestTokens.token("ada", null, "admin");

    @Test
    void shouldRescoreOneFirmsAnswersFromAnOlderScorerAndSupersedeTheirScores() {
        String candidate = "resc-" + UUID.randomUUID();
        UUID ours = Sessions.scoredSession("northwind", candidate);
        // a firm of its own: other tests count what summit's analysts see
        UUID theirs = Sessions.scoredSession("firm-" + UUID.randomUUID().toString().substring(0, 8), "resc-" + UUID.randomUUID());
        UUID oldScore = scoredBy(ours, OLD + "/minilm/levels-0");
        UUID otherFirmsScore = scoredBy(theirs, OLD + "/minilm/levels-0");

        Response started = given().auth().oauth2(ADMIN).contentType("application/json")
                .header("Idempotency-Key", "resc-" + ours)
                .body("{\"scorerVersion\":\"" + OLD + "\",\"firmId\":\"northwind\"}").post("/api/admin/rescoring");
        started.then().statusCode(202).body("total", equalTo(1)).body("scorersFrom", equalTo(List.of(OLD + "/minilm/levels-0")))
                .body("firmId", equalTo("northwind"));
        String location = started.header("Location");
        assertTrue(location.contains("/api/admin/rescoring/"), location);
        // the same key and body again: the same job, not a second one
        given().auth().oauth2(ADMIN).contentType("application/json").header("Idempotency-Key", "resc-" + ours)
                .body("{\"scorerVersion\":\"" + OLD + "\",\"firmId\":\"northwind\"}").post("/api/admin/rescoring")
                .then().statusCode(202).header("Location", location);

        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(
                given().auth().oauth2(ADMIN).get(location).then().statusCode(200).extract().path("status")));
        String scorerTo = given().auth().oauth2(ADMIN).get(location).then().body("done", equalTo(1))
                .body("failed", equalTo(0)).body("remaining", equalTo(0)).extract().path("scorerTo");
        assertTrue(scorerTo.startsWith("automated:semantic-"), scorerTo);
        assertNotEquals(OLD, scorerTo);

        List<AnswerScoreRow> rows = rows(ours);
        assertEquals(2, rows.size());
        AnswerScoreRow old = rows.stream().filter(r -> r.id.equals(oldScore)).findFirst().orElseThrow();
        AnswerScoreRow current = rows.stream().filter(r -> !r.id.equals(oldScore)).findFirst().orElseThrow();
        assertNotNull(old.supersededAt);
        assertNull(current.supersededAt);
        assertTrue(current.scorer.startsWith(scorerTo), current.scorer);
        // another firm's answer, scored by the same old version, is not touched
        assertEquals(List.of(otherFirmsScore), rows(theirs).stream().map(r -> r.id).toList());
        assertNull(rows(theirs).get(0).supersededAt);

        List<EventEnvelope> events = KafkaEvents.read(Topics.SCORES, e -> e.subject().equals(ours.toString())
                && e.type().endsWith("answer-scored") && e.data().hasNonNull("supersedes"), 1, Duration.ofSeconds(20));
        assertEquals(oldScore.toString(), events.get(0).data().get("supersedes").asText());
        assertEquals(current.id.toString(), events.get(0).data().get("scoreId").asText());
        assertEquals(List.of(), EventSchemas.violations(Json.mapper().valueToTree(events.get(0))));

        String own = TestTokens.token(candidate, "northwind", "candidate");
        given().auth().oauth2(own).get("/api/scores?sessionId=" + ours).then().statusCode(200).body("$", hasSize(1))
                .body("[0].scoreId", equalTo(current.id.toString()));
        given().auth().oauth2(own).get("/api/progress/me").then().statusCode(200)
                .body("dimensions[0].points[0].scorers", equalTo(List.of(current.scorer)));
        given().auth().oauth2(TestTokens.token("ana", "northwind", "analyst")).get("/api/calibration").then()
                .statusCode(200).body("scorers", org.hamcrest.Matchers.not(hasItem(old.scorer)));
    }

    @Test
    void shouldFinishAtOnceWhenNothingIsScoredByAnOlderVersion() {
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"scorerVersion\":\"automated:never-was\"}").post("/api/admin/rescoring")
                .then().statusCode(202).body("status", equalTo("DONE")).body("total", equalTo(0));
    }

    @Test
    void shouldLetOnlyPlatformAdminsStartAndReadJobs() {
        String location = given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"scorerVersion\":\"automated:never-was\"}").post("/api/admin/rescoring").then().statusCode(202).extract().header("Location");
        String path = location.substring(location.indexOf("/api/"));
        for (String token : new String[] { TestTokens.token("fiona", "northwind", "firm-admin"),
                TestTokens.token("colin", "northwind", "coach"), TestTokens.token("ana", "northwind", "analyst"),
                TestTokens.token("cara", "northwind", "candidate") }) {
            given().auth().oauth2(token).contentType("application/json").body("{}").post("/api/admin/rescoring")
                    .then().statusCode(403);
            given().auth().oauth2(token).get(path).then().statusCode(403);
        }
        given().contentType("application/json").body("{}").post("/api/admin/rescoring").then().statusCode(401);
        given().get(path).then().statusCode(401);
        given().auth().oauth2(ADMIN).get(path).then().statusCode(200);
        given().auth().oauth2(ADMIN).get("/api/admin/rescoring/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void shouldRefuseBadInputAsProblemsAndStartNothing() {
        long before = jobs();
        for (String body : new String[] { "{\"from\":\"2026-02-01T00:00:00Z\",\"to\":\"2026-01-01T00:00:00Z\"}",
                "{\"from\":\"yesterday\"}", "{\"firmId\":\"north wind; drop\"}", "{\"scorerVersion\":\"\"}", "[]" }) {
            given().auth().oauth2(ADMIN).contentType("application/json").body(body).post("/api/admin/rescoring")
                    .then().statusCode(400).contentType(containsString("application/problem+json"));
        }
        given().auth().oauth2(ADMIN).get("/api/admin/rescoring/not-a-uuid").then().statusCode(404);
        assertEquals(before, jobs());
    }

    /** Makes the session's one score look as if an older scorer version had given it. */
    private static UUID scoredBy(UUID sessionId, String scorer) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AnswerScoreRow row = AnswerScoreRow.<AnswerScoreRow>list("sessionId", sessionId).get(0);
            row.scorer = scorer;
            return row.id;
        });
    }

    private static List<AnswerScoreRow> rows(UUID sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> AnswerScoreRow.<AnswerScoreRow>list("sessionId", sessionId));
    }

    private static long jobs() {
        return QuarkusTransaction.requiringNew().call(() -> dev.debrief.scoring.rescoring.RescoringJob.count());
    }
}
