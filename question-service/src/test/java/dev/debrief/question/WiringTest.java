package dev.debrief.question;

import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.Topics;
import dev.debrief.question.catalog.domain.Question;
import dev.debrief.question.catalog.domain.QuestionStatus;
import dev.debrief.contracts.AnswerFormat;
import dev.debrief.question.taxonomy.Category;
import dev.debrief.question.taxonomy.Difficulty;
import dev.debrief.question.taxonomy.JobRole;
import dev.debrief.question.taxonomy.RoundType;
import dev.debrief.testsupport.KafkaEvents;
import dev.debrief.testsupport.RealInfra;
import dev.debrief.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The foundation works: real PostgreSQL through Panache, real Kafka through the outbox, token checks. */
@QuarkusTest
@TestProfile(RealInfra.class)
class WiringTest {

    @Test
    void shouldPersistAndReadBackThroughPanache() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Question q = new Question();
            q.id = id;
            q.slug = "wiring-" + id;
            q.title = "Wiring";
            q.prompt = "Does the database work?";
            q.status = QuestionStatus.DRAFT;
            q.version = 1;
            q.category = Category.SQL;
            q.role = JobRole.DATA_PM;
            q.roundType = RoundType.DATA_CASE;
            q.difficulty = Difficulty.EASY;
            q.answerFormat = AnswerFormat.SQL;
            q.rubric = "sql-analysis";
            q.levels = new String[0];
            q.competencies = new String[0];
            q.tags = new String[0];
            q.searchExtra = "";
            q.timeBudgetSeconds = 600;
            q.createdAt = Instant.now();
            q.updatedAt = q.createdAt;
            q.persist();
        });
        Question read = QuarkusTransaction.requiringNew().call(() -> Question.findById(id));
        assertEquals("wiring-" + id, read.slug);
    }

    @Test
    void shouldPublishAnEventThroughTheRealBrokerWhenAQuestionIsCreated() {
        String slug = "outbox-" + UUID.randomUUID();
        String id = given().auth().oauth2(TestTokens.token("ada", null, "admin"))
                .contentType(ContentType.JSON)
                .body(Catalog.question(slug))
                .post("/api/questions")
                .then().statusCode(201).extract().path("id");

        List<EventEnvelope> events = KafkaEvents.read(Topics.CATALOG, e -> id.equals(e.subject()), 1,
                Duration.ofSeconds(20));
        assertEquals(1, events.size());
        assertEquals("dev.debrief.question.published", events.get(0).type());
        assertEquals(slug, events.get(0).data().get("slug").asText());
    }

    @Test
    void shouldRefuseACallWithoutATokenWithProblemJson() {
        given().get("/api/questions")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void shouldRefuseATokenForAnotherAudience() {
        given().auth().oauth2(TestTokens.forAudience("another-api", "cara", "northwind", "candidate"))
                .get("/api/questions")
                .then().statusCode(401);
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        given().auth().oauth2(TestTokens.expired("cara", "candidate"))
                .get("/api/questions")
                .then().statusCode(401);
    }

    @Test
    void shouldRefuseTheWrongRoleWithForbidden() {
        given().auth().oauth2(TestTokens.token("cara", "northwind", "candidate"))
                .contentType(ContentType.JSON)
                .body(Catalog.question("not-allowed"))
                .post("/api/questions")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAnswerTheRightRole() {
        given().auth().oauth2(TestTokens.token("cara", "northwind", "candidate"))
                .get("/api/questions")
                .then().statusCode(200);
    }

    @Test
    void shouldHideOneFirmsQuestionsFromAnotherFirm() {
        String slug = "private-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.token("colin", "northwind", "coach"))
                .contentType(ContentType.JSON)
                .body(Catalog.question(slug))
                .post("/api/questions").then().statusCode(201);

        given().auth().oauth2(TestTokens.token("sam", "summit", "candidate"))
                .get("/api/questions?scope=firm")
                .then().statusCode(200).body("items.slug", not(hasItem(slug)));
        given().auth().oauth2(TestTokens.token("cara", "northwind", "candidate"))
                .get("/api/questions?scope=firm&sort=-updatedAt")
                .then().statusCode(200).body("items.slug", hasItem(slug));
    }

    @Test
    void shouldNameTheFailingFieldOfABadRequest() {
        given().auth().oauth2(TestTokens.token("ada", null, "admin"))
                .contentType(ContentType.JSON)
                .body("""
                        {"slug":"Not A Slug","title":"","prompt":"x"}""")
                .post("/api/questions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("slug"))
                .body("errors.field", hasItem("title"));
    }

    @Test
    void shouldReportReadyFromItsRealDependencies() {
        // the index loads on the first poll after start: ready once it holds the catalog
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200).body("checks.name", hasItem("Database connections health check")));
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'catalog index writer' }.status", equalTo("UP"));
    }
}
