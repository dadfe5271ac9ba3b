package dev.debrief.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The access matrix, generated (issue 13, build item 8): every operation of the gateway's merged OpenAPI
 * document, called through the gateway by each kind of caller with real tokens from the demo realm, must
 * answer what docs/access-policy.md says. An operation without a row there, or a row for no operation,
 * fails the test.
 */
class AccessMatrixIT {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final List<String> CALL_ORDER = List.of("none", "other-firm", "no-firm", "analyst", "other-coach",
            "candidate", "admin", "coach", "firm-admin", "client");

    @Test
    void shouldAnswerEveryOperationForEveryCallerAsThePolicyTableSays() throws Exception {
        Api api = SharedStack.gateway();
        RealKeycloak keycloak = SharedStack.keycloak();
        AccessPolicy policy = AccessPolicy.read();

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("candidate", keycloak.userToken("cara"));
        tokens.put("coach", keycloak.userToken("colin"));
        tokens.put("other-coach", keycloak.userToken("noel"));
        tokens.put("firm-admin", keycloak.userToken("fiona"));
        tokens.put("admin", keycloak.userToken("ada"));
        tokens.put("analyst", keycloak.userToken("nina"));
        tokens.put("other-firm", keycloak.userToken("seth"));
        tokens.put("no-firm", keycloak.userToken("uma"));
        tokens.put("client", keycloak.clientToken("northwind-integration", "northwind-demo-secret"));
        tokens.put("none", null);

        Fixtures fixtures = Fixtures.create(api, tokens);
        List<String[]> operations = operations(api.get("/q/openapi", null).expect(200).json());

        List<String> missing = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        StringBuilder observed = new StringBuilder("| method | path | " + String.join(" | ", AccessPolicy.CALLERS) + " |\n");
        int calls = 0;
        for (String[] operation : operations) {
            String method = operation[0];
            String path = operation[1];
            Map<String, String> expected = policy.row(method, path);
            if (expected == null) {
                missing.add(AccessPolicy.key(method, path));
            }
            Map<String, Integer> statuses = new LinkedHashMap<>();
            // refused callers first, so an allowed caller's change (a retire, an abandon) cannot mask a refusal
            for (String caller : CALL_ORDER) {
                Api.Reply reply = fixtures.call(api, method, path, tokens.get(caller));
                calls++;
                statuses.put(caller, reply.status());
                if (reply.status() >= 500 || expected != null && !AccessPolicy.meets(expected.get(caller), reply.status())) {
                    wrong.add(AccessPolicy.key(method, path) + " as " + caller + ": expected "
                            + (expected == null ? "a row" : expected.get(caller)) + ", got " + reply.status() + " "
                            + abbreviate(reply.raw().body()));
                }
            }
            observed.append("| ").append(method).append(" | `").append(path).append("` |");
            AccessPolicy.CALLERS.forEach(c -> observed.append(' ').append(AccessPolicy.cellOf(statuses.get(c))).append(" |"));
            observed.append('\n');
        }
        List<String> stale = policy.keys();
        stale.removeAll(operations.stream().map(o -> AccessPolicy.key(o[0], o[1])).toList());

        System.out.println("Access matrix: " + operations.size() + " operations x " + AccessPolicy.CALLERS.size()
                + " callers = " + calls + " calls; " + wrong.size() + " cells differ from docs/access-policy.md\n"
                + observed);
        assertTrue(missing.isEmpty(), "operations with no row in docs/access-policy.md: " + missing);
        assertTrue(stale.isEmpty(), "rows in docs/access-policy.md for no operation: " + stale);
        assertTrue(wrong.isEmpty(), wrong.size() + " cells differ from the policy:\n" + String.join("\n", wrong));
    }

