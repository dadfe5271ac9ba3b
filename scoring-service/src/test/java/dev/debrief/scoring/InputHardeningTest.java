package dev.debrief.scoring;

import dev.debrief.testsupport.RealInfra;
import dev.debrief.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Issue 13, finding 6: bad input gets 400 problem+json, never 500, and stores nothing. */
@QuarkusTest
@TestProfile(RealInfra.class)
class InputHardeningTest {

    @Test
    void shouldRefuseANulInScorecardNotesAndStoreNothing() {
        UUID sessionId = Sessions.scoredSession("northwind", "nul-" + UUID.randomUUID());
        String coach = TestTokens.token("colin", "northwind", "coach");
        String body = """
                {"sessionId":"%s","roundPosition":1,"recommendation":"YES",
                 "dimensions":[{"key":"story-structure","level":3,"notes":"clear\\u0000arc"}]}""".formatted(sessionId);
        given().auth().oauth2(coach).contentType("application/json").body(body).post("/api/scorecards")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("dimensions[0].notes"))
                .body("detail", containsString("U+0000"));
        given().auth().oauth2(TestTokens.token("fiona", "northwind", "firm-admin"))
                .get("/api/scorecards?sessionId=" + sessionId).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void shouldAnswerAnArrayWhereAnObjectIsExpectedWithProblemJson() {
        given().auth().oauth2(TestTokens.token("colin", "northwind", "coach")).contentType("application/json")
                .body("[{\"sessionId\":\"x\"}]").post("/api/scorecards")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:debrief:problem:validation"));
    }

    @Test
    void shouldRefuseCalibrationDatesAtTheEdgeOfTheRepresentableRange() {
        String analyst = TestTokens.token("ana", "northwind", "analyst");
        for (String query : new String[] { "from=-1000000000-01-01T00:00:00Z", "to=-1000000000-01-01T00:00:00Z",
                "from=+1000000000-12-31T23:59:59.999999999Z", "to=+1000000000-12-31T23:59:59.999999999Z",
                "from=-290000-01-01T00:00:00Z", "to=0000-01-01T00:00:00Z", "from=yesterday",
                "from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z" }) {
            given().urlEncodingEnabled(false).auth().oauth2(analyst).get("/api/calibration?" + query.replace("+", "%2B"))
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(analyst).get("/api/calibration?from=0001-01-01T00:00:00Z&to=9999-12-31T00:00:00Z")
                .then().statusCode(200);
    }
}
