package dev.debrief.session;

import dev.debrief.contracts.catalog.QuestionSnapshot;
import dev.debrief.session.catalog.Catalog;
import dev.debrief.session.lifecycle.InterviewSession;
import dev.debrief.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.debrief.session.Api.as;
import static dev.debrief.session.Api.candidate;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The breaker in front of question-service. The test profile opens it after 6 failed calls in a row and
 * lets a probe through after 5 s (long enough that the open-breaker checks finish first even on a loaded machine); each creation here tries the catalog twice (one retry).
 */
@QuarkusTest
@TestProfile(SessionInfra.class)
class CatalogCircuitBreakerTest {

    @AfterEach
    void closeTheBreakers() {
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    void shouldFailFastWithoutCallingTheCatalogOnceItFailedRepeatedlyAndRecoverAfterTheDelay() {
        String candidateName = "breaker-" + UUID.randomUUID();
        String token = candidate(candidateName);
        UUID down = UUID.randomUUID();
        CatalogStub.stubDownQuestion(down);
        String downPath = "/api/questions/" + down + "/snapshot";

        for (int i = 0; i < 3; i++) {
            create(token, down).then().statusCode(503).contentType("application/problem+json");
        }
        CatalogStub.server().verify(6, getRequestedFor(urlPathEqualTo(downPath)));
        assertEquals(CircuitBreakerState.OPEN, CircuitBreakerMaintenance.get().currentState(Catalog.QUESTION_BREAKER));

        // open: even a question the catalog would serve is refused at once, and the catalog is not called
        QuestionSnapshot healthy = CatalogStub.stubQuestion("FREE_TEXT");
        String healthyPath = "/api/questions/" + healthy.id() + "/snapshot";
        create(token, healthy.id()).then().statusCode(503).contentType("application/problem+json")
                .body("status", equalTo(503))
                .body("detail", containsString("failed repeatedly"));
        create(token, down).then().statusCode(503);
        CatalogStub.server().verify(0, getRequestedFor(urlPathEqualTo(healthyPath)));
        CatalogStub.server().verify(6, getRequestedFor(urlPathEqualTo(downPath)));
        assertEquals(0L, sessionsOf(candidateName), "a refused creation leaves no session behind");

        // after the delay one probe goes through; it succeeds, so the breaker closes
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> create(token, healthy.id()).statusCode() == 201);
        assertEquals(CircuitBreakerState.CLOSED, CircuitBreakerMaintenance.get().currentState(Catalog.QUESTION_BREAKER));
        CatalogStub.server().verify(1, getRequestedFor(urlPathEqualTo(healthyPath)));
        assertEquals(1L, sessionsOf(candidateName));
    }

    private static Response create(String token, UUID question) {
        return as(token).body(Map.of("mode", "SELF_PRACTICE", "questions", List.of(Map.of("id", question.toString()))))
                .post("/api/sessions");
    }

    private static long sessionsOf(String username) {
        String subject = TestTokens.subjectOf(username);
        return QuarkusTransaction.requiringNew().call(() -> InterviewSession.count("candidate", subject));
    }
}
