package dev.debrief.scoring;

import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Topics;
import dev.debrief.kit.outbox.Outbox;
import dev.debrief.scoring.rubrics.Rubric;
import dev.debrief.testsupport.KafkaEvents;
import dev.debrief.testsupport.RealInfra;
import dev.debrief.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The foundation works: real PostgreSQL through Panache, real Kafka through the outbox, token checks. */
@QuarkusTest
@TestProfile(RealInfra.class)
class WiringTest {

    @Inject
    Outbox outbox;

    @Test
    void shouldShowAFirmItsOwnRubricsButNotAnotherFirms() {
        String northwind = persistRubric("northwind");
        String summit = persistRubric("summit");

        given().auth().oauth2(TestTokens.token("colin", "northwind", "coach"))
                .get("/api/rubrics")
                .then().statusCode(200)
                .body("slug", hasItem(northwind))
                .body("slug", not(hasItem(summit)));
    }

    @Test
    void shouldProduceAndConsumeAnEventThroughTheRealBroker() {
        UUID sessionId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(EventType.SESSION_DEBRIEFED, sessionId, null,
                Map.of("sessionId", sessionId)));

        List<EventEnvelope> events = KafkaEvents.read(Topics.SCORES, e -> sessionId.toString().equals(e.subject()),
                1, Duration.ofSeconds(20));
        assertEquals(1, events.size());
        assertEquals("dev.debrief.score.session-debriefed", events.get(0).type());
    }

    @Test
    void shouldRefuseACallWithoutAToken() {
        given().get("/api/rubrics").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseATokenWithNoDebriefRole() {
        given().auth().oauth2(TestTokens.token("mallory", "northwind", "offline_access"))
                .get("/api/rubrics")
                .then().statusCode(403).contentType("application/problem+json");
    }

    private static String persistRubric(String tenant) {
        String slug = "rubric-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Rubric rubric = new Rubric();
            rubric.id = UUID.randomUUID();
            rubric.tenant = tenant;
            rubric.slug = slug;
            rubric.version = 1;
            rubric.title = "Rubric of " + tenant;
            rubric.createdAt = Instant.now();
            rubric.persist();
        });
        return slug;
    }
}
