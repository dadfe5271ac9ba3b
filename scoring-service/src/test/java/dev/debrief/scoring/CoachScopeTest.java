package dev.debrief.scoring;

import dev.debrief.testsupport.RealInfra;
import dev.debrief.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * Coach scope is session-service's: the session's coach, its panel and the firm's admin, nobody else of the
 * firm. A coach of the firm who does not take part in a session gets 404 for everything of it, and cannot
 * file a scorecard on it (finding 2 of issue 13: both answered 200/201 before).
 */
@QuarkusTest
@TestProfile(RealInfra.class)
class CoachScopeTest {

    private static final String SCORECARD = """
            {"sessionId":"%s","roundPosition":1,"recommendation":"%s",
             "dimensions":[{"key":"story-structure","level":%d},{"key":"quantified-impact","level":%d}]}""";

    private static final String COACH = TestTokens.token("colin", "northwind", "coach");
    private static final String OTHER_COACH = TestTokens.token("otto", "northwind", "coach");
    private static final String PANELIST = TestTokens.token("pia", "northwind", "coach");
    private static final String FIRM_ADMIN = TestTokens.token("fiona", "northwind", "firm-admin");

    private static String[] reads(UUID sessionId) {
        return new String[] { "/api/scores?sessionId=" + sessionId, "/api/debriefs/" + sessionId,
                "/api/debriefs/" + sessionId + "/markdown", "/api/debriefs/" + sessionId + "/radar.svg",
                "/api/scorecards?sessionId=" + sessionId };
    }

    @Test
    void shouldHideASessionFromACoachOfTheFirmWhoDoesNotTakePartInIt() {
        UUID sessionId = Sessions.scoredSession("northwind", "cs-" + UUID.randomUUID());
        for (String path : reads(sessionId)) {
            given().auth().oauth2(OTHER_COACH).get(path).then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(COACH).get(path).then().statusCode(200);
            given().auth().oauth2(FIRM_ADMIN).get(path).then().statusCode(200);
        }
        String scoreId = given().auth().oauth2(COACH).get("/api/scores?sessionId=" + sessionId).then().extract()
                .path("[0].scoreId");
        given().auth().oauth2(OTHER_COACH).get("/api/scores/" + scoreId).then().statusCode(404);
        given().auth().oauth2(COACH).get("/api/scores/" + scoreId).then().statusCode(200);
    }

