package dev.debrief.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, finding 1, on the real stack: a Summit candidate leaves an answer with a secret in it; then uma, a
 * candidate of no firm, answers the Data PM loop's SQL question with the escape that read every firm's answers.
 * Her score says {@code sql.refused.function} and nothing else: no Summit answer, no row of any table, in any
 * response she gets.
 */
class SqlSandboxEscapeIT {

    static final String ESCAPE = "select title_id from titles order by (set_config('role','none',true) || "
            + "query_to_xml('select tenant, candidate, left(text,70) from scoring.answer', true, true, '')::text)::int";

    @Test
    void shouldRefuseTheEscapeQueryWithACodeAndShowNoOtherFirmsData() {
        Api api = SharedStack.gateway();
        RealKeycloak keycloak = SharedStack.keycloak();
        String secret = "summit-secret-" + UUID.randomUUID();
        String sam = keycloak.userToken("sam");
        String samsSession = selfPractice(api, sam);
        int samsAnswers = answerAll(api, samsSession, sam, secret + " I set the bar before I looked at the data.");
        awaitScores(api, samsSession, sam, samsAnswers);

        String uma = keycloak.userToken("uma");
        String sessionId = selfPractice(api, uma);
        int answers = answerAll(api, sessionId, uma, "I would first agree on one primary metric and a guardrail.");
        JsonNode scores = awaitScores(api, sessionId, uma, answers);

        JsonNode sql = null;
        for (JsonNode score : scores) {
            if (score.hasNonNull("sql")) {
                sql = score.path("sql");
            }
        }
        assertTrue(sql != null, "the SQL answer was scored: " + scores);
        assertFalse(sql.path("sandbox").path("ran").asBoolean(true), sql.toString());
        assertEquals("sql.refused.function", sql.path("sandbox").path("error").asText(), sql.toString());

        List<String> bodies = new ArrayList<>();
        bodies.add(scores.toString());
        for (JsonNode score : scores) {
            bodies.add(api.get("/api/scores/" + score.path("scoreId").asText(), uma).expect(200).raw().body());
        }
        bodies.add(api.get("/api/sessions/" + sessionId, uma).expect(200).raw().body());
        for (String body : bodies) {
            assertFalse(body.contains(secret), "another firm's answer reached the candidate: " + body);
            assertFalse(body.contains("summit"), "another firm's name reached the candidate: " + body);
            assertFalse(body.contains("<row>") || body.contains("<tenant>"), "rows reached the candidate: " + body);
        }
    }

    private static String selfPractice(Api api, String candidate) {
        return api.post("/api/sessions", candidate, Map.of("mode", "SELF_PRACTICE", "loop", "netflix-data-pm"))
                .expect(201).json().path("id").asText();
    }

    /** Answers every question: the escape where SQL is asked, {@code text} elsewhere. */
    private static int answerAll(Api api, String sessionId, String candidate, String text) {
        String path = "/api/sessions/" + sessionId;
        api.post(path + "/start", candidate, null, etag(api, path, candidate)).expect(200);
        JsonNode questions = api.get(path, candidate).expect(200).json().path("questions");
        boolean askedSql = false;
        for (int index = 0; index < questions.size(); index++) {
            String format = questions.get(index).path("answerFormat").asText();
            Map<String, Object> answer = "SQL".equals(format) ? Map.of("text", ESCAPE)
                    : "STRUCTURED_METRICS".equals(format) ? Interview.answerIn(format) : Map.of("text", text);
            askedSql |= "SQL".equals(format);
            api.post(path + "/questions/" + index + "/answer", candidate, answer, etag(api, path, candidate)).expect(200);
            String move = index < questions.size() - 1 ? "/next" : "/complete";
            api.post(path + move, candidate, null, etag(api, path, candidate)).expect(200);
        }
        assertTrue(askedSql, "the Data PM loop asks a SQL question");
        return questions.size();
    }

    private static String etag(Api api, String path, String candidate) {
        return api.get(path, candidate).expect(200).etag();
    }

    private static JsonNode awaitScores(Api api, String sessionId, String token, int answers) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            Api.Reply reply = api.get("/api/scores?sessionId=" + sessionId, token);
            last = reply.raw().body();
            if (reply.status() == 200 && reply.json().size() >= answers) {
                return reply.json();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("the answers were not all scored: " + last);
    }
}
