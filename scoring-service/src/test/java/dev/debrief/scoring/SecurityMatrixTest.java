package dev.debrief.scoring;

import dev.debrief.testsupport.RealInfra;
import dev.debrief.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;

/** Per endpoint group: the right role 200, a wrong role 403, another firm 404, no token 401. */
@QuarkusTest
@TestProfile(RealInfra.class)
class SecurityMatrixTest {

    @Test
    void shouldGuardScoresAndDebriefs() {
        String candidate = "cand-" + UUID.randomUUID();
        UUID sessionId = Sessions.scoredSession("northwind", candidate);
        String own = TestTokens.token(candidate, "northwind", "candidate");
        String otherCandidate = TestTokens.token("someone-else", "northwind", "candidate");
        String coach = TestTokens.token("colin", "northwind", "coach");
        String rivalCoach = TestTokens.token("rita", "summit", "coach");
        String analyst = TestTokens.token("ana", "northwind", "analyst");

        for (String path : new String[] { "/api/scores?sessionId=" + sessionId, "/api/debriefs/" + sessionId,
                "/api/debriefs/" + sessionId + "/markdown", "/api/debriefs/" + sessionId + "/radar.svg" }) {
            given().auth().oauth2(own).get(path).then().statusCode(200);
            given().auth().oauth2(coach).get(path).then().statusCode(200);
            given().auth().oauth2(analyst).get(path).then().statusCode(403);
            given().auth().oauth2(rivalCoach).get(path).then().statusCode(404);
            given().auth().oauth2(otherCandidate).get(path).then().statusCode(404);
            given().get(path).then().statusCode(401);
        }
        given().auth().oauth2(own).get("/api/debriefs/" + sessionId + "/radar.svg").then().body(containsString("<svg"));
        given().auth().oauth2(own).get("/api/scores?sessionId=" + sessionId).then().body("$", hasSize(1))
                .body("[0].dimensions[0].evidence", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void shouldGuardProgressAndCalibration() {
        String candidate = "prog-" + UUID.randomUUID();
        Sessions.scoredSession("northwind", candidate);
        String subject = TestTokens.subjectOf(candidate);

        given().auth().oauth2(TestTokens.token(candidate, "northwind", "candidate")).get("/api/progress/me")
                .then().statusCode(200).body("sessions", org.hamcrest.Matchers.equalTo(1));
        given().auth().oauth2(TestTokens.token("ana", "northwind", "analyst")).get("/api/progress/candidates/" + subject)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.token("sam", "summit", "analyst")).get("/api/progress/candidates/" + subject)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.token(candidate, "northwind", "candidate")).get("/api/progress/candidates/" + subject)
                .then().statusCode(403);
        given().get("/api/progress/me").then().statusCode(401);

        given().auth().oauth2(TestTokens.token("ana", "northwind", "analyst")).get("/api/progress").then().statusCode(200)
                .body("dimension", org.hamcrest.Matchers.hasItem("story-structure"));
        given().auth().oauth2(TestTokens.token("sam", "summit", "analyst")).get("/api/progress").then().statusCode(200)
                .body("dimension", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("story-structure")));
        given().auth().oauth2(TestTokens.token("colin", "northwind", "coach")).get("/api/progress").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("ana", "northwind", "analyst")).get("/api/calibration").then().statusCode(200);
        given().auth().oauth2(TestTokens.token("colin", "northwind", "coach")).get("/api/calibration").then().statusCode(403);
        given().get("/api/calibration").then().statusCode(401);
    }

    @Test
    void shouldLetFirmAdminsDefineTheirOwnRubricsAndHideThemFromOtherFirms() {
        String slug = "firm-rubric-" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"slug":"%s","title":"Our rubric","description":"d","appliesTo":["BEHAVIORAL"],
                 "dimensions":[{"key":"clarity","name":"Clarity","description":"c","weight":1.0,
                   "levels":[{"level":1,"anchor":"Unclear."},{"level":2,"anchor":"Partly clear."},
                             {"level":3,"anchor":"Clear."},{"level":4,"anchor":"Crisp."}],
                   "signals":{"positive":["in short"],"negative":["um"]}}]}""".formatted(slug);
        given().auth().oauth2(TestTokens.token("fiona", "northwind", "firm-admin")).contentType("application/json")
                .body(body).post("/api/rubrics").then().statusCode(201);
        given().auth().oauth2(TestTokens.token("colin", "northwind", "coach")).contentType("application/json")
                .body(body).post("/api/rubrics").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("colin", "northwind", "coach")).get("/api/rubrics/" + slug)
                .then().statusCode(200).body("definition.dimensions[0].key", org.hamcrest.Matchers.equalTo("clarity"));
        given().auth().oauth2(TestTokens.token("rita", "summit", "coach")).get("/api/rubrics/" + slug).then().statusCode(404);
        given().auth().oauth2(TestTokens.token("fiona", "northwind", "firm-admin")).contentType("application/json")
                .body("{\"slug\":\"Bad Slug\"}").post("/api/rubrics").then().statusCode(400);
    }

    @Test
    void shouldSeedThePublicRubricsFromTheGuides() {
        given().auth().oauth2(TestTokens.token("ada", null, "admin")).get("/api/rubrics/data-case")
                .then().statusCode(200).body("definition.dimensions.key", org.hamcrest.Matchers.hasItems(
                        "causality-rigor", "user-model-depth", "optionality-preservation", "decision-spine"));
    }
}