    @Test
    void shouldRefuseAScorecardFromACoachOfTheFirmWhoIsNeitherTheCoachNorOnThePanel() {
        UUID sessionId = Sessions.scoredSession("northwind", "cs-" + UUID.randomUUID());
        given().auth().oauth2(OTHER_COACH).contentType("application/json")
                .body(SCORECARD.formatted(sessionId, "NO", 2, 2)).post("/api/scorecards").then().statusCode(404)
                .contentType("application/problem+json");
        // the firm's admin sees the session but is not one of its scorers
        given().auth().oauth2(TestTokens.token("fred", "northwind", "firm-admin", "coach")).contentType("application/json")
                .body(SCORECARD.formatted(sessionId, "NO", 2, 2)).post("/api/scorecards").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(FIRM_ADMIN).get("/api/scorecards?sessionId=" + sessionId).then().statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void shouldKeepEveryCoachOutOfACandidatesSelfPractice() {
        String candidate = "self-" + UUID.randomUUID();
        UUID sessionId = Sessions.scoredSession("northwind", candidate, null);
        for (String path : reads(sessionId)) {
            given().auth().oauth2(COACH).get(path).then().statusCode(404);
        }
        given().auth().oauth2(COACH).contentType("application/json").body(SCORECARD.formatted(sessionId, "NO", 1, 1))
                .post("/api/scorecards").then().statusCode(404);
        given().auth().oauth2(TestTokens.token(candidate, "northwind", "candidate"))
                .get("/api/debriefs/" + sessionId).then().statusCode(200);
        given().auth().oauth2(FIRM_ADMIN).get("/api/debriefs/" + sessionId).then().statusCode(200);
        given().auth().oauth2(COACH).get("/api/progress/candidates/" + TestTokens.subjectOf(candidate))
                .then().statusCode(404);
        given().auth().oauth2(FIRM_ADMIN).get("/api/progress/candidates/" + TestTokens.subjectOf(candidate))
                .then().statusCode(200).body("sessions", equalTo(1));
    }

    @Test
    void shouldLetThePanelScoreAndCalibrateWithTheCoach() {
        UUID sessionId = Sessions.scoredSession("northwind", "panel-" + UUID.randomUUID());
        given().auth().oauth2(PANELIST).contentType("application/json").body(SCORECARD.formatted(sessionId, "YES", 3, 3))
                .post("/api/scorecards").then().statusCode(404);

        Sessions.panel(sessionId, "northwind", "pia");
        given().auth().oauth2(PANELIST).get("/api/debriefs/" + sessionId).then().statusCode(200);
        String pias = given().auth().oauth2(PANELIST).contentType("application/json")
                .body(SCORECARD.formatted(sessionId, "YES", 3, 3)).post("/api/scorecards").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(COACH).contentType("application/json").body(SCORECARD.formatted(sessionId, "NO", 2, 1))
                .post("/api/scorecards").then().statusCode(201);
        given().auth().oauth2(OTHER_COACH).get("/api/scorecards/" + pias).then().statusCode(404);
        given().auth().oauth2(COACH).get("/api/scorecards?sessionId=" + sessionId).then().statusCode(200)
                .body("$", hasSize(2));
        given().auth().oauth2(COACH).get("/api/debriefs/" + sessionId).then().statusCode(200)
                .body("rounds[0].coachRecommendations.size()", equalTo(2));
        given().auth().oauth2(TestTokens.token("ana", "northwind", "analyst")).get("/api/calibration").then()
                .statusCode(200).body("pairs.findAll { [it.scorerA, it.scorerB].containsAll(['%s', '%s']) }".formatted(
                        TestTokens.subjectOf("colin"), TestTokens.subjectOf("pia")), not(empty()));

        // taken off the panel: no longer sees the session, cannot revise
        Sessions.panel(sessionId, "northwind");
        given().auth().oauth2(PANELIST).get("/api/debriefs/" + sessionId).then().statusCode(404);
        given().auth().oauth2(PANELIST).contentType("application/json")
                .body("{\"basedOnVersion\":1,\"recommendation\":\"STRONG_YES\",\"dimensions\":[{\"key\":\"story-structure\",\"level\":4}]}")
                .put("/api/scorecards/" + pias).then().statusCode(403);
    }

    @Test
    void shouldIgnoreAPanelOfAnotherFirmsCoaches() {
        UUID sessionId = Sessions.scoredSession("northwind", "panel-" + UUID.randomUUID());
        Sessions.panel(sessionId, "northwind", "rita");
        given().auth().oauth2(TestTokens.token("rita", "summit", "coach")).get("/api/debriefs/" + sessionId)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.token("rita", "summit", "coach")).contentType("application/json")
                .body(SCORECARD.formatted(sessionId, "YES", 3, 3)).post("/api/scorecards").then().statusCode(404);
    }

    @Test
    void shouldShowACandidateTheRubricWithoutItsAnchorsAndSignals() {
        given().auth().oauth2(TestTokens.token("cara", "northwind", "candidate")).get("/api/rubrics/behavioral-story")
                .then().statusCode(200).body("definition.dimensions.key", hasItems("story-structure"))
                .body("definition.dimensions.levels.flatten()", empty())
                .body("definition.dimensions.signals.findAll { it != null }", empty());
        given().auth().oauth2(COACH).get("/api/rubrics/behavioral-story").then().statusCode(200)
                .body("definition.dimensions[0].levels", hasSize(4));
    }
}
