package dev.debrief.session;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.debrief.session.Api.as;
import static dev.debrief.session.Api.candidate;
import static dev.debrief.session.Api.coach;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Issue 13, findings 5 and 6: user text is escaped in the Markdown transcript; control characters, type
 * mismatches, duplicate keys and over-long request lines or headers get 400/414/431 problem+json and
 * change nothing.
 */
@QuarkusTest
@TestProfile(SessionInfra.class)
class InputHardeningTest {

    @Test
    void shouldEscapeUserTextInTheMarkdownTranscript() {
        String coach = coach("md-coach");
        String id = Api.create(coach, Map.of("mode", "COACHED", "candidateId",
                TestDirectory.join(Api.FIRM, "md-cara", "candidate"), "candidateName", "<img src=x onerror=alert(1)>",
                "questions", List.of(Map.of("id", CatalogStub.stubQuestion("FREE_TEXT").id().toString()))));
        Api.started(coach, id);
        as(coach).body(Map.of("text", "[x](javascript:alert(1))")).post("/api/sessions/" + id + "/follow-ups")
                .then().statusCode(201);
        Api.submit(candidate("md-cara"), id, 0, Map.of("text", "| a | b |\n# not a heading\n<script>x</script>"))
                .then().statusCode(200);

        String md = as(coach).accept("text/markdown").get("/api/sessions/" + id + "/transcript").then().statusCode(200)
                .extract().asString();
        org.hamcrest.MatcherAssert.assertThat(md, not(containsString("<img")));
        org.hamcrest.MatcherAssert.assertThat(md, not(containsString("<script>")));
        org.hamcrest.MatcherAssert.assertThat(md, not(containsString("[x](javascript")));
        org.hamcrest.MatcherAssert.assertThat(md, containsString("- Candidate: &lt;img src=x onerror=alert(1)&gt;"));
        org.hamcrest.MatcherAssert.assertThat(md, containsString("\\[x\\](javascript:alert(1))"));
        org.hamcrest.MatcherAssert.assertThat(md, containsString("\\| a \\| b \\|\n\\# not a heading\n&lt;script&gt;x&lt;/script&gt;"));
    }

    @Test
    void shouldRefuseControlCharactersInBodiesWithProblemJsonAndStoreNothing() {
        String cara = candidate("nul-cara");
        String id = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"));
        Api.started(cara, id);
        as(cara).body(Map.of("text", "draft\u0000with NUL")).put("/api/sessions/" + id + "/questions/0/draft")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("text"))
                .body("detail", containsString("U+0000"));
        as(cara).get("/api/sessions/" + id + "/questions/0/answer").then().statusCode(404);
        // tab, LF and CR stay allowed
        as(cara).body(Map.of("text", "line\tone\r\nline two")).put("/api/sessions/" + id + "/questions/0/draft")
                .then().statusCode(200);

        String coach = coach("nul-coach");
        int before = as(coach).get("/api/sessions").then().statusCode(200).extract().path("size()");
        as(coach).body(Map.of("mode", "COACHED", "candidateId", dev.debrief.testsupport.TestTokens.subjectOf("x"),
                "candidateName", "Cara\u001b[31m", "questions",
                List.of(Map.of("id", CatalogStub.stubQuestion("FREE_TEXT").id().toString()))))
                .post("/api/sessions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("candidateName"));
        as(coach).get("/api/sessions").then().body("size()", equalTo(before));
    }

    @Test
    void shouldAnswerTypeMismatchesAndDuplicateKeysWithProblemJson() {
        String cara = candidate("shape-cara");
        as(cara).body("[]").post("/api/sessions").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:debrief:problem:validation"));
        as(cara).body("{\"mode\": [\"SELF_PRACTICE\"]}").post("/api/sessions").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("mode"));
        as(cara).body("{\"mode\":\"SELF_PRACTICE\",\"mode\":\"COACHED\",\"questions\":[]}").post("/api/sessions")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseControlCharactersInPathAndQuery() {
        String cara = candidate("path-cara");
        as(cara).urlEncodingEnabled(false).get("/api/sessions/%00").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("U+0000"));
        as(cara).urlEncodingEnabled(false).get("/api/sessions?status=%07").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldAnswerOverLongUrisAndHeadersWithProblemJson() {
        given().get("/api/sessions?filler=" + "a".repeat(5000)).then().statusCode(414)
                .contentType("application/problem+json").body("status", equalTo(414));
        given().header("X-Filler", "b".repeat(21_000)).get("/api/sessions").then().statusCode(431)
                .contentType("application/problem+json").body("status", equalTo(431));
    }
}
