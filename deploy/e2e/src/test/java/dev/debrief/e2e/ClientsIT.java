package dev.debrief.e2e;

import dev.debrief.client.ApiClient;
import dev.debrief.client.ApiResponse;
import dev.debrief.client.api.AnswersApi;
import dev.debrief.client.api.DebriefsApi;
import dev.debrief.client.api.QuestionImportAndExportApi;
import dev.debrief.client.api.QuestionsApi;
import dev.debrief.client.api.SessionsApi;
import dev.debrief.client.model.AnswerRequest;
import dev.debrief.client.model.CreateSessionRequest;
import dev.debrief.client.model.ImportReport;
import dev.debrief.client.model.Kind;
import dev.debrief.client.model.Metric;
import dev.debrief.client.model.QuestionPage;
import dev.debrief.client.model.SessionMode;
import dev.debrief.client.model.SessionView;
import dev.debrief.client.model.StructuredMetrics;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clients generated from the merged contract, used as an integrator would, against the real stack: the
 * Java client (api/client-java) runs a whole mock loop and a firm's import; the TypeScript client
 * (api/client-typescript) does the same from Node.
 */
class ClientsIT {

    @Test
    void shouldRunAWholeMockLoopWithTheJavaClient() throws Exception {
        RealKeycloak keycloak = SharedStack.keycloak();
        String cara = keycloak.userToken("cara");
        String colin = keycloak.userToken("colin");
        SessionsApi coachSessions = new SessionsApi(client(colin));
        SessionsApi sessions = new SessionsApi(client(cara));
        AnswersApi answers = new AnswersApi(client(cara));

        CreateSessionRequest request = new CreateSessionRequest().mode(SessionMode.COACHED).loop("netflix-data-pm")
                .candidateId(RealKeycloak.claims(cara).path("sub").asText()).candidateName("cara");
        String key = "clients-it-" + UUID.randomUUID();
        SessionView created = coachSessions.createSession(request, key);
        assertEquals(created.getId(), coachSessions.createSession(request, key).getId(),
                "a retried creation answers the same session");
        UUID id = created.getId();

        sessions.startSession(id, etag(sessions, id));
        int count = sessions.getSession(id, null).getQuestions().size();
        for (int index = 0; index < count; index++) {
            String format = sessions.getSession(id, null).getQuestions().get(index).getAnswerFormat().getValue();
            answers.submitAnswer(id, index, etag(sessions, id), answerIn(format));
            if (index < count - 1) {
                sessions.nextQuestion(id, etag(sessions, id));
            } else {
                sessions.completeSession(id, etag(sessions, id));
            }
        }
        assertEquals("COMPLETED", sessions.getSession(id, null).getStatus().getValue());

        DebriefsApi debriefs = new DebriefsApi(client(cara));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (debriefs.getDebrief(id, null).getRecommendation() == null) {
            assertTrue(System.nanoTime() < deadline, "the debrief gets its recommendation");
            Thread.sleep(500);
        }
    }

    @Test
    void shouldImportAFirmsBankWithTheJavaClient() throws Exception {
        String summit = SharedStack.keycloak().clientToken("summit-integration", "summit-demo-secret");
        String slug = "clients-it-" + UUID.randomUUID().toString().substring(0, 8);
        String line = Api.JSON.writeValueAsString(Map.of("slug", slug, "title", "Churn rose after a price change",
                "prompt", "Churn rose 2 points the month after a price change. Did the price cause it?",
                "category", "METRIC_DESIGN", "role", "DATA_PM", "roundType", "DATA_CASE", "timeBudgetSeconds", 900,
                "difficulty", "MEDIUM", "rubric", "data-case", "answerFormat", "FREE_TEXT"));

        ImportReport report = new QuestionImportAndExportApi(client(summit)).importQuestions(line + "\n", "jsonl",
                "all-or-nothing", null);
        assertTrue(report.getCommitted(), report.toString());
        assertEquals(1, report.getCreated());
        QuestionPage page = new QuestionsApi(client(summit)).listQuestions(null, null, null, null, null, null, null,
                null, null, null, null, null, "firm", null, null, 100, null);
        assertTrue(page.getItems().stream().anyMatch(q -> slug.equals(q.getSlug())), "the import is in the firm's bank");
    }

    @Test
    void shouldRunAMockLoopAndAnImportWithTheTypeScriptClient() throws Exception {
        Path repo = SharedStack.get().config().repoRoot();
        Path script = repo.resolve("deploy/e2e/src/test/typescript/clients-it.mjs");
        RealKeycloak keycloak = SharedStack.keycloak();
        ProcessBuilder node = new ProcessBuilder("node", script.toString()).redirectErrorStream(true);
        node.environment().put("GW", "http://localhost:" + SharedStack.ports().gateway());
        node.environment().put("CLIENT", repo.resolve("api/client-typescript/dist/index.js").toString());
        node.environment().put("CARA", keycloak.userToken("cara"));
        node.environment().put("COLIN", keycloak.userToken("colin"));
        node.environment().put("SUMMIT", keycloak.clientToken("summit-integration", "summit-demo-secret"));
        Process process = node.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("loop COMPLETED") && output.contains("import committed"), output);
    }

    private static String etag(SessionsApi sessions, UUID id) throws Exception {
        ApiResponse<SessionView> read = sessions.getSessionWithHttpInfo(id, null);
        return read.getHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("etag"))
                .map(h -> h.getValue().get(0)).findFirst().orElseThrow();
    }

    private static AnswerRequest answerIn(String format) {
        return switch (format) {
            case "SQL" -> new AnswerRequest().text("SELECT t.genre, count(DISTINCT p.session_id) AS plays FROM plays p "
                    + "JOIN titles t ON t.title_id = p.title_id GROUP BY t.genre ORDER BY plays DESC");
            case "STRUCTURED_METRICS" -> new AnswerRequest().text("One primary metric, a guardrail, a bar set first.")
                    .structured(new StructuredMetrics().metrics(List.of(
                            new Metric().name("weekly viewing hours per member").rank(1).kind(Kind.PRIMARY),
                            new Metric().name("30-day cancellation rate").rank(2).kind(Kind.GUARDRAIL)))
                            .decisionThreshold("ship at +1.5% viewing hours with cancellations flat"));
            default -> new AnswerRequest().text("Situation: clicks fell 8% after a redesign. I set one primary metric, "
                    + "a guardrail and the bar before looking; duplicates explained half the drop; a holdout showed "
                    + "+2.3% hours with cancellations flat, so we kept it. Lesson: decide the bar first.");
        };
    }

    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + SharedStack.ports().gateway());
        client.setRequestInterceptor(builder -> builder.header("Authorization", "Bearer " + token));
        return client;
    }
}
