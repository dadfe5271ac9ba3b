package dev.debrief.gateway;

import dev.debrief.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Every route reaches its service for the roles allowed there and is refused, as problem+json, for others. */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class RouteAccessTest {

    @ParameterizedTest(name = "{1} {2} as {0} reaches {3}")
    @CsvSource({
            "candidate,  GET,    /api/questions,              question",
            "analyst,    GET,    /api/questions/q-1/versions, question",
            "coach,      POST,   /api/questions,              question",
            "candidate,  POST,   /api/questions/draw,         question",
            "analyst,    POST,   /api/questions/draw,         question",
            "firm-admin, PUT,    /api/questions/q-1,          question",
            "admin,      DELETE, /api/questions/q-1,          question",
            "candidate,  GET,    /api/loops,                  question",
            "coach,      POST,   /api/loops,                  question",
            "candidate,  POST,   /api/sessions,               session",
            "coach,      GET,    /api/sessions/s-1/timeline,  session",
            "firm-admin, GET,    /api/sessions,               session",
            "candidate,  GET,    /api/rubrics,                scoring",
            "firm-admin, POST,   /api/rubrics,                scoring",
            "candidate,  GET,    /api/scores/a-1,             scoring",
            "coach,      PUT,    /api/scorecards/c-1,         scoring",
            "firm-admin, GET,    /api/scorecards,             scoring",
            "candidate,  GET,    /api/debriefs/s-1,           scoring",
            "analyst,    GET,    /api/calibration,            scoring",
            "coach,      GET,    /api/calibration/scorers,    scoring",
            "candidate,  GET,    /api/progress/me,            scoring",
            "analyst,    GET,    /api/progress,               scoring",
            "admin,      POST,   /api/admin/rescoring,        scoring",
            "admin,      GET,    /api/admin/rescoring/j-1,    scoring",
    })
    void shouldPassAnAllowedRoleToItsService(String role, String method, String path, String upstream) {
        given().auth().oauth2(Tokens.user("northwind", role))
                .contentType("application/json").body(method.equals("GET") || method.equals("DELETE") ? "" : "{}")
                .request(method, path)
                .then().statusCode(200)
                .body("upstream", equalTo(upstream))
                .body("method", equalTo(method))
                .body("path", equalTo(path));
    }

    @ParameterizedTest(name = "{1} {2} as {0} is refused")
    @CsvSource({
            "candidate,  POST,   /api/questions",
            "analyst,    PUT,    /api/questions/q-1",
            "candidate,  DELETE, /api/loops/l-1",
            "analyst,    GET,    /api/sessions",
            "analyst,    GET,    /api/sessions/s-1/live",
            "admin,      GET,    /api/sessions/s-1",
            "candidate,  POST,   /api/rubrics",
            "coach,      PUT,    /api/rubrics/r-1",
            "candidate,  POST,   /api/questions/r-1/publish",
            "candidate,  POST,   /api/questions/drawing-room",
            "analyst,    DELETE, /api/rubrics/r-1",
            "candidate,  GET,    /api/scorecards",
            "admin,      PUT,    /api/scorecards/c-1",
            "analyst,    GET,    /api/scorecards/c-1",
            "candidate,  GET,    /api/calibration",
            "admin,      GET,    /api/calibration",
            "analyst,    GET,    /api/scores/a-1",
            "admin,      GET,    /api/progress",
            "none,       GET,    /api/scores/a-1",
            "none,       GET,    /api/debriefs/s-1",
            "none,       GET,    /api/progress",
            "firm-admin, POST,   /api/admin/rescoring",
            "analyst,    GET,    /api/admin/rescoring/j-1",
    })
    void shouldRefuseARoleNotAllowedWithProblemJson(String role, String method, String path) {
        given().auth().oauth2(Tokens.user("northwind", role))
                .contentType("application/json").body(method.equals("GET") || method.equals("DELETE") ? "" : "{}")
                .request(method, path)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("type", equalTo("urn:debrief:problem:forbidden"))
                .body("instance", equalTo(path));
    }

    @Test
    void shouldLetAnyValidTokenReadTheCatalog() {
        given().auth().oauth2(Tokens.user(null)).get("/api/questions?category=sql")
                .then().statusCode(200).body("upstream", equalTo("question"));
    }

    @Test
    void shouldAnswerAMissingTokenWith401ProblemJson() {
        given().get("/api/sessions/s-1")
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json")
                .body("type", equalTo("urn:debrief:problem:unauthorized"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/api/sessions/s-1"));
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        given().auth().oauth2(TestTokens.expired("late-user", "admin")).get("/api/questions")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("detail", containsString("not valid"));
    }

    @Test
    void shouldRefuseATokenForAnotherAudience() {
        given().auth().oauth2(TestTokens.forAudience("another-api", "stray", "northwind", "admin"))
                .get("/api/questions")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseATamperedToken() {
        String token = Tokens.user("northwind", "candidate");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().auth().oauth2(tampered).get("/api/questions")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseATamperedCopyOfATokenItJustAccepted() {
        String token = Tokens.user("northwind", "candidate");
        given().auth().oauth2(token).get("/api/questions").then().statusCode(200);
        String[] parts = token.split("\\.");
        String otherPayload = Tokens.user("summit", "admin").split("\\.")[1];
        given().auth().oauth2(parts[0] + "." + otherPayload + "." + parts[2]).get("/api/questions")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(token).get("/api/questions")
                .then().statusCode(200).body("headers.x-debrief-tenant", equalTo("northwind"));
    }

    @Test
    void shouldAnswerAnUnknownApiPathWith404ProblemJson() {
        given().auth().oauth2(Tokens.user("northwind", "admin")).get("/api/nowhere")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:debrief:problem:not-found"));
    }

    @Test
    void shouldCheckTheTokenBeforeSayingAPathIsUnknown() {
        given().get("/api/nowhere").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldPassTheTokenOnSoTheServiceChecksItToo() {
        String token = Tokens.user("northwind", "candidate");
        given().auth().oauth2(token).get("/api/questions")
                .then().statusCode(200).body("headers.authorization", equalTo("Bearer " + token));
    }
}
