package dev.debrief.session;

import dev.debrief.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.debrief.session.Api.as;
import static dev.debrief.session.Api.candidate;
import static dev.debrief.session.Api.coach;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Per endpoint group: right role 200, wrong role 403, other tenant (or not theirs) 404, no token 401. */
@QuarkusTest
@TestProfile(SessionInfra.class)
class SecurityMatrixTest {

    private static final String ANALYST = TestTokens.token("nina", Api.FIRM, "analyst");

    @Test
    void shouldApplyTheMatrixToReadingASession() {
        String id = Api.coached(coach("sam"), "cara", CatalogStub.stubQuestion("FREE_TEXT"));
        String path = "/api/sessions/" + id;
        as(candidate("cara")).get(path).then().statusCode(200);
        as(coach("sam")).get(path).then().statusCode(200);
        as(TestTokens.token("fiona", Api.FIRM, "firm-admin")).get(path).then().statusCode(200);
        as(ANALYST).get(path).then().statusCode(403);
        as(candidate("someone-else")).get(path).then().statusCode(404);
        as(coach("another-coach")).get(path).then().statusCode(404);
        as(TestTokens.token("sam", Api.OTHER_FIRM, "coach")).get(path).then().statusCode(404);
        as(TestTokens.token("olga", Api.OTHER_FIRM, "firm-admin")).get(path).then().statusCode(404);
        given().get(path).then().statusCode(401);
    }

    @Test
    void shouldApplyTheMatrixToTransitions() {
        String id = Api.coached(coach("sam"), "cara", CatalogStub.stubQuestion("FREE_TEXT"));
        String path = "/api/sessions/" + id + "/start";
        as(ANALYST).header("If-Match", "\"0\"").post(path).then().statusCode(403);
        as(TestTokens.token("olga", Api.OTHER_FIRM, "firm-admin")).header("If-Match", "\"0\"").post(path)
                .then().statusCode(404);
        given().header("If-Match", "\"0\"").post(path).then().statusCode(401);
        as(coach("sam")).header("If-Match", "\"0\"").post(path).then().statusCode(200);
    }

    @Test
    void shouldApplyTheMatrixToAnswersTimelineAndTranscript() {
        String id = Api.coached(coach("sam"), "cara", CatalogStub.stubQuestion("FREE_TEXT"));
        Api.started(coach("sam"), id);
        String draft = "/api/sessions/" + id + "/questions/0/draft";
        as(candidate("cara")).body(Map.of("text", "draft")).put(draft).then().statusCode(200);
        as(ANALYST).body(Map.of("text", "draft")).put(draft).then().statusCode(403);
        as(candidate("mallory")).body(Map.of("text", "draft")).put(draft).then().statusCode(404);
        given().contentType("application/json").body(Map.of("text", "draft")).put(draft).then().statusCode(401);

        for (String read : new String[] { "/timeline", "/transcript" }) {
            as(coach("sam")).get("/api/sessions/" + id + read).then().statusCode(200);
            as(ANALYST).get("/api/sessions/" + id + read).then().statusCode(403);
            as(TestTokens.token("sam", Api.OTHER_FIRM, "coach")).get("/api/sessions/" + id + read).then().statusCode(404);
            given().get("/api/sessions/" + id + read).then().statusCode(401);
        }
    }

    @Test
    void shouldListOnlyWhatEachViewerMaySee() {
        String id = Api.coached(coach("sam"), "cara", CatalogStub.stubQuestion("FREE_TEXT"));
        as(candidate("cara")).get("/api/sessions").then().statusCode(200).body("id", hasItem(id));
        as(TestTokens.token("fiona", Api.FIRM, "firm-admin")).get("/api/sessions").then().body("id", hasItem(id));
        as(candidate("someone-else")).get("/api/sessions").then().body("id", not(hasItem(id)));
        as(TestTokens.token("olga", Api.OTHER_FIRM, "firm-admin")).get("/api/sessions").then()
                .body("id", not(hasItem(id)));
        as(ANALYST).get("/api/sessions").then().statusCode(403);
    }

    @Test
    void shouldRefuseATokenForAnotherAudience() {
        String id = Api.selfPractice(candidate("cara"), CatalogStub.stubQuestion("FREE_TEXT"));
        as(TestTokens.forAudience("other-api", "cara", Api.FIRM, "candidate")).get("/api/sessions/" + id)
                .then().statusCode(401);
    }
}
