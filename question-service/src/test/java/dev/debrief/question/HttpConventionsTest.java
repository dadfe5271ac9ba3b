package dev.debrief.question;

import dev.debrief.testsupport.RealInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.debrief.question.Catalog.as;
import static dev.debrief.question.Catalog.firm;
import static dev.debrief.question.Catalog.question;
import static dev.debrief.question.Catalog.slug;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The service kit's HTTP conventions on a real service: Idempotency-Key on creating POSTs, ETag with
 * If-None-Match on reads, and page/size with Link and X-Total-Count on lists.
 */
@QuarkusTest
@TestProfile(RealInfra.class)
class HttpConventionsTest {

    @Test
    void shouldAnswerARetriedCreationWithTheFirstAnswerAndCreateOnce() {
        String f = firm();
        String key = slug("key");
        var body = question(slug("idem"));
        Response first = as("coach", f).header("Idempotency-Key", key).body(body).post("/api/questions");
        first.then().statusCode(201).header("Idempotent-Replayed", "false");
        Response replay = as("coach", f).header("Idempotency-Key", key).body(body).post("/api/questions");

        replay.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location"))).header("ETag", equalTo(first.header("ETag")))
                .body("id", equalTo(first.path("id")));
        as("coach", f).get("/api/questions?scope=firm").then().body("total", equalTo(1));
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherBodyAndChangeNothing() {
        String f = firm();
        String key = slug("key");
        as("coach", f).header("Idempotency-Key", key).body(question(slug("one"))).post("/api/questions")
                .then().statusCode(201);

        as("coach", f).header("Idempotency-Key", key).body(question(slug("two"))).post("/api/questions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:debrief:problem:idempotency-key-reused"));
        as("coach", f).get("/api/questions?scope=firm").then().body("total", equalTo(1));
    }

    @Test
    void shouldKeepKeysApartPerCaller() {
        String key = slug("key");
        var body = question(slug("same"));
        String mine = as("coach", firm()).header("Idempotency-Key", key).body(body).post("/api/questions")
                .then().statusCode(201).extract().path("id");
        String theirs = as("coach", firm()).header("Idempotency-Key", key).body(body).post("/api/questions")
                .then().statusCode(201).header("Idempotent-Replayed", "false").extract().path("id");
        assertThat(theirs, not(equalTo(mine)));
    }

    @Test
    void shouldAnswer304WhenIfNoneMatchNamesTheCurrentEtag() {
        String f = firm();
        String id = Catalog.create(as("coach", f), question(slug("etag")));
        String etag = as("coach", f).get("/api/questions/" + id).then().statusCode(200).extract().header("ETag");

        as("coach", f).header("If-None-Match", etag).get("/api/questions/" + id).then().statusCode(304)
                .body(emptyString());
        String listTag = as("coach", f).get("/api/loops").then().statusCode(200).header("ETag", notNullValue())
                .extract().header("ETag");
        as("coach", f).header("If-None-Match", listTag).get("/api/loops").then().statusCode(304);
        as("coach", f).header("If-None-Match", "\"0\"").get("/api/questions/" + id).then().statusCode(200);
    }

    @Test
    void shouldPageEveryListWithLinkAndTotal() {
        String f = firm();
        for (int i = 0; i < 3; i++) {
            Catalog.create(as("coach", f), question(slug("page")));
        }
        String versioned = slug("versions");
        String id = Catalog.create(as("coach", f), question(versioned));
        for (int v = 0; v < 2; v++) {
            var revised = Catalog.with(question(versioned), "prompt", "Revision " + v + " of the prompt: how would you measure it?");
            as("coach", f).body(revised).put("/api/questions/" + id).then().statusCode(200);
        }

        as("coach", f).get("/api/questions/" + id + "/versions?page=1&size=1").then().statusCode(200)
                .header("X-Total-Count", "3").body("$", hasSize(1)).body("[0].version", equalTo(2))
                .header("Link", containsString("page=0&size=1>; rel=\"prev\""))
                .header("Link", containsString("page=2&size=1>; rel=\"next\""))
                .header("Link", containsString("page=2&size=1>; rel=\"last\""));
        // without page and size a list answers whole, as before pagination existed
        as("coach", f).get("/api/questions/" + id + "/versions").then().statusCode(200)
                .header("X-Total-Count", "3").body("$", hasSize(3));
        as("coach", f).get("/api/questions?scope=firm&size=2&page=1").then().statusCode(200)
                .header("X-Total-Count", "4").body("items", hasSize(2))
                .header("Link", containsString("rel=\"prev\"")).header("Link", not(containsString("rel=\"next\"")));
        as("coach", f).get("/api/questions/" + id + "/versions?size=0").then().statusCode(400)
                .body("errors[0].field", equalTo("query.size"));
    }

    @Test
    void shouldDescribeEveryOperationForIntegrators() {
        var doc = io.restassured.RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        List<String> ids = doc.getList("paths.collect { it.value.collect { op -> op.value.operationId } }.flatten()");
        assertThat(ids.contains(null), equalTo(false));
        assertThat(doc.getString("paths.'/api/questions'.get.responses.'200'.content.'application/json'.schema.'$ref'"),
                equalTo("#/components/schemas/QuestionPage"));
        assertThat(doc.getString("paths.'/api/questions'.post.responses.'422'.'$ref'"),
                equalTo("#/components/responses/UnprocessableContent"));
    }
}
