package dev.debrief.question;

import dev.debrief.testsupport.RealInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.debrief.question.Catalog.admin;
import static dev.debrief.question.Catalog.as;
import static dev.debrief.question.Catalog.firm;
import static dev.debrief.question.Catalog.slug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Loops: list, get, create and edit; firms define their own, invisible to other firms. */
@QuarkusTest
@TestProfile(RealInfra.class)
class LoopsTest {

    static Map<String, Object> loop(String slug, int minutes) {
        return Map.of("slug", slug, "title", "Our PM loop", "company", "Acme", "role", "PRODUCT_MANAGER",
                "rounds", List.of(
                        Map.of("position", 1, "name", "Screen", "roundType", "RECRUITER_SCREEN", "minutes", 30,
                                "draws", List.of(Map.of("category", "BEHAVIORAL", "count", 2))),
                        Map.of("position", 2, "name", "Strategy", "roundType", "ONSITE", "minutes", minutes,
                                "draws", List.of(Map.of("category", "PRODUCT_STRATEGY", "count", 1),
                                        Map.of("category", "METRIC_DESIGN", "count", 2)))));
    }

    @Test
    void shouldLetAFirmDefineAndEditItsOwnLoop() {
        String f = firm();
        String slug = slug("loop");
        String id = as("coach", f).body(loop(slug, 45)).post("/api/loops").then().statusCode(201)
                .body("version", equalTo(1)).body("tenant", equalTo(f)).body("totalMinutes", equalTo(75))
                .body("rounds[1].questionCount", equalTo(3)).extract().path("id");

        as("firm-admin", f).body(loop(slug, 60)).put("/api/loops/" + id).then().statusCode(200)
                .body("version", equalTo(2)).body("rounds[1].minutes", equalTo(60));
        as("candidate", f).get("/api/loops/" + slug + "/snapshot").then().statusCode(200)
                .body("rounds[1].minutes", equalTo(60)).body("rounds[1].questionCount", equalTo(3));
        as("candidate", f).get("/api/loops/" + id).then().statusCode(200).body("slug", equalTo(slug));
        as("candidate", f).get("/api/loops").then().statusCode(200)
                .body("slug", hasItem(slug)).body("slug", hasItem("fixture-data-pm"));
    }

    @Test
    void shouldHideAFirmsLoopFromOtherFirmsAndKeepThePublicOnesForAdmins() {
        String f = firm();
        String slug = slug("mine");
        String id = as("coach", f).body(loop(slug, 45)).post("/api/loops").then().statusCode(201).extract().path("id");

        as("candidate", firm()).get("/api/loops/" + id).then().statusCode(404);
        as("candidate", firm()).get("/api/loops/" + slug + "/snapshot").then().statusCode(404);
        as("candidate", firm()).get("/api/loops").then().body("slug", not(hasItem(slug)));
        as("coach", firm()).body(loop(slug, 45)).put("/api/loops/" + id).then().statusCode(404);
        as("candidate", f).body(loop(slug, 45)).put("/api/loops/" + id).then().statusCode(403);
        given().get("/api/loops/" + id).then().statusCode(401);

        String publicId = admin().body(loop(slug("public"), 45)).post("/api/loops").then().statusCode(201)
                .body("tenant", equalTo(null)).extract().path("id");
        as("coach", f).body(loop("whatever", 45)).put("/api/loops/" + publicId).then().statusCode(403);
    }

    @Test
    void shouldRejectAnInvalidLoopNamingTheField() {
        var bad = new java.util.HashMap<>(loop(slug("bad"), 45));
        bad.put("role", "WIZARD");
        admin().body(bad).post("/api/loops").then().statusCode(400).body("errors.field", hasItem("role"));
        bad.put("role", "DATA_PM");
        bad.put("rounds", List.of());
        admin().body(bad).post("/api/loops").then().statusCode(400).body("errors.field", hasItem("rounds"));
        bad.put("rounds", List.of(Map.of("position", 1, "name", "A", "roundType", "ONSITE", "minutes", 45,
                "draws", List.of(Map.of("category", "SQL", "count", 1))), Map.of("position", 1, "name", "B",
                "roundType", "ONSITE", "minutes", 45, "draws", List.of(Map.of("category", "SQL", "count", 1)))));
        admin().body(bad).post("/api/loops").then().statusCode(400).body("errors.field", hasItem("rounds"));
    }
}
