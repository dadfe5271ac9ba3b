package dev.debrief.question;

import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.Topics;
import dev.debrief.question.catalog.QuestionBank;
import dev.debrief.question.catalog.QuestionInput;
import dev.debrief.question.catalog.domain.QuestionStatus;
import dev.debrief.testsupport.EventSchemas;
import dev.debrief.testsupport.KafkaEvents;
import dev.debrief.testsupport.RealInfra;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.debrief.question.Catalog.admin;
import static dev.debrief.question.Catalog.as;
import static dev.debrief.question.Catalog.create;
import static dev.debrief.question.Catalog.firm;
import static dev.debrief.question.Catalog.question;
import static dev.debrief.question.Catalog.slug;
import static dev.debrief.question.Catalog.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every change is an event on the catalog topic, valid against its schema; a rolled-back change is none. */
@QuarkusTest
@TestProfile(RealInfra.class)
class CatalogEventsTest {

    @Inject
    QuestionBank bank;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldPublishAnEventForEveryChangeOfAQuestionInOrder() {
        String f = firm();
        var q = with(question(slug("events")), "status", "DRAFT");
        String id = create(as("coach", f), q);
        as("coach", f).body(with(q, "title", "Revised")).put("/api/questions/" + id).then().statusCode(200);
        as("coach", f).post("/api/questions/" + id + "/publish").then().statusCode(200);
        as("coach", f).post("/api/questions/" + id + "/retire").then().statusCode(200);

        List<EventEnvelope> events = KafkaEvents.read(Topics.CATALOG, e -> id.equals(e.subject()), 4,
                Duration.ofSeconds(20));
        assertEquals(List.of("dev.debrief.question.revised", "dev.debrief.question.revised",
                "dev.debrief.question.published", "dev.debrief.question.retired"),
                events.stream().map(EventEnvelope::type).toList());
        assertEquals(List.of(1, 2, 2, 2), events.stream().map(e -> e.data().get("version").asInt()).toList());
        assertEquals("RETIRED", events.get(3).data().get("status").asText());
        assertEquals(f, events.get(0).data().get("tenant").asText());
        events.forEach(e -> assertEquals(List.of(), EventSchemas.violations(Json.mapper().valueToTree(e))));
    }

    @Test
    void shouldPublishLoopEventsValidAgainstTheirSchemas() {
        String slug = slug("loop");
        String id = admin().body(LoopsTest.loop(slug, 45)).post("/api/loops").then().statusCode(201).extract().path("id");
        admin().body(LoopsTest.loop(slug, 60)).put("/api/loops/" + id).then().statusCode(200);

        List<EventEnvelope> events = KafkaEvents.read(Topics.CATALOG, e -> id.equals(e.subject()), 2,
                Duration.ofSeconds(20));
        assertEquals(List.of("dev.debrief.loop.published", "dev.debrief.loop.revised"),
                events.stream().map(EventEnvelope::type).toList());
        assertEquals(60, events.get(1).data().at("/snapshot/rounds/1/minutes").asInt());
        events.forEach(e -> assertEquals(List.of(), EventSchemas.violations(Json.mapper().valueToTree(e))));
    }

    @Test
    void shouldEmitNothingForAChangeThatRollsBack() {
        String slug = slug("rolled-back");
        QuestionInput input = new dev.debrief.question.catalog.QuestionInput(slug, null, "Rolled back", "Never committed",
                dev.debrief.question.taxonomy.Category.SQL, dev.debrief.question.taxonomy.JobRole.DATA_PM, null, null,
                dev.debrief.question.taxonomy.RoundType.DATA_CASE, null, null, 600,
                dev.debrief.question.taxonomy.Difficulty.EASY, "sql-analysis",
                dev.debrief.contracts.AnswerFormat.SQL, null, null, null, null, null);

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            bank.create(null, slug, QuestionStatus.PUBLISHED, input.content(), "test");
            throw new IllegalStateException("something after the change failed");
        }));

        long rows = QuarkusTransaction.requiringNew().call(() -> (Long) entityManager
                .createNativeQuery("select count(*) from outbox_event where payload like :slug", Long.class)
                .setParameter("slug", "%" + slug + "%").getSingleResult());
        assertEquals(0, rows);
        as("candidate", null).get("/api/questions/" + slug).then().statusCode(404);
        // a later committed change still goes out, so the topic is live while the rolled-back one is absent
        String marker = create(admin(), question(slug("after")));
        assertEquals(1, KafkaEvents.read(Topics.CATALOG, e -> marker.equals(e.subject()), 1, Duration.ofSeconds(20)).size());
        assertTrue(KafkaEvents.read(Topics.CATALOG, e -> e.data().toString().contains(slug), 1, Duration.ofSeconds(2))
                .isEmpty());
    }
}
