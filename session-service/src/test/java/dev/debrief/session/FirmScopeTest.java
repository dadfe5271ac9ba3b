package dev.debrief.session;

import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.Topics;
import dev.debrief.contracts.catalog.QuestionSnapshot;
import dev.debrief.session.lifecycle.InterviewSession;
import dev.debrief.testsupport.EventSchemas;
import dev.debrief.testsupport.KafkaEvents;
import dev.debrief.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.debrief.session.Api.as;
import static dev.debrief.session.Api.coach;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A candidate belongs to the firm that schedules them (finding 4 of issue 13: a Summit coach created a
 * session for a Northwind candidate, 201), and a session's panel is the firm's coaches its coach or the
 * firm's admin seat.
 */
@QuarkusTest
@TestProfile(SessionInfra.class)
class FirmScopeTest {

    private static final String SUMMIT = "summit";

    private static Map<String, Object> coachedFor(String candidateId, QuestionSnapshot q) {
        return Map.of("mode", "COACHED", "candidateId", candidateId, "candidateName", "someone",
                "questions", List.of(Map.of("id", q.id().toString())));
    }

    private static long sessionsOf(String candidateId) {
        return QuarkusTransaction.requiringNew().call(() -> InterviewSession.count("candidate", candidateId));
    }

    @Test
    void shouldRefuseASummitCoachSchedulingANorthwindCandidateAndSaveNothing() {
        String nora = TestDirectory.join(Api.FIRM, "nora-" + UUID.randomUUID(), "candidate");
        TestDirectory.join(SUMMIT, "sofia", "coach");
        QuestionSnapshot q = CatalogStub.stubQuestion("FREE_TEXT");

        as(TestTokens.token("sofia", SUMMIT, "coach")).body(coachedFor(nora, q)).post("/api/sessions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("candidateId"));
        as(TestTokens.token("seth", SUMMIT, "firm-admin")).body(Map.of("mode", "SELF_PRACTICE", "candidateId", nora,
                "questions", List.of(Map.of("id", q.id().toString())))).post("/api/sessions").then().statusCode(400);
        // a coach without a firm names nobody either
        as(TestTokens.token("drifter", null, "coach")).body(coachedFor(nora, q)).post("/api/sessions").then().statusCode(400);
        assertEquals(0, sessionsOf(nora));

        as(coach("colin")).body(coachedFor(nora, q)).post("/api/sessions").then().statusCode(201);
        assertEquals(1, sessionsOf(nora));
    }

    @Test
    void shouldRefuseACoachWhoIsNotOfTheFirm() {
        String cara = TestDirectory.join(Api.FIRM, "cara", "candidate");
        String rita = TestDirectory.join(SUMMIT, "rita", "coach");
        QuestionSnapshot q = CatalogStub.stubQuestion("FREE_TEXT");
        as(TestTokens.token("fiona", Api.FIRM, "firm-admin")).body(Map.of("mode", "COACHED", "candidateId", cara,
                "coachId", rita, "questions", List.of(Map.of("id", q.id().toString())))).post("/api/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("coachId"));
        as(Api.candidate("cara")).body(Map.of("mode", "COACHED", "coachId", rita,
                "questions", List.of(Map.of("id", q.id().toString())))).post("/api/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("coachId"));
    }

    @Test
    void shouldListTheFirmsMembersByRoleForItsCoachesAndAdmins() {
        String name = "pick-" + UUID.randomUUID();
        String id = TestDirectory.join(Api.FIRM, name, "candidate");
        as(coach("colin")).get("/api/firm/members?role=candidate").then().statusCode(200)
                .body("find { it.username == '%s' }.id".formatted(name), equalTo(id));
        as(TestTokens.token("fiona", Api.FIRM, "firm-admin")).get("/api/firm/members?role=candidate").then()
                .statusCode(200).body("id", hasItem(id));
        as(TestTokens.token("sofia", SUMMIT, "coach")).get("/api/firm/members?role=candidate").then().statusCode(200)
                .body("id", not(hasItem(id)));
        as(coach("colin")).get("/api/firm/members?role=coach").then().statusCode(200).body("id", not(hasItem(id)));
        as(Api.candidate(name)).get("/api/firm/members?role=candidate").then().statusCode(403);
        as(coach("colin")).get("/api/firm/members?role=root").then().statusCode(400)
                .contentType("application/problem+json");
        as(coach("colin")).get("/api/firm/members").then().statusCode(400);
        given().get("/api/firm/members?role=candidate").then().statusCode(401);
    }

    @Test
    void shouldLetTheCoachSeatAPanelOfTheFirmsCoachesWhoThenReadButDoNotAct() throws Exception {
        String pia = TestDirectory.join(Api.FIRM, "pia", "coach");
        String rita = TestDirectory.join(SUMMIT, "rita", "coach");
        String id = Api.coached(coach("colin"), "cara", CatalogStub.stubQuestion("FREE_TEXT"));
        String panel = "/api/sessions/" + id + "/panel";

        as(coach("pia")).get("/api/sessions/" + id).then().statusCode(404);
        as(coach("otto")).body(Map.of("coaches", List.of(pia))).put(panel).then().statusCode(404);
        as(Api.candidate("cara")).body(Map.of("coaches", List.of(pia))).put(panel).then().statusCode(403);
        as(coach("colin")).body(Map.of("coaches", List.of(rita))).put(panel).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("coaches[0]"));
        as(coach("colin")).body(Map.of("coaches", List.of(pia))).put(panel).then().statusCode(200)
                .body("panel", contains(pia));

        as(coach("pia")).get("/api/sessions/" + id).then().statusCode(200);
        as(coach("pia")).get("/api/sessions").then().statusCode(200).body("id", hasItem(id));
        as(coach("pia")).get(panel).then().statusCode(200).body("panel", contains(pia));
        as(coach("pia")).header("If-Match", "\"" + Api.version(coach("colin"), id) + "\"")
                .post("/api/sessions/" + id + "/start").then().statusCode(403);
        as(coach("pia")).body(Map.of("coaches", List.of())).put(panel).then().statusCode(403);
        as(coach("otto")).get("/api/sessions/" + id).then().statusCode(404);

        List<EventEnvelope> changed = KafkaEvents.read(Topics.SESSIONS,
                e -> id.equals(e.subject()) && e.is(EventType.SESSION_PANEL_CHANGED), 1, Duration.ofSeconds(20));
        assertEquals(1, changed.size());
        assertEquals(List.of(pia), Json.mapper().convertValue(changed.get(0).data().get("panel"), List.class));
        assertEquals(List.of(), EventSchemas.violations(Json.mapper().valueToTree(changed.get(0))));

        as(TestTokens.token("fiona", Api.FIRM, "firm-admin")).body(Map.of("coaches", List.of())).put(panel)
                .then().statusCode(200).body("panel", org.hamcrest.Matchers.empty());
        as(coach("pia")).get("/api/sessions/" + id).then().statusCode(404);
    }
}
