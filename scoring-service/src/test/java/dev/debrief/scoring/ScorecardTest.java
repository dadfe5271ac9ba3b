package dev.debrief.scoring;

import dev.debrief.testsupport.RealInfra;
import dev.debrief.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Coaches' scorecards: created per round, revised as versions, stale edits refused, other firms kept out. */
@QuarkusTest
@TestProfile(RealInfra.class)
class ScorecardTest {

    private static final String FIRST = """
            {"sessionId":"%s","roundPosition":1,"recommendation":"YES",
             "dimensions":[{"key":"story-structure","level":3,"notes":"clear arc"},{"key":"quantified-impact","level":4}]}""";

    @Test
    void shouldKeepEveryEditAsAVersionAndRefuseAStaleEdit() {
        UUID sessionId = Sessions.scoredSession("northwind", "sc-" + UUID.randomUUID());
        String coach = TestTokens.token("colin", "northwind", "coach");
        String id = given().auth().oauth2(coach).contentType("application/json").body(FIRST.formatted(sessionId))
                .post("/api/scorecards").then().statusCode(201).body("version", equalTo(1)).extract().path("id");
        String revision = """
                {"basedOnVersion":%d,"recommendation":"STRONG_YES","dimensions":[{"key":"story-structure","level":4}]}""";

        given().auth().oauth2(coach).contentType("application/json").body(revision.formatted(1))
                .put("/api/scorecards/" + id).then().statusCode(200).body("version", equalTo(2));
        given().auth().oauth2(coach).contentType("application/json").body(revision.formatted(1))
                .put("/api/scorecards/" + id).then().statusCode(412);
        given().auth().oauth2(coach).get("/api/scorecards/" + id + "/versions").then().statusCode(200)
                .body("$", hasSize(2)).body("[0].recommendation", equalTo("YES")).body("[1].recommendation", equalTo("STRONG_YES"));
        given().auth().oauth2(TestTokens.token("fiona", "northwind", "firm-admin")).get("/api/scorecards/" + id)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.token("rita", "summit", "coach")).get("/api/scorecards/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.token("cara", "northwind", "candidate")).get("/api/scorecards/" + id)
                .then().statusCode(403);
        given().get("/api/scorecards/" + id).then().statusCode(401);
        given().auth().oauth2(coach).get("/api/debriefs/" + sessionId).then().statusCode(200)
                .body("rounds[0].coachRecommendations.size()", equalTo(1));
        given().auth().oauth2(TestTokens.token("ana", "northwind", "analyst")).get("/api/calibration").then()
                .statusCode(200)
                .body("scorers", org.hamcrest.Matchers.hasItems("automated:semantic-4/all-minilm-l6-v2-q/levels-4", TestTokens.subjectOf("colin")))
                .body("items", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("pairs.find { it.scorerB == '%s' || it.scorerA == '%s' }.items".formatted(
                        TestTokens.subjectOf("colin"), TestTokens.subjectOf("colin")),
                        org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        // the coach reads their own calibration: their leniency and their pairs only
        String colin = TestTokens.subjectOf("colin");
        given().auth().oauth2(coach).get("/api/calibration/me").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("leniency.scorer", org.hamcrest.Matchers.everyItem(equalTo(colin)))
                .body("leniency", hasSize(1))
                .body("pairs.findAll { it.scorerA != '%s' && it.scorerB != '%s' }".formatted(colin, colin), hasSize(0));
        given().auth().oauth2(coach).get("/api/calibration").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("cara", "northwind", "candidate")).get("/api/calibration/me")
                .then().statusCode(403);
    }

    @Test
    void shouldRejectAnUnknownDimensionOrLevelAndChangeNothing() {
        UUID sessionId = Sessions.scoredSession("northwind", "sc-" + UUID.randomUUID());
        String coach = TestTokens.token("colin", "northwind", "coach");
        given().auth().oauth2(coach).contentType("application/json")
                .body(FIRST.formatted(sessionId).replace("story-structure", "no-such-dimension"))
                .post("/api/scorecards").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(coach).contentType("application/json")
                .body(FIRST.formatted(sessionId).replace("\"level\":3", "\"level\":7"))
                .post("/api/scorecards").then().statusCode(400);
        given().auth().oauth2(coach).get("/api/scorecards?sessionId=" + sessionId).then().statusCode(200).body("$", hasSize(0));
    }
}
