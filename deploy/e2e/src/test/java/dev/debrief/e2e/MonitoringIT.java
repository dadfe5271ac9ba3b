package dev.debrief.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.launcher.Ports;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /q/metrics answers on the gateway and the three services, and every query of the Grafana dashboard in
 * deploy/monitoring names metrics that they really expose (a renamed metric would leave a panel silently empty).
 */
class MonitoringIT {

    private static final Path DASHBOARD = Path.of("..", "monitoring", "grafana", "debrief-dashboard.json");
    /** PromQL words that are not metric names. */
    private static final Set<String> PROMQL = Set.of("sum", "max", "min", "avg", "count", "rate", "increase", "irate",
            "histogram_quantile", "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless",
            "le", "offset", "bool", "topk", "bottomk", "abs", "clamp_min", "clamp_max", "delta", "deriv", "time");

    @Test
    void shouldExposeEveryMetricTheDashboardQueries() throws IOException {
        Api api = SharedStack.gateway();
        RealKeycloak keycloak = SharedStack.keycloak();
        String cara = keycloak.userToken("cara");
        String colin = keycloak.userToken("colin");
        api.get("/api/questions", cara).expect(200);
        // a session's creation calls the catalog through session-service's breaker, so its metrics exist
        api.post("/api/sessions", colin, java.util.Map.of("mode", "COACHED", "loop", "netflix-data-pm",
                "candidateId", RealKeycloak.claims(cara).path("sub").asText(), "candidateName", "cara")).expect(201);
        // spend one user's budget so that the 429 counter exists (600 a minute; bursts of 300 in the e2e stack, see
        // deploy/e2e/pom.xml); seth is in no other test, so no other test meets his empty bucket
        String seth = keycloak.userToken("seth");
        boolean limited = false;
        for (int i = 0; i < 1500 && !limited; i++) {
            limited = api.get("/api/questions?size=1", seth).status() == 429;
        }
        assertTrue(limited, "the gateway's rate limit answered 429");

        Ports ports = SharedStack.ports();
        Set<String> exposed = new TreeSet<>();
        for (int port : List.of(ports.gateway(), ports.question(), ports.session(), ports.scoring())) {
            Api.Reply metrics = new Api("http://localhost:" + port).get("/q/metrics", null);
            assertEquals(200, metrics.status(), "/q/metrics on port " + port);
            metrics.raw().body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0]).forEach(exposed::add);
        }

        List<String> missing = new ArrayList<>();
        for (String expr : dashboardQueries()) {
            for (String name : metricNames(expr)) {
                if (!exposed.contains(name)) {
                    missing.add(name + " (in " + expr + ")");
                }
            }
        }
        assertEquals(List.of(), missing, "dashboard queries naming metrics that no app exposes");
        for (String wanted : List.of("http_server_requests_seconds_count", "debrief_outbox_backlog",
                "debrief_outbox_oldest_unpublished_age_seconds", "debrief_scoring_latency_seconds_bucket",
                "debrief_answer_to_score_delay_seconds_bucket", "debrief_live_sockets_open",
                "debrief_gateway_breaker_open", "debrief_gateway_rate_limited_total", "debrief_kafka_dead_letters")) {
            assertTrue(exposed.contains(wanted), wanted + " is exposed");
        }
    }

    static List<String> dashboardQueries() throws IOException {
        JsonNode dashboard = Api.JSON.readTree(Files.readString(DASHBOARD));
        List<String> queries = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(t -> queries.add(t.path("expr").asText())));
        assertTrue(queries.size() >= 10, "the dashboard has its panels");
        return queries;
    }

    /** The metric names of a PromQL expression: label matchers, label lists, ranges and functions taken out. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\"[^\"]*\"", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?").matcher(bare);
        while (m.find()) {
            String word = m.group().replaceAll("[\\s(]", "");
            if (m.group(1) == null && !PROMQL.contains(word)) {
                names.add(word);
            }
        }
        return names;
    }
}
