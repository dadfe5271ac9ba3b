package dev.debrief.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 on the real stack: a candidate belongs to the firm that schedules them, checked by session-service
 * against Keycloak's organizations with its own service account; the firm's members are listed by role; a
 * candidate never receives an answer key; Location names the gateway.
 */
class FirmMembershipIT {

    @Test
    void shouldScheduleOnlyTheFirmsOwnCandidatesCheckedAgainstKeycloaksOrganizations() {
        Api api = SharedStack.gateway();
        RealKeycloak keycloak = SharedStack.keycloak();
        String colin = keycloak.userToken("colin");
        String sofia = keycloak.userToken("sofia");
        String caraId = RealKeycloak.claims(keycloak.userToken("cara")).path("sub").asText();
        String samId = RealKeycloak.claims(keycloak.userToken("sam")).path("sub").asText();
        String sofiaId = RealKeycloak.claims(sofia).path("sub").asText();

        JsonNode candidates = api.get("/api/firm/members?role=candidate", colin).expect(200).json();
        assertEquals(List.of(caraId), ids(candidates), "Northwind's candidates: " + candidates);
        assertEquals("cara", candidates.get(0).path("username").asText());
        JsonNode coaches = api.get("/api/firm/members?role=coach", sofia).expect(200).json();
        assertEquals(List.of(sofiaId), ids(coaches), "Summit's coaches: " + coaches);
        assertEquals(403, api.get("/api/firm/members?role=candidate", keycloak.userToken("cara")).status());

        Map<String, Object> forCara = Map.of("mode", "COACHED", "loop", "netflix-data-pm", "round", 1,
                "candidateId", caraId, "candidateName", "cara");
        // the attack: a Summit coach schedules a Northwind candidate
        Api.Reply refused = api.post("/api/sessions", sofia, forCara).expect(400);
        assertEquals("candidateId", refused.json().path("errors").path(0).path("field").asText(), refused.raw().body());
        assertTrue(refused.header("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(400, api.post("/api/sessions", colin, Map.of("mode", "COACHED", "loop", "netflix-data-pm",
                "round", 1, "candidateId", samId)).status(), "Summit's candidate for a Northwind coach");

        Api.Reply created = api.post("/api/sessions", colin, forCara).expect(201);
        String sessionId = created.json().path("id").asText();
        String location = created.header("Location").orElseThrow();
        assertEquals("http://localhost:" + SharedStack.ports().gateway() + "/api/sessions/" + sessionId, location,
                "Location names the gateway, not session-service's port");

        // a panel is the firm's coaches: Summit's coach is refused
        Api.Reply panel = api.put("/api/sessions/" + sessionId + "/panel", colin, Map.of("coaches", List.of(sofiaId)))
                .expect(400);
        assertEquals("coaches[0]", panel.json().path("errors").path(0).path("field").asText(), panel.raw().body());
        api.put("/api/sessions/" + sessionId + "/panel", keycloak.userToken("fiona"), Map.of("coaches", List.of()))
                .expect(200);
    }

    @Test
    void shouldNeverGiveACandidateTheReferenceQueryWhileTheSessionStillScoresSql() {
        Api api = SharedStack.gateway();
        RealKeycloak keycloak = SharedStack.keycloak();
        String cara = keycloak.userToken("cara");
        String colin = keycloak.userToken("colin");
        JsonNode sql = api.get("/api/questions?category=SQL&size=1", cara).expect(200).json().path("items").path(0);
        String id = sql.path("id").asText();
        assertFalse(id.isEmpty(), "the catalog has a SQL question");

        JsonNode asCandidate = api.get("/api/questions/" + id, cara).expect(200).json();
        assertTrue(asCandidate.path("content").path("sql").isNull(), asCandidate.toString());
        assertEquals(0, asCandidate.path("content").path("exemplars").size(), asCandidate.toString());
        assertTrue(api.get("/api/questions/" + id + "/snapshot", cara).expect(200).json().path("referenceSql").isNull());
        assertFalse(api.get("/api/questions/" + id, colin).expect(200).json().path("content").path("sql")
                .path("referenceQuery").asText().isEmpty(), "a coach reads the answer key");
        JsonNode rubric = api.get("/api/rubrics/sql-analysis", cara).expect(200).json();
        assertFalse(rubric.toString().contains("\"anchor\""), "no rubric anchors for a candidate: " + rubric);
    }

    private static List<String> ids(JsonNode members) {
        List<String> ids = new ArrayList<>();
        members.forEach(m -> ids.add(m.path("id").asText()));
        return ids;
    }
}
