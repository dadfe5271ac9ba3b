package dev.debrief.question;

import dev.debrief.contracts.Json;
import dev.debrief.question.catalog.QuestionBank;
import dev.debrief.question.seed.SeedLoader;
import dev.debrief.testsupport.RealInfra;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static dev.debrief.question.Catalog.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed loads into the public catalog once; loading it again changes nothing; a changed entry is a version. */
@QuarkusTest
@TestProfile(RealInfra.class)
class SeedLoaderTest {

    @Inject
    SeedLoader loader;

    @Inject
    EntityManager entityManager;

    private static SeedLoader.Seed fixture() throws Exception {
        try (InputStream in = SeedLoaderTest.class.getClassLoader().getResourceAsStream("seed/test-catalog.json")) {
            return Json.mapper().readValue(in, SeedLoader.Seed.class);
        }
    }

    @Test
    void shouldLoadTheSeedAtStartupAsPublishedPublicQuestions() {
        // the answer key (pitfalls among it) is a coach's to read, not a candidate's
        as("coach", null).get("/api/questions/fixture-sql-dedup").then().statusCode(200)
                .body("tenant", equalTo(null)).body("status", equalTo("PUBLISHED"))
                .body("content.sql.pitfalls[0]", equalTo("test accounts"));
        as("candidate", null).get("/api/questions/fixture-sql-dedup").then().statusCode(200)
                .body("content.sql", equalTo(null));
        as("candidate", null).get("/api/loops/fixture-data-pm").then().statusCode(200);
    }

    @Test
    void shouldHaveLoadedEveryEntryOfTheRealCatalogSeed() throws Exception {
        SeedLoader.Seed seed;
        try (InputStream in = SeedLoaderTest.class.getClassLoader().getResourceAsStream("seed/catalog.json")) {
            org.junit.jupiter.api.Assertions.assertNotNull(in, "the catalog seed ships in the jar");
            seed = Json.mapper().readValue(in, SeedLoader.Seed.class);
        }
        // every entry valid and already there: an invalid one would be skipped and missing from the count
        assertEquals(Map.of(QuestionBank.Outcome.UNCHANGED, seed.questions().size()), loader.load("real", seed));
        as("candidate", null).get("/api/loops/netflix-data-pm/snapshot").then().statusCode(200)
                .body("rounds.minutes", org.hamcrest.Matchers.contains(30, 45, 60, 60, 45));
        as("candidate", null).get("/api/questions?scope=public&company=Netflix&size=1").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(60));
    }

    @Test
    void shouldSkipASeedFileWhoseExactContentWasLoadedBefore() {
        // loaded at startup, so its fingerprint is recorded
        assertFalse(loader.loadIfChanged("seed/test-catalog.json"));

        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from seed_fingerprint where resource = 'seed/test-catalog.json'").executeUpdate());
        assertTrue(loader.loadIfChanged("seed/test-catalog.json"), "without a fingerprint the file loads again");
        assertFalse(loader.loadIfChanged("seed/test-catalog.json"));
        as("candidate", null).get("/api/questions?scope=public&tag=fixture").then().body("total", equalTo(4));
    }

    @Test
    void shouldChangeNothingWhenTheSameSeedLoadsAgain() throws Exception {
        Map<QuestionBank.Outcome, Integer> outcomes = loader.load("again", fixture());
        assertEquals(Map.of(QuestionBank.Outcome.UNCHANGED, 4), outcomes);
        as("candidate", null).get("/api/questions?scope=public&tag=fixture").then().body("total", equalTo(4));
    }

    @Test
    void shouldMakeANewVersionWhenASeedEntryChanges() throws Exception {
        SeedLoader.Seed seed = fixture();
        var original = seed.questions().get(2);
        String id = as("candidate", null).get("/api/questions/" + original.slug()).then().extract().path("id");
        int before = as("candidate", null).get("/api/questions/" + id).then().extract().path("version");
        var changed = new dev.debrief.question.catalog.QuestionInput(original.slug(), null, original.title(),
                original.prompt() + " (reworded " + before + ")", original.category(), original.role(), original.levels(),
                original.company(), original.roundType(), original.competencies(), original.tags(),
                original.timeBudgetSeconds(), original.difficulty(), original.rubric(), original.answerFormat(),
                original.source(), original.followUps(), original.constraints(), original.exemplars(), original.sql());

        assertEquals(Map.of(QuestionBank.Outcome.REVISED, 1),
                loader.load("changed", new SeedLoader.Seed(List.of(), List.of(changed))));
        as("candidate", null).get("/api/questions/" + id).then().body("version", equalTo(before + 1));
        as("candidate", null).get("/api/questions/" + id + "/versions/" + before).then().statusCode(200);
    }
}
