package dev.debrief.session;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.debrief.contracts.AnswerFormat;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.catalog.LoopSnapshot;
import dev.debrief.contracts.catalog.QuestionSnapshot;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Stands in for question-service's snapshot API (the real one runs in the end-to-end suite). Tests stub
 * their own fresh loops and questions, so they never see each other's.
 */
public class CatalogStub implements QuarkusTestResourceLifecycleManager {

    /** The access token the stubbed realm issues to session-service's client. */
    public static final String SERVICE_TOKEN = "session-service-own-token";

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        // session-service's own identity: the same server plays the realm's token endpoint
        server.stubFor(post(urlEqualTo("/realms/debrief/protocol/openid-connect/token"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=client_credentials"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + SERVICE_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        return Map.of("quarkus.rest-client.catalog.url", server.baseUrl(),
                "quarkus.oidc-client.auth-server-url", server.baseUrl() + "/realms/debrief");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static WireMockServer server() {
        return server;
    }

    /** A fresh free-text question with a 120 s budget, a follow-up at 30 s and a constraint at 60 s. */
    public static QuestionSnapshot question(String format) {
        UUID id = UUID.randomUUID();
        return new QuestionSnapshot(id, 3, "q-" + id, "Netflix retention metric", "How would you measure retention?",
                "METRIC_DESIGN", "DATA_CASE", AnswerFormat.valueOf(format), "decision-spine", 120,
                List.of(new QuestionSnapshot.FollowUp("But what if that data was noisy?", 30)),
                List.of(new QuestionSnapshot.Constraint("Assume we can't track retention beyond 7 days.", 60)),
                "SQL".equals(format) ? "select count(*) from plays" : null);
    }

    public static QuestionSnapshot stubQuestion(String format) {
        QuestionSnapshot q = question(format);
        stubQuestion(q);
        return q;
    }

    public static void stubQuestion(QuestionSnapshot q) {
        server.stubFor(get(urlPathEqualTo("/api/questions/" + q.id() + "/snapshot")).willReturn(json(q)));
        server.stubFor(get(urlPathEqualTo("/api/questions/" + q.id() + "/versions/" + q.version() + "/snapshot"))
                .willReturn(json(q)));
    }

    /** A loop with the given rounds; round n draws {@code drawn.get(n - 1)}. */
    public static LoopSnapshot stubLoop(List<List<QuestionSnapshot>> drawn) {
        String slug = "loop-" + UUID.randomUUID();
        List<LoopSnapshot.Round> rounds = new java.util.ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            rounds.add(new LoopSnapshot.Round(i + 1, "Round " + (i + 1), "DATA_CASE", 45, drawn.get(i).size()));
            server.stubFor(post(urlPathEqualTo("/api/questions/draw"))
                    .withRequestBody(matchingJsonPath("$.loop", equalTo(slug)))
                    .withRequestBody(matchingJsonPath("$.round", equalTo(Integer.toString(i + 1))))
                    .willReturn(json(drawn.get(i))));
        }
        LoopSnapshot loop = new LoopSnapshot(slug, "Netflix Data PM", "Netflix", "Data PM", rounds);
        server.stubFor(get(urlPathEqualTo("/api/loops/" + slug + "/snapshot")).willReturn(json(loop)));
        return loop;
    }

    public static void stubDownQuestion(UUID id) {
        server.stubFor(get(urlPathEqualTo("/api/questions/" + id + "/snapshot")).willReturn(aResponse().withStatus(503)));
    }

    public static void stubSlowQuestion(QuestionSnapshot q) {
        server.stubFor(get(urlPathEqualTo("/api/questions/" + q.id() + "/snapshot"))
                .willReturn(json(q).withFixedDelay(3_000)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(Object body) {
        try {
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody(Json.mapper().writeValueAsString(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
