package dev.debrief.question;

import dev.debrief.testsupport.RealInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.debrief.question.Catalog.admin;
import static dev.debrief.question.Catalog.as;
import static dev.debrief.question.Catalog.create;
import static dev.debrief.question.Catalog.firm;
import static dev.debrief.question.Catalog.question;
import static dev.debrief.question.Catalog.slug;
import static dev.debrief.question.Catalog.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Who may read and write what: right role 200, wrong role 403, another firm 404, no token 401. */
@QuarkusTest
@TestProfile(RealInfra.class)
class AccessMatrixTest {

    @Test
    void shouldLetOnlyAdminsWriteThePublicCatalog() {
        String id = create(admin(), question(slug("public")));
        var edit = with(question("ignored"), "title", "Edited");

        as("coach", firm()).body(question(slug("x"))).post("/api/questions").then().statusCode(201)
                .body("tenant", org.hamcrest.Matchers.startsWith("firm-"));
        as("coach", firm()).body(edit).put("/api/questions/" + id).then().statusCode(403);
        as("firm-admin", firm()).post("/api/questions/" + id + "/retire").then().statusCode(403);
        as("candidate", null).post("/api/questions/" + id + "/retire").then().statusCode(403);
        as("analyst", null).body(question(slug("y"))).post("/api/questions").then().statusCode(403);
        given().post("/api/questions/" + id + "/retire").then().statusCode(401);
    }

    @Test
    void shouldLetAFirmsCoachesAndAdminsWriteItsBankAndHideItFromOtherFirms() {
        String northwind = firm();
        String summit = firm();
        var q = question(slug("private"));
        String id = create(as("coach", northwind), q);

        as("firm-admin", northwind).body(with(q, "title", "Edited by the firm admin")).put("/api/questions/" + id)
                .then().statusCode(200).body("version", equalTo(2));
        as("coach", summit).body(q).put("/api/questions/" + id).then().statusCode(404);

        for (String path : new String[] { "", "/versions", "/versions/1", "/snapshot", "/versions/1/snapshot" }) {
            as("candidate", summit).get("/api/questions/" + id + path).then().statusCode(404)
                    .contentType("application/problem+json");
            as("candidate", northwind).get("/api/questions/" + id + path).then().statusCode(200);
        }
        as("coach", summit).post("/api/questions/" + id + "/retire").then().statusCode(404);
        admin().post("/api/questions/" + id + "/retire").then().statusCode(404);
        as("coach", northwind).post("/api/questions/" + id + "/retire").then().statusCode(200);
    }

    @Test
    void shouldNotLetACoachWithoutAFirmWriteAnything() {
        as("coach", null).body(question(slug("nofirm"))).post("/api/questions").then().statusCode(403);
    }

    @Test
    void shouldKeepAnotherFirmsQuestionsOutOfListsSearchesAndDraws() {
        String northwind = firm();
        String tag = slug("secret");
        create(as("coach", northwind), with(question(slug("hidden")), "tags", java.util.List.of(tag)));

        as("candidate", firm()).get("/api/questions?tag=" + tag).then().statusCode(200).body("total", equalTo(0));
        as("candidate", firm()).get("/api/questions?q=" + tag).then().statusCode(200).body("total", equalTo(0));
        as("candidate", northwind).get("/api/questions?tag=" + tag).then().statusCode(200).body("total", equalTo(1));
        as("candidate", firm()).body(Map.of("company", "Netflix", "count", 50, "seed", 1, "category", "METRIC_DESIGN"))
                .post("/api/questions/draw").then().statusCode(200).body("slug", not(hasItem(org.hamcrest.Matchers.startsWith("hidden-"))));
    }

    @Test
    void shouldAnswerEveryEndpointGroupWith401WithoutAToken() {
        for (String path : new String[] { "/api/questions", "/api/questions/export", "/api/loops",
                "/api/loops/fixture-data-pm/snapshot", "/api/questions/" + java.util.UUID.randomUUID() + "/snapshot" }) {
            given().get(path).then().statusCode(401).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(Map.of("count", 1)).post("/api/questions/draw").then().statusCode(401);
        given().contentType("application/x-ndjson").body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/questions/import").then().statusCode(401);
    }

    @Test
    void shouldLetEveryRoleReadAndDrawButOnlyEditorsExportAndImport() {
        for (String role : new String[] { "candidate", "coach", "firm-admin", "admin", "analyst" }) {
            as(role, "northwind").get("/api/questions").then().statusCode(200);
            as(role, "northwind").get("/api/loops/fixture-data-pm/snapshot").then().statusCode(200);
            as(role, "northwind").body(Map.of("count", 1, "seed", 3)).post("/api/questions/draw").then().statusCode(200);
        }
        as("candidate", "northwind").get("/api/questions/export").then().statusCode(403);
        as("analyst", "northwind").contentType("application/x-ndjson").body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/questions/import")
                .then().statusCode(403);
        as("coach", "northwind").get("/api/questions/export").then().statusCode(200);
    }
}
