package dev.debrief.session;

import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Topics;
import dev.debrief.contracts.catalog.QuestionSnapshot;
import dev.debrief.testsupport.KafkaEvents;
import dev.debrief.contracts.Json;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.debrief.session.Api.as;
import static dev.debrief.session.Api.candidate;
import static dev.debrief.session.Api.coach;
import static dev.debrief.session.Api.submit;
import static dev.debrief.session.Api.transition;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(SessionInfra.class)
class AnswerTest {

    private static final Map<String, Object> METRICS = Map.of(
            "metrics", List.of(
                    Map.of("name", "viewing hours per member", "rank", 1, "kind", "PRIMARY"),
                    Map.of("name", "cancellations", "rank", 2, "kind", "GUARDRAIL")),
            "decisionThreshold", "ship if +1% with no guardrail worse than -0.5%");

    @Test
    void shouldKeepTheLatestOfManyDraftsThenAcceptOneFinalAnswer() {
        String cara = candidate("cara");
        String id = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"));
        Api.started(cara, id);

        as(cara).body(Map.of("text", "first thoughts")).put("/api/sessions/" + id + "/questions/0/draft")
                .then().statusCode(200).body("draftRevision", equalTo(1));
        as(cara).body(Map.of("text", "better thoughts")).put("/api/sessions/" + id + "/questions/0/draft")
                .then().statusCode(200).body("draftRevision", equalTo(2)).body("submitted", equalTo(false));
        as(cara).get("/api/sessions/" + id + "/questions/0/answer").then().body("text", equalTo("better thoughts"));

        submit(cara, id, 0, Map.of("text", "final")).then().statusCode(200).body("submitted", equalTo(true));
        submit(cara, id, 0, Map.of("text", "again")).then().statusCode(409);
        as(cara).body(Map.of("text", "late draft")).put("/api/sessions/" + id + "/questions/0/draft")
                .then().statusCode(409);
        as(cara).get("/api/sessions/" + id + "/questions/0/answer").then().body("text", equalTo("final"));
    }

    @Test
    void shouldPublishAStructuredAnswerWithWhatTheScorerNeeds() {
        String cara = candidate("cara");
        QuestionSnapshot q = CatalogStub.stubQuestion("STRUCTURED_METRICS");
        String id = Api.selfPractice(cara, q);
        Api.started(cara, id);

        submit(cara, id, 0, Map.of("structured", METRICS)).then().statusCode(200)
                .body("structured.metrics[1].kind", equalTo("GUARDRAIL"));

        EventEnvelope event = KafkaEvents.read(Topics.SESSIONS,
                e -> id.equals(e.subject()) && e.is(EventType.ANSWER_SUBMITTED), 1, Duration.ofSeconds(20)).get(0);
        SessionCreationTest.assertNoViolations(event);
        assertEquals("decision-spine", event.data().path("rubric").asText());
        assertEquals("STRUCTURED_METRICS", event.data().path("answerFormat").asText());
        assertEquals(q.prompt(), event.data().path("prompt").asText());
        assertEquals("PRIMARY", event.data().path("structured").path("metrics").get(0).path("kind").asText());
    }

    @Test
    void shouldTakeFreeTextOnAMetricQuestionAndPublishItAsFreeText() {
        String cara = candidate("cara");
        String id = Api.selfPractice(cara, CatalogStub.stubQuestion("STRUCTURED_METRICS"));
        Api.started(cara, id);

        submit(cara, id, 0, Map.of("text", "I'd make seven-day continue rate the primary metric.")).then().statusCode(200)
                .body("format", equalTo("FREE_TEXT"));

        EventEnvelope event = KafkaEvents.read(Topics.SESSIONS,
                e -> id.equals(e.subject()) && e.is(EventType.ANSWER_SUBMITTED), 1, Duration.ofSeconds(20)).get(0);
        assertEquals("FREE_TEXT", event.data().path("answerFormat").asText());
        assertEquals("decision-spine", event.data().path("rubric").asText());
    }

    @Test
    void shouldPublishASqlAnswerWithTheReferenceQuery() {
        String cara = candidate("cara");
        String id = Api.selfPractice(cara, CatalogStub.stubQuestion("SQL"));
        Api.started(cara, id);

        submit(cara, id, 0, Map.of("text", "select member_id from plays")).then().statusCode(200);

        EventEnvelope event = KafkaEvents.read(Topics.SESSIONS,
                e -> id.equals(e.subject()) && e.is(EventType.ANSWER_SUBMITTED), 1, Duration.ofSeconds(20)).get(0);
        assertEquals("select count(*) from plays", event.data().path("referenceSql").asText());
        assertEquals("select member_id from plays", event.data().path("text").asText());
    }

