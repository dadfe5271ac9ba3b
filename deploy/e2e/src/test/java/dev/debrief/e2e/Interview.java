package dev.debrief.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * Drives one session through the gateway as its candidate (and, in a coached session, its coach): start,
 * answer every question in its format, move on, complete. Reads the ETag before each state change, as a
 * client keeping up with the server's version does.
 */
final class Interview {

    static final String FOLLOW_UP = "But what if that data was noisy?";
    static final String CONSTRAINT = "Assume we can't track retention beyond 7 days.";

    private final Api api;
    private final String sessionPath;
    private final String candidate;
    private final String coach;

    Interview(Api api, String sessionId, String candidateToken, String coachToken) {
        this.api = api;
        this.sessionPath = "/api/sessions/" + sessionId;
        this.candidate = candidateToken;
        this.coach = coachToken;
    }

    /** @return how many answers were submitted */
    int runToCompletion() {
        api.post(sessionPath + "/start", candidate, null, etag()).expect(200);
        JsonNode questions = api.get(sessionPath, candidate).expect(200).json().path("questions");
        for (int index = 0; index < questions.size(); index++) {
            if (coach != null && index == 0) {
                api.post(sessionPath + "/follow-ups", coach, Map.of("text", FOLLOW_UP)).expect(201);
                api.post(sessionPath + "/constraints", coach, Map.of("text", CONSTRAINT)).expect(201);
            }
            String format = questions.get(index).path("answerFormat").asText();
            api.post(sessionPath + "/questions/" + index + "/answer", candidate, answerIn(format), etag()).expect(200);
            String move = index < questions.size() - 1 ? "/next" : "/complete";
            api.post(sessionPath + move, candidate, null, etag()).expect(200);
        }
        return questions.size();
    }

    private String etag() {
        return api.get(sessionPath, candidate).expect(200).etag();
    }

    /** A reasonable answer in each format the catalog asks for. */
    static Map<String, Object> answerIn(String format) {
        return switch (format) {
            case "SQL" -> Map.of("text", """
                    -- check first: duplicate play rows and test accounts inflate counts
                    WITH unique_plays AS (
                        SELECT DISTINCT session_id, member_id, title_id, started_at, seconds_watched FROM plays
                    )
                    SELECT t.genre, count(*) AS plays
                    FROM unique_plays p
                    JOIN members m ON m.member_id = p.member_id
                    JOIN titles t ON t.title_id = p.title_id
                    WHERE m.is_test_account IS NOT TRUE
                    GROUP BY t.genre
                    ORDER BY plays DESC""");
            case "STRUCTURED_METRICS" -> Map.of(
                    "text", "One primary metric, two guardrails, and the bar set before we look at results.",
                    "structured", Map.of(
                            "metrics", List.of(
                                    Map.of("name", "weekly viewing hours per member", "rank", 1, "kind", "PRIMARY"),
                                    Map.of("name", "30-day cancellation rate", "rank", 2, "kind", "GUARDRAIL"),
                                    Map.of("name", "playback start failures", "rank", 3, "kind", "GUARDRAIL")),
                            "decisionThreshold", "ship at +1.5% viewing hours with cancellations flat; kill switch at +0.3pt"));
            default -> Map.of("text", """
                    The situation: our recommendations row lost 8% of clicks after a redesign, and the team wanted to \
                    roll back. I framed one primary metric, weekly viewing hours, with cancellations as a guardrail, and \
                    set a threshold before looking: keep the redesign only if hours stayed within 1%. I checked the data \
                    first: duplicate events and test accounts explained half the drop. Then I ran a two-week holdout. \
                    Hours rose 2.3% and cancellations were flat, so we kept it with a kill switch. The lesson: treat a \
                    metric as evidence, not truth, and decide the bar before the result arrives.""");
        };
    }
}
