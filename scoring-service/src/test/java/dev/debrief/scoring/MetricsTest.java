package dev.debrief.scoring;

import dev.debrief.testsupport.RealInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** /q/metrics answers without a token and holds what the dashboard (deploy/monitoring) reads from this service. */
@QuarkusTest
@TestProfile(RealInfra.class)
class MetricsTest {

    @Test
    void shouldExposeHttpHistogramsScoringOutboxAndDeadLetterMetrics() {
        given().get("/api/rubrics").then().statusCode(401); // a request of the application, so its route is measured
        Sessions.scoredSession("northwind", "mia-" + java.util.UUID.randomUUID()); // histograms show once recorded
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_bucket"))
                .body(containsString("debrief_scoring_latency_seconds_bucket"))
                .body(containsString("debrief_answer_to_score_delay_seconds_bucket"))
                .body(containsString("debrief_outbox_backlog"))
                .body(containsString("debrief_outbox_oldest_unpublished_age_seconds"))
                .body(containsString("debrief_kafka_dead_letters{topic=\"debrief.dlt.scoring-service.sessions.v1\"}"));
    }
}