    @Test
    void shouldRefuseAStructuredAnswerWithoutAPrimaryMetricOrThreshold() {
        String cara = candidate("cara");
        String id = Api.selfPractice(cara, CatalogStub.stubQuestion("STRUCTURED_METRICS"));
        Api.started(cara, id);

        submit(cara, id, 0, Map.of("structured", Map.of("metrics",
                List.of(Map.of("name", "churn", "rank", 1, "kind", "GUARDRAIL")), "decisionThreshold", "x")))
                .then().statusCode(400).body("errors[0].field", equalTo("structured.metrics"));
        submit(cara, id, 0, Map.of("structured", Map.of("metrics",
                List.of(Map.of("name", "hours", "rank", 1, "kind", "PRIMARY")))))
                .then().statusCode(400).body("errors[0].field", equalTo("structured.decisionThreshold"));
        submit(cara, id, 0, Map.of("structured", Map.of("metrics",
                List.of(Map.of("name", "hours", "rank", 1, "kind", "TERTIARY")))))
                .then().statusCode(400);
        as(cara).get("/api/sessions/" + id + "/questions/0/answer").then().statusCode(404);
    }

    @Test
    void shouldRefuseAnEmptyFreeTextAnswerAndTooLongText() {
        String cara = candidate("cara");
        String id = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"));
        Api.started(cara, id);

        submit(cara, id, 0, Map.of("text", " ")).then().statusCode(400).body("errors[0].field", equalTo("text"));
        as(cara).body(Map.of("text", "x".repeat(20_001))).put("/api/sessions/" + id + "/questions/0/draft")
                .then().statusCode(400).body("errors[0].field", equalTo("text"));
    }

    @Test
    void shouldRefuseABodyOverTheSizeLimitWith413() {
        String cara = candidate("cara");
        String id = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"));
        Api.started(cara, id);

        as(cara).body(Map.of("text", "x".repeat(300_000))).put("/api/sessions/" + id + "/questions/0/draft")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("type", equalTo("urn:debrief:problem:too-large"))
                .body("instance", equalTo("/api/sessions/" + id + "/questions/0/draft"));
        as(cara).get("/api/sessions/" + id + "/questions/0/answer").then().statusCode(404);
    }

    @Test
    void shouldRefuseAChunkedBodyThatGrowsOverTheSizeLimitWith413() throws Exception {
        String cara = candidate("cara");
        String id = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"));
        Api.started(cara, id);
        byte[] body = ("{\"text\":\"" + "x".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        // a body of unknown length (no Content-Length: chunked) is only found too large while it is read
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/sessions/" + id
                        + "/questions/0/draft"))
                        .header("Authorization", "Bearer " + cara).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(413, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(413, Json.mapper().readTree(response.body()).path("status").asInt());
        as(cara).get("/api/sessions/" + id + "/questions/0/answer").then().statusCode(404);
    }

    @Test
    void shouldRefuseAnswersWhilePausedAndToAQuestionNotOpen() {
        String cara = candidate("cara");
        String id = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"), CatalogStub.stubQuestion("FREE_TEXT"));
        submit(cara, id, 0, Map.of("text", "too early")).then().statusCode(409);
        Api.started(cara, id);
        submit(cara, id, 1, Map.of("text", "not asked yet")).then().statusCode(409);
        transition(cara, id, "pause").then().statusCode(200);
        submit(cara, id, 0, Map.of("text", "while paused")).then().statusCode(409);
        as(cara).body(Map.of("text", "draft while paused")).put("/api/sessions/" + id + "/questions/0/draft")
                .then().statusCode(409);
    }

    @Test
    void shouldLetOnlyTheCandidateAnswer() {
        String sam = coach("sam");
        String id = Api.coached(sam, "cara", CatalogStub.stubQuestion("FREE_TEXT"));
        Api.started(sam, id);
        submit(sam, id, 0, Map.of("text", "the coach answers")).then().statusCode(403);
        submit(candidate("cara"), id, 0, Map.of("text", "the candidate answers")).then().statusCode(200);
    }

    @Test
    void shouldNotChangeTheETagWhenDraftsAreSaved() {
        String cara = candidate("cara");
        String id = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"));
        Api.started(cara, id);
        long before = Api.version(cara, id);
        as(cara).body(Map.of("text", "draft")).put("/api/sessions/" + id + "/questions/0/draft").then().statusCode(200);
        assertEquals(before, Api.version(cara, id));
    }
}
