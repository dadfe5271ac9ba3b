package dev.debrief.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A candidate of Northwind Coaching runs the whole Netflix Data PM loop with her coach, live, through the
 * gateway with real Keycloak tokens; the coach then scores a round and calibration shows both scorers.
 */
class MockLoopIT {

    private static final Duration LIVE_WAIT = Duration.ofSeconds(60);

    @Test
    void shouldRunTheNetflixDataPmLoopLiveFromCreationToDebriefAndCalibration() {
        Api api = SharedStack.gateway();
        RealKeycloak keycloak = SharedStack.keycloak();
        String cara = keycloak.userToken("cara");
        String colin = keycloak.userToken("colin");
        String caraId = RealKeycloak.claims(cara).path("sub").asText();
        String colinId = RealKeycloak.claims(colin).path("sub").asText();

        String sessionId = api.post("/api/sessions", colin, Map.of("mode", "COACHED", "loop", "netflix-data-pm",
                "candidateId", caraId, "candidateName", "cara")).expect(201).json().path("id").asText();
        JsonNode session = api.get("/api/sessions/" + sessionId, cara).expect(200).json();
        assertEquals(5, session.path("rounds").size(), "the Data PM loop has five rounds");
        assertTrue(formats(session).contains("SQL"), "one of the questions is live SQL: " + formats(session));

        int answers;
        try (LiveFeed live = LiveFeed.open(SharedStack.ports().gateway(), sessionId, cara)) {
            answers = new Interview(api, sessionId, cara, colin).runToCompletion();

            JsonNode followUp = live.ofType("follow-up-asked", 1, LIVE_WAIT).get(0);
            assertEquals(Interview.FOLLOW_UP, followUp.path("data").path("prompt").asText(), followUp.toString());
            assertEquals(1, live.ofType("constraint-introduced", 1, LIVE_WAIT).size());
            assertEquals(answers, live.ofType("answer-scored", answers, LIVE_WAIT).size(),
                    "every answer's score arrives live");
            assertInSequence(live.all());
        }

        JsonNode debrief = awaitDebrief(api, sessionId, cara);
        assertTrue(List.of("STRONG_NO", "NO", "YES", "STRONG_YES").contains(debrief.path("recommendation").asText()),
                debrief.toString());
        assertEquals(200, api.get("/api/debriefs/" + sessionId + "/markdown", cara, "text/markdown").status());

        List<String> keys = new ArrayList<>();
        api.get("/api/rubrics/behavioral-story", colin).expect(200).json().path("definition").path("dimensions")
                .forEach(d -> keys.add(d.path("key").asText()));
        List<Map<String, Object>> ratings = keys.stream()
                .map(key -> Map.<String, Object>of("key", key, "level", 3, "notes", "clear story, numbers given"))
                .toList();
        api.post("/api/scorecards", colin, Map.of("sessionId", sessionId, "roundPosition", 2,
                "recommendation", "YES", "dimensions", ratings, "notes", "hire for the hiring-manager round")).expect(201);

        JsonNode calibration = api.get("/api/calibration", keycloak.userToken("fiona")).expect(200).json();
        List<String> scorers = new ArrayList<>();
        calibration.path("scorers").forEach(s -> scorers.add(s.asText()));
        assertTrue(scorers.contains(colinId), "the coach is on the panel: " + calibration);
        assertTrue(scorers.size() >= 2, "the coach beside the automated scorer: " + calibration);
    }

    private static JsonNode awaitDebrief(Api api, String sessionId, String token) {
        long deadline = System.nanoTime() + LIVE_WAIT.toNanos();
        Api.Reply reply;
        do {
            reply = api.get("/api/debriefs/" + sessionId, token);
            if (reply.status() == 200 && reply.json().hasNonNull("recommendation")) {
                return reply.json();
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no debrief for " + sessionId + ": " + reply.raw().body());
    }

    private static List<String> formats(JsonNode session) {
        List<String> formats = new ArrayList<>();
        session.path("questions").forEach(q -> formats.add(q.path("answerFormat").asText()));
        return formats;
    }

    private static void assertInSequence(List<JsonNode> messages) {
        assertFalse(messages.isEmpty());
        long previous = 0;
        for (JsonNode message : messages) {
            long seq = message.path("seq").asLong();
            assertEquals(previous + 1, seq, "live messages arrive in order without gaps: " + messages);
            previous = seq;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
