package dev.debrief.session;

import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.Topics;
import dev.debrief.contracts.catalog.LoopSnapshot;
import dev.debrief.contracts.catalog.QuestionSnapshot;
import dev.debrief.session.lifecycle.InterviewSession;
import dev.debrief.testsupport.EventSchemas;
import dev.debrief.testsupport.KafkaEvents;
import dev.debrief.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.debrief.session.Api.as;
import static dev.debrief.session.Api.candidate;
import static dev.debrief.session.Api.coach;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(SessionInfra.class)
class SessionCreationTest {

    /** The failure tests below feed the catalog's breaker; it must not stay open for the next test. */
    @AfterEach
    void closeTheBreakers() {
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    void shouldSnapshotEveryRoundOfALoopAndPublishSessionCreated() throws Exception {
        QuestionSnapshot a = CatalogStub.question("FREE_TEXT");
        QuestionSnapshot b = CatalogStub.question("SQL");
        QuestionSnapshot c = CatalogStub.question("STRUCTURED_METRICS");
        LoopSnapshot loop = CatalogStub.stubLoop(List.of(List.of(a, b), List.of(c)));

        String id = as(candidate("cara")).body(Map.of("mode", "SELF_PRACTICE", "loop", loop.slug()))
                .post("/api/sessions")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("status", equalTo("SCHEDULED"))
                .body("rounds", hasSize(2))
                .body("rounds[0].budgetSeconds", equalTo(45 * 60))
                .body("questions", hasSize(3))
                .body("questions[1].questionId", equalTo(b.id().toString()))
                .body("questions[1].answerFormat", equalTo("SQL"))
                .body("questions[2].roundPosition", equalTo(2))
                .body("questions[0].prompt", nullValue())
                .extract().path("id");

        List<EventEnvelope> created = KafkaEvents.read(Topics.SESSIONS,
                e -> id.equals(e.subject()) && e.is(EventType.SESSION_CREATED), 1, Duration.ofSeconds(20));
        assertEquals(1, created.size());
        assertEquals(List.of(), EventSchemas.violations(Json.mapper().valueToTree(created.get(0))));
        assertEquals("northwind", created.get(0).tenant());
    }

    @Test
    void shouldSnapshotOneRoundOfALoop() {
        QuestionSnapshot a = CatalogStub.question("FREE_TEXT");
        QuestionSnapshot c = CatalogStub.question("FREE_TEXT");
        LoopSnapshot loop = CatalogStub.stubLoop(List.of(List.of(a), List.of(c)));

        as(candidate("cara")).body(Map.of("mode", "SELF_PRACTICE", "loop", loop.slug(), "round", 2))
                .post("/api/sessions")
                .then().statusCode(201)
                .body("rounds", hasSize(1))
                .body("questions[0].questionId", equalTo(c.id().toString()));
    }

    /** Issue 13: the candidate's token used to be forwarded, so the catalog answered with the candidate's rights. */
    @Test
    void shouldTakeSnapshotsWithItsOwnIdentityForTheSessionsFirmNotWithTheCallersToken() {
        QuestionSnapshot q = CatalogStub.stubQuestion("FREE_TEXT");
        String token = candidate("cara");
        Api.selfPractice(token, q);

        CatalogStub.server().verify(getRequestedFor(urlEqualTo("/api/questions/" + q.id() + "/snapshot?firm=" + Api.FIRM))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "Bearer " + CatalogStub.SERVICE_TOKEN)));
        CatalogStub.server().verify(0, getRequestedFor(urlPathEqualTo("/api/questions/" + q.id() + "/snapshot"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + token)));
    }

    @Test
    void shouldLetACoachScheduleASessionTheyInterview() {
        QuestionSnapshot q = CatalogStub.stubQuestion("FREE_TEXT");
        String id = Api.coached(coach("sam"), "cara", q);

        as(candidate("cara")).get("/api/sessions/" + id).then().statusCode(200)
                .body("mode", equalTo("COACHED"))
                .body("coach.id", equalTo(TestTokens.subjectOf("sam")))
                .body("candidate.id", equalTo(TestTokens.subjectOf("cara")));
        as(coach("sam")).get("/api/sessions").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void shouldAnswer503AndPersistNothingWhenTheCatalogIsDown() {
        String candidateName = "down-" + UUID.randomUUID();
        QuestionSnapshot ok = CatalogStub.stubQuestion("FREE_TEXT");
        UUID down = UUID.randomUUID();
        CatalogStub.stubDownQuestion(down);

        as(candidate(candidateName)).body(Map.of("mode", "SELF_PRACTICE",
                        "questions", List.of(Map.of("id", ok.id().toString()), Map.of("id", down.toString()))))
                .post("/api/sessions")
                .then().statusCode(503).contentType("application/problem+json");

        assertEquals(0L, sessionsOf(candidateName));
    }

    @Test
    void shouldAnswer503WhenTheCatalogIsTooSlow() {
        String candidateName = "slow-" + UUID.randomUUID();
        QuestionSnapshot slow = CatalogStub.question("FREE_TEXT");
        CatalogStub.stubSlowQuestion(slow);

        as(candidate(candidateName)).body(Map.of("mode", "SELF_PRACTICE",
                        "questions", List.of(Map.of("id", slow.id().toString()))))
                .post("/api/sessions")
                .then().statusCode(503).contentType("application/problem+json");

        assertEquals(0L, sessionsOf(candidateName));
    }

    @Test
    void shouldRefuseAQuestionTheCatalogDoesNotKnow() {
        as(candidate("cara")).body(Map.of("mode", "SELF_PRACTICE",
                        "questions", List.of(Map.of("id", UUID.randomUUID().toString()))))
                .post("/api/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("questions"));
    }

    @Test
    void shouldRefuseARequestWithNeitherLoopNorQuestions() {
        as(candidate("cara")).body(Map.of("mode", "SELF_PRACTICE"))
                .post("/api/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("loop"));
    }

    @Test
    void shouldRefuseACoachedSessionWithoutACoach() {
        QuestionSnapshot q = CatalogStub.stubQuestion("FREE_TEXT");
        as(candidate("cara")).body(Map.of("mode", "COACHED", "questions", List.of(Map.of("id", q.id().toString()))))
                .post("/api/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("coachId"));
    }

    @Test
    void shouldRefuseAnUnknownModeNamingTheField() {
        as(candidate("cara")).body(Map.of("mode", "SOLO", "loop", "x"))
                .post("/api/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("mode"));
    }

    private static long sessionsOf(String username) {
        String subject = TestTokens.subjectOf(username);
        return QuarkusTransaction.requiringNew().call(() -> InterviewSession.count("candidate", subject));
    }

    static void assertNoViolations(EventEnvelope event) {
        assertTrue(EventSchemas.violations(Json.mapper().valueToTree(event)).isEmpty(),
                () -> EventSchemas.violations(Json.mapper().valueToTree(event)).toString());
    }
}
