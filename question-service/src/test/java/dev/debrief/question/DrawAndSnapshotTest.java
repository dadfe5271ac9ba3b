package dev.debrief.question;

import dev.debrief.testsupport.RealInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.debrief.question.Catalog.admin;
import static dev.debrief.question.Catalog.as;
import static dev.debrief.question.Catalog.create;
import static dev.debrief.question.Catalog.firm;
import static dev.debrief.question.Catalog.question;
import static dev.debrief.question.Catalog.slug;
import static dev.debrief.question.Catalog.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The contract session-service codes against: loop and question snapshots, and draws. */
@QuarkusTest
@TestProfile(RealInfra.class)
class DrawAndSnapshotTest {

    @Test
    void shouldSnapshotALoopWithItsRoundsAndQuestionCounts() {
        as("candidate", null).get("/api/loops/fixture-data-pm/snapshot").then().statusCode(200)
                .body("slug", equalTo("fixture-data-pm"))
                .body("company", equalTo("Fixtureflix"))
                .body("role", equalTo("DATA_PM"))
                .body("rounds.position", contains(1, 2))
                .body("rounds[1].roundType", equalTo("DATA_CASE"))
                .body("rounds[1].minutes", equalTo(60))
                .body("rounds[1].questionCount", equalTo(2));
        as("candidate", null).get("/api/loops/no-such-loop/snapshot").then().statusCode(404);
    }

    @Test
    void shouldSnapshotTheLatestPublishedVersionAndAnyVersionWithTheReferenceQuery() {
        var q = with(with(question(slug("snap")), "category", "SQL"), "answerFormat", "SQL");
        q.put("sql", Map.of("referenceQuery", "select 1", "pitfalls", List.of("nulls")));
        String id = create(admin(), q);
        admin().body(with(q, "sql", Map.of("referenceQuery", "select 2", "pitfalls", List.of()))).put("/api/questions/" + id)
                .then().statusCode(200);

        // session-service's own identity receives the reference query (it scores SQL answers against it)
        as("snapshot-reader", null).get("/api/questions/" + id + "/snapshot").then().statusCode(200)
                .body("id", equalTo(id))
                .body("version", equalTo(2))
                .body("referenceSql", equalTo("select 2"))
                .body("category", equalTo("SQL"))
                .body("rubric", equalTo("data-case"))
                .body("timeBudgetSeconds", equalTo(900))
                .body("followUps[0].atSecond", equalTo(240))
                .body("constraints[0].text", equalTo("Assume no retention data beyond 7 days."));
        as("snapshot-reader", null).get("/api/questions/" + id + "/versions/1/snapshot").then().statusCode(200)
                .body("version", equalTo(1)).body("referenceSql", equalTo("select 1"));
        as("candidate", null).get("/api/questions/" + create(admin(), question(slug("plain"))) + "/snapshot")
                .then().body("referenceSql", nullValue());
    }

    @Test
    void shouldNotSnapshotADraft() {
        String f = firm();
        String id = create(as("coach", f), with(question(slug("draft")), "status", "DRAFT"));
        as("coach", f).get("/api/questions/" + id + "/snapshot").then().statusCode(404);
    }

    @Test
    void shouldDrawARoundOfALoopByItsCategoriesPreferringTheLoopsCompany() {
        as("snapshot-reader", null).body(Map.of("loop", "fixture-data-pm", "round", 2, "count", 10, "seed", 7))
                .post("/api/questions/draw").then().statusCode(200)
                .body("", hasSize(2))
                .body("slug", contains("fixture-metric-retention", "fixture-sql-dedup"))
                .body("[1].referenceSql", org.hamcrest.Matchers.startsWith("select date_trunc"));
        as("candidate", null).body(Map.of("loop", "fixture-data-pm", "round", 2, "count", 10, "seed", 7))
                .post("/api/questions/draw").then().statusCode(200)
                .body("slug", contains("fixture-metric-retention", "fixture-sql-dedup"))
                .body("[1].referenceSql", nullValue());
        as("candidate", null).body(Map.of("loop", "fixture-data-pm", "round", 1, "count", 1, "seed", 7))
                .post("/api/questions/draw").then().statusCode(200).body("", hasSize(1));
        as("candidate", null).body(Map.of("loop", "fixture-data-pm", "round", 9, "count", 1))
                .post("/api/questions/draw").then().statusCode(400).body("errors.field", hasItem("round"));
    }

    @Test
    void shouldDrawByFiltersDeterministicallyForASeedAndExcludeWhatWasSeen() {
        String f = firm();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(create(as("coach", f), with(with(question(slug("pool")), "company", f), "category", "PRODUCT_STRATEGY")));
        }
        create(as("coach", f), with(with(with(question(slug("draft")), "company", f), "category", "PRODUCT_STRATEGY"),
                "status", "DRAFT"));
        var body = Map.of("company", f, "category", "PRODUCT_STRATEGY", "count", 5, "seed", 42);
        List<String> first = as("candidate", f).body(body).post("/api/questions/draw").then().statusCode(200)
                .body("", hasSize(5)).extract().path("id");
        List<String> again = as("candidate", f).body(body).post("/api/questions/draw").then().extract().path("id");
        assertEquals(first, again);
        List<String> other = as("candidate", f).body(Map.of("company", f, "category", "PRODUCT_STRATEGY", "count", 5,
                "seed", 43)).post("/api/questions/draw").then().extract().path("id");
        assertNotEquals(first, other);

        List<String> rest = as("candidate", f).body(Map.of("company", f, "count", 50, "seed", 42, "exclude", first))
                .post("/api/questions/draw").then().statusCode(200).body("", hasSize(3)).extract().path("id");
        rest.forEach(id -> org.junit.jupiter.api.Assertions.assertFalse(first.contains(id)));
        org.junit.jupiter.api.Assertions.assertTrue(ids.containsAll(rest), "only published questions are drawn");
    }

    @Test
    void shouldRejectABadDrawNamingTheField() {
                as("candidate", null).body(Map.of("count", 0)).post("/api/questions/draw").then().statusCode(400)
                .body("errors.field", hasItem("count"));
        as("candidate", null).body(Map.of("count", 51)).post("/api/questions/draw").then().statusCode(400);
        as("candidate", null).body(Map.of("count", 1, "category", "ASTROLOGY")).post("/api/questions/draw").then().statusCode(400)
                .body("errors.field", hasItem("category"));
        as("candidate", null).body(Map.of("count", 1, "loop", "fixture-data-pm")).post("/api/questions/draw").then().statusCode(400)
                .body("errors.field", hasItem("round"));
        as("candidate", null).body(Map.of("count", 1, "loop", "no-such-loop", "round", 1)).post("/api/questions/draw").then()
                .statusCode(404);
        as("candidate", null).body(Map.of("count", 2, "seed", 1)).post("/api/questions/draw").then().statusCode(200)
                .body("status", not(hasItem("DRAFT")));
    }
}
