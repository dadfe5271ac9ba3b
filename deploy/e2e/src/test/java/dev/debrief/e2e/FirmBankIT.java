package dev.debrief.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A coaching firm's integration (OAuth client credentials) imports a private bank and runs an Engineering
 * Manager loop on it; the other firm sees none of it: not the questions, the session, the scores or the debrief.
 */
class FirmBankIT {

    @Test
    void shouldRunAFirmsPrivateEngineeringManagerLoopThatTheOtherFirmCannotSee() throws Exception {
        Api api = SharedStack.gateway();
        RealKeycloak keycloak = SharedStack.keycloak();
        String summitClient = keycloak.clientToken("summit-integration", "summit-demo-secret");
        String sam = keycloak.userToken("sam");
        String sofia = keycloak.userToken("sofia");

        String suffix = UUID.randomUUID().toString().substring(0, 8);
        List<String> slugs = List.of("summit-em-design-" + suffix, "summit-em-people-" + suffix);
        String bank = Api.JSON.writeValueAsString(question(slugs.get(0), "SYSTEM_DESIGN", "ONSITE", "system-design",
                "Design the pipeline that tells a studio, within an hour of launch, how a new title is doing."))
                + "\n" + Api.JSON.writeValueAsString(question(slugs.get(1), "LEADERSHIP", "ONSITE", "behavioral-story",
                "Tell us about a time you let a strong engineer go because the team had outgrown the role."));
        JsonNode report = api.postText("/api/questions/import?format=jsonl&mode=all-or-nothing", summitClient,
                "application/x-ndjson", bank).expect(200).json();
        assertTrue(report.path("committed").asBoolean(), report.toString());
        assertEquals(2, report.path("created").asInt(), report.toString());

        List<Map<String, Object>> picks = new ArrayList<>();
        List<String> questionIds = new ArrayList<>();
        for (String slug : slugs) {
            String id = api.get("/api/questions/" + slug, summitClient).expect(200).json().path("id").asText();
            questionIds.add(id);
            picks.add(Map.of("id", id));
        }
        String sessionId = api.post("/api/sessions", summitClient, Map.of("mode", "COACHED", "questions", picks,
                "candidateId", RealKeycloak.claims(sam).path("sub").asText(), "candidateName", "sam",
                "coachId", RealKeycloak.claims(sofia).path("sub").asText(), "coachName", "sofia"))
                .expect(201).json().path("id").asText();
        int answers = new Interview(api, sessionId, sam, sofia).runToCompletion();
        awaitScores(api, sessionId, sofia, answers);

        for (String northwind : List.of(keycloak.userToken("cara"), keycloak.userToken("colin"),
                keycloak.userToken("fiona"), keycloak.clientToken("northwind-integration", "northwind-demo-secret"))) {
            for (String id : questionIds) {
                assertEquals(404, api.get("/api/questions/" + id, northwind).status(), "question " + id);
            }
            JsonNode search = api.get("/api/questions?q=" + suffix, northwind).expect(200).json();
            assertFalse(search.toString().contains(suffix), "the other firm's search finds nothing: " + search);
            assertEquals(404, api.get("/api/sessions/" + sessionId, northwind).status(), "session");
            assertFalse(api.get("/api/sessions", northwind).expect(200).raw().body().contains(sessionId));
            assertEquals(404, api.get("/api/debriefs/" + sessionId, northwind).status(), "debrief");
        }
        String colin = keycloak.userToken("colin");
        int scores = api.get("/api/scores?sessionId=" + sessionId, colin).status();
        assertEquals(404, scores, "another firm's scores");
    }

    private static Map<String, Object> question(String slug, String category, String roundType, String rubric,
            String prompt) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("slug", slug);
        q.put("status", "PUBLISHED");
        q.put("title", "Summit bank: " + slug);
        q.put("prompt", prompt);
        q.put("category", category);
        q.put("role", "ENGINEERING_MANAGER");
        q.put("levels", List.of("MANAGER", "SENIOR_MANAGER"));
        q.put("company", "Summit Interview Partners");
        q.put("roundType", roundType);
        q.put("competencies", List.of("JUDGMENT", "PEOPLE_LEADERSHIP"));
        q.put("tags", List.of("summit", "private"));
        q.put("timeBudgetSeconds", 1800);
        q.put("difficulty", "HARD");
        q.put("rubric", rubric);
        q.put("answerFormat", "FREE_TEXT");
        q.put("followUps", List.of(Map.of("prompt", "What would you cut first if the deadline halved?", "atSecond", 600)));
        q.put("constraints", List.of(Map.of("text", "Assume half the team is new this quarter.", "atSecond", 900)));
        return q;
    }

    private static void awaitScores(Api api, String sessionId, String coach, int answers) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            Api.Reply reply = api.get("/api/scores?sessionId=" + sessionId, coach);
            last = reply.raw().body();
            if (reply.status() == 200 && reply.json().size() >= answers) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the firm's answers were not all scored: " + last);
    }
}