    /** Every (method, path) of the merged document, sorted so reads come before writes. */
    static List<String[]> operations(JsonNode openApi) {
        List<String[]> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext();) {
            var path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                String method = methods.next().toUpperCase();
                if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    operations.add(new String[] { method, path.getKey() });
                }
            }
        }
        operations.sort(Comparator.<String[], Boolean>comparing(o -> !o[0].equals("GET"))
                .thenComparing(o -> destructive(o[1])).thenComparing(o -> o[1]).thenComparing(o -> o[0]));
        return operations;
    }

    private static boolean destructive(String path) {
        return path.endsWith("/retire") || path.endsWith("/abandon") || path.endsWith("/complete");
    }

    /** A webhook endpoint of fiona's, to a port nothing listens on, subscribed to the given event type. */
    static String webhookEndpoint(Api api, String firmAdmin, String eventType) throws Exception {
        return api.post("/api/firm/webhooks", firmAdmin, Map.of("url", "http://localhost:9/matrix",
                "eventTypes", List.of(eventType))).expect(201).json().path("id").asText();
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replace('\n', ' ');
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

    /** The resources the calls name: one firm's question, loop, coached session, score and scorecard. */
    record Fixtures(String question, String questionSlug, String loop, String loopSlug, String session,
            String score, String scorecard, String candidate, String rubric, String candidateToken, String webhook,
            String webhookDelivery, String firmAdminToken) {

        static Fixtures create(Api api, Map<String, String> tokens) throws Exception {
            String colin = tokens.get("coach");
            String cara = tokens.get("candidate");
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String questionSlug = "matrix-q-" + suffix;
            String question = api.post("/api/questions", colin, question(questionSlug)).expect(201).json()
                    .path("id").asText();
            String loopSlug = "matrix-loop-" + suffix;
            String loop = api.post("/api/loops", tokens.get("firm-admin"), loop(loopSlug)).expect(201).json()
                    .path("id").asText();
            String candidate = RealKeycloak.claims(cara).path("sub").asText();
            // an endpoint owed the coached session's creation: its one delivery is the resend's fixture
            String webhook = webhookEndpoint(api, tokens.get("firm-admin"), "session.created");
            String session = api.post("/api/sessions", colin, Map.of("mode", "COACHED", "candidateId", candidate,
                    "candidateName", "cara", "questions", List.of(Map.of("id", question))))
                    .expect(201).json().path("id").asText();
            String path = "/api/sessions/" + session;
            api.post(path + "/start", cara, null, api.get(path, cara).expect(200).etag()).expect(200);
            api.post(path + "/questions/0/answer", cara, Interview.answerIn("FREE_TEXT"),
                    api.get(path, cara).expect(200).etag()).expect(200);
            String score = awaitScore(api, session, colin);
            String scorecard = api.post("/api/scorecards", colin, scorecard(session)).expect(201).json()
                    .path("id").asText();
            String delivery = awaitDelivery(api, webhook, tokens.get("firm-admin"));
            // no further deliveries for it: the suite's other sessions owe it nothing
            api.put("/api/firm/webhooks/" + webhook, tokens.get("firm-admin"), webhookChange()).expect(200);
            return new Fixtures(question, questionSlug, loop, loopSlug, session, score, scorecard, candidate,
                    "behavioral-story", cara, webhook, delivery, tokens.get("firm-admin"));
        }

        Api.Reply call(Api api, String method, String template, String token) throws Exception {
            String path = fill(template);
            String query = switch (template) {
                case "/api/scores", "/api/scorecards" -> method.equals("GET") ? "?sessionId=" + session : "";
                case "/api/questions/export", "/api/questions/import" -> "?format=jsonl";
                default -> "";
            };
            Object body = body(method, template);
            if (template.equals("/api/firm/webhooks/{id}") && method.equals("DELETE")) {
                // each caller deletes a fresh endpoint of fiona's, so an allowed delete cannot mask the next caller's
                path = "/api/firm/webhooks/" + webhookEndpoint(api, firmAdminToken, "session.expired");
            }
            if (template.startsWith("/api/sessions/{id}/") && method.equals("POST")) {
                // the current ETag, as a client that keeps up sends it: otherwise 428 comes before the access checks
                String etag = api.get("/api/sessions/" + session, candidateToken).expect(200).etag();
                return api.send(method, path + query, token, body == null ? null : "application/json",
                        body == null ? null : Api.JSON.writeValueAsBytes(body), etag);
            }
            if (body == null) {
                return api.send(method, path + query, token, null, null);
            }
            if (template.equals("/api/questions/import")) {
                return api.send(method, path + query, token, "application/x-ndjson",
                        Api.JSON.writeValueAsBytes(body));
            }
            return api.send(method, path + query, token, "application/json", Api.JSON.writeValueAsBytes(body));
        }

        String fill(String template) {
            Matcher parameter = PARAMETER.matcher(template);
            StringBuilder out = new StringBuilder();
            while (parameter.find()) {
                String value = switch (parameter.group(1)) {
                    case "id", "idOrSlug" -> template.startsWith("/api/questions") ? question
                            : template.startsWith("/api/firm/webhooks") ? webhook
                            : template.startsWith("/api/loops") ? loop
                            : template.startsWith("/api/scorecards") ? scorecard
                            : session;
                    case "sessionId" -> session;
                    case "scoreId" -> score;
                    case "deliveryId" -> webhookDelivery;
                    case "candidate" -> candidate;
                    case "slug" -> rubric;
                    case "version" -> "1";
                    case "index" -> "0";
                    default -> UUID.randomUUID().toString();
                };
                parameter.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            parameter.appendTail(out);
            return out.toString();
        }

        /** A valid body where the operation takes one, so only the access checks can refuse it. */
        Object body(String method, String template) {
            String fresh = UUID.randomUUID().toString().substring(0, 8);
            return switch (method + " " + template) {
                case "POST /api/questions", "POST /api/questions/import" -> question("matrix-new-" + fresh);
                case "PUT /api/questions/{id}" -> question(questionSlug);
                case "POST /api/questions/draw" -> Map.of("category", "BEHAVIORAL", "count", 1);
                case "POST /api/loops" -> loop("matrix-new-" + fresh);
                case "PUT /api/loops/{id}" -> loop(loopSlug);
                case "POST /api/rubrics" -> rubric("matrix-" + fresh);
                case "POST /api/sessions" -> Map.of("mode", "SELF_PRACTICE", "questions", List.of(Map.of("id", question)));
                case "POST /api/sessions/{id}/follow-ups", "POST /api/sessions/{id}/constraints" ->
                        Map.of("text", "What if that data was noisy?");
                case "PUT /api/sessions/{id}/questions/{index}/draft", "POST /api/sessions/{id}/questions/{index}/answer" ->
                        Map.of("text", "A draft of my answer.");
                case "POST /api/scorecards" -> scorecard(session);
                case "POST /api/firm/webhooks" -> Map.of("url", "http://localhost:9/matrix-" + fresh,
                        "eventTypes", List.of("session.expired"));
                case "PUT /api/firm/webhooks/{id}" -> webhookChange();
                case "PUT /api/scorecards/{id}" -> Map.of("basedOnVersion", 1, "recommendation", "YES",
                        "dimensions", List.of(Map.of("key", "story-structure", "level", 3)));
                default -> method.equals("POST") || method.equals("PUT") || method.equals("PATCH") ? Map.of() : null;
            };
        }

        private static Map<String, Object> question(String slug) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("slug", slug);
            q.put("status", "PUBLISHED");
            q.put("title", "Access matrix: " + slug);
            q.put("prompt", "Tell us about a decision you made with incomplete data.");
            q.put("category", "BEHAVIORAL");
            q.put("role", "ENGINEERING_MANAGER");
            q.put("levels", List.of("MANAGER"));
            q.put("roundType", "ONSITE");
            q.put("competencies", List.of("JUDGMENT"));
            q.put("tags", List.of("matrix"));
            q.put("timeBudgetSeconds", 900);
            q.put("difficulty", "MEDIUM");
            q.put("rubric", "behavioral-story");
            q.put("answerFormat", "FREE_TEXT");
            q.put("exemplars", List.of(Map.of("quality", "STRONG", "answer", "A strong answer names the bar first.",
                    "why", "decides before the data")));
            return q;
        }

        private static Map<String, Object> loop(String slug) {
            return Map.of("slug", slug, "title", "Matrix loop", "company", "Northwind", "role", "PRODUCT_MANAGER",
                    "rounds", List.of(Map.of("position", 1, "name", "Screen", "roundType", "RECRUITER_SCREEN",
                            "minutes", 30, "draws", List.of(Map.of("category", "BEHAVIORAL", "count", 1)))));
        }

        private static Map<String, Object> webhookChange() {
            return Map.of("url", "http://localhost:9/matrix", "eventTypes", List.of("session.created"), "enabled", false);
        }

        private static String awaitDelivery(Api api, String webhook, String firmAdmin) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            String last = "";
            while (System.nanoTime() < deadline) {
                Api.Reply reply = api.get("/api/firm/webhooks/" + webhook + "/deliveries", firmAdmin);
                last = reply.raw().body();
                if (reply.status() == 200 && reply.json() != null && reply.json().size() > 0) {
                    return reply.json().get(0).path("id").asText();
                }
                Thread.sleep(500);
            }
            throw new AssertionError("the fixture session's creation was owed to no webhook: " + last);
        }

        private static Map<String, Object> scorecard(String session) {
            return Map.of("sessionId", session, "roundPosition", 1, "recommendation", "YES",
                    "dimensions", List.of(Map.of("key", "story-structure", "level", 3, "notes", "clear arc")));
        }

        private static Map<String, Object> rubric(String slug) {
            return Map.of("slug", slug, "title", "Matrix rubric", "description", "d", "appliesTo", List.of("BEHAVIORAL"),
                    "dimensions", List.of(Map.of("key", "clarity", "name", "Clarity", "description", "c", "weight", 1.0,
                            "levels", List.of(Map.of("level", 1, "anchor", "Unclear."), Map.of("level", 2, "anchor", "Partly."),
                                    Map.of("level", 3, "anchor", "Clear."), Map.of("level", 4, "anchor", "Crisp.")),
                            "signals", Map.of("positive", List.of("in short"), "negative", List.of("um")))));
        }

        private static String awaitScore(Api api, String session, String coach) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            String last = "";
            while (System.nanoTime() < deadline) {
                Api.Reply reply = api.get("/api/scores?sessionId=" + session, coach);
                last = reply.raw().body();
                if (reply.status() == 200 && reply.json() != null && reply.json().size() > 0) {
                    return reply.json().get(0).path("scoreId").asText();
                }
                Thread.sleep(500);
            }
            throw new AssertionError("the fixture answer was not scored: " + last);
        }
    }
}
