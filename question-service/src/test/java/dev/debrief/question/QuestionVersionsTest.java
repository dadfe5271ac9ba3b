package dev.debrief.question;

import dev.debrief.testsupport.RealInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.debrief.question.Catalog.admin;
import static dev.debrief.question.Catalog.as;
import static dev.debrief.question.Catalog.create;
import static dev.debrief.question.Catalog.question;
import static dev.debrief.question.Catalog.slug;
import static dev.debrief.question.Catalog.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Create, read by id and slug, edit into new immutable versions, history, publish and retire. */
@QuarkusTest
@TestProfile(RealInfra.class)
class QuestionVersionsTest {

    @Test
    void shouldReadAQuestionByIdAndBySlugWithAllItsContent() {
        String slug = slug("read");
        String id = create(admin(), question(slug));

        // all of it for a coach; a candidate gets it without the exemplars (AnswerKeyTest)
        as("coach", "northwind").get("/api/questions/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("slug", equalTo(slug))
                .body("version", equalTo(1))
                .body("status", equalTo("PUBLISHED"))
                .body("content.followUps[0].prompt", equalTo("What if that data was noisy?"))
                .body("content.exemplars[0].quality", equalTo("WEAK"));
        as("candidate", null).get("/api/questions/" + slug).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void shouldMakeANewVersionForEveryEditAndKeepTheOldOnesAsTheyWere() {
        String slug = slug("edit");
        var q = question(slug);
        String id = create(admin(), q);

        admin().body(with(q, "prompt", "A sharper prompt")).put("/api/questions/" + id).then().statusCode(200)
                .body("version", equalTo(2)).body("content.prompt", equalTo("A sharper prompt"));
        admin().body(with(q, "difficulty", "HARD")).put("/api/questions/" + id).then().statusCode(200)
                .body("version", equalTo(3));

        as("analyst", null).get("/api/questions/" + id + "/versions").then().statusCode(200)
                .body("version", contains(3, 2, 1));
        as("candidate", null).get("/api/questions/" + id + "/versions/1").then().statusCode(200)
                .body("content.prompt", equalTo("How would you measure whether the new onboarding flow works?"))
                .body("content.difficulty", equalTo("MEDIUM"))
                .body("currentVersion", equalTo(3));
        as("candidate", null).get("/api/questions/" + id + "/versions/9").then().statusCode(404);
    }

    @Test
    void shouldNotMakeAVersionWhenTheContentIsUnchanged() {
        var q = question(slug("same"));
        String id = create(admin(), q);
        admin().body(q).put("/api/questions/" + id).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void shouldRefuseAStaleEditWithPreconditionFailed() {
        var q = question(slug("stale"));
        String id = create(admin(), q);
        admin().body(with(q, "title", "First edit")).put("/api/questions/" + id).then().statusCode(200);

        admin().header("If-Match", "\"1\"").body(with(q, "title", "Lost update")).put("/api/questions/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        admin().header("If-Match", "\"2\"").body(with(q, "title", "Based on the latest")).put("/api/questions/" + id)
                .then().statusCode(200).body("version", equalTo(3));
    }

    @Test
    void shouldRefuseToChangeTheSlugOrReuseOne() {
        var q = question(slug("fixed"));
        String id = create(admin(), q);
        admin().body(q).post("/api/questions").then().statusCode(409);
        admin().body(Map.copyOf(with(question("other-slug"), "title", "x"))).put("/api/questions/" + id)
                .then().statusCode(400).body("errors.field", hasItem("slug"));
    }

    @Test
    void shouldHideADraftFromReadersUntilItIsPublished() {
        String firm = Catalog.firm();
        String id = create(as("coach", firm), with(question(slug("draft")), "status", "DRAFT"));

        as("candidate", firm).get("/api/questions/" + id).then().statusCode(404);
        as("firm-admin", firm).get("/api/questions/" + id).then().statusCode(200).body("status", equalTo("DRAFT"));

        as("coach", firm).post("/api/questions/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        as("candidate", firm).get("/api/questions/" + id).then().statusCode(200);
        as("coach", firm).post("/api/questions/" + id + "/publish").then().statusCode(409);
    }

    @Test
    void shouldRetireAPublishedQuestionAndRefuseToRetireItTwice() {
        String id = create(admin(), question(slug("retire")));
        admin().post("/api/questions/" + id + "/retire").then().statusCode(200).body("status", equalTo("RETIRED"));
        admin().post("/api/questions/" + id + "/retire").then().statusCode(409)
                .contentType("application/problem+json");
        as("candidate", null).get("/api/questions/" + id + "/snapshot").then().statusCode(404);
        as("candidate", null).get("/api/questions/" + id + "/versions/1/snapshot").then().statusCode(200);
        // lists: an editor sees a retired question only when asking for that status; a candidate never
        String newest = "/api/questions?scope=public&sort=-updatedAt&size=5";
        admin().get(newest).then().statusCode(200).body("items.id", not(hasItem(id)));
        admin().get(newest + "&status=RETIRED").then().statusCode(200).body("items.id", hasItem(id));
        as("candidate", null).get(newest + "&status=RETIRED").then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void shouldRejectUnknownEnumValuesAndOversizedFieldsNamingTheField() {
        admin().body(with(question(slug("bad")), "category", "ASTROLOGY")).post("/api/questions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("category"));
        admin().body(with(question(slug("big")), "prompt", "x".repeat(4001))).post("/api/questions")
                .then().statusCode(400).body("errors.field", hasItem("prompt"));
        admin().body(with(question(slug("neg")), "followUps", java.util.List.of(Map.of("prompt", "", "atSecond", -1))))
                .post("/api/questions").then().statusCode(400)
                .body("errors.field", hasItem("followUps[0].prompt"));
        admin().body(with(question(slug("time")), "timeBudgetSeconds", 5)).post("/api/questions")
                .then().statusCode(400).body("errors.field", hasItem("timeBudgetSeconds"));
    }
}
