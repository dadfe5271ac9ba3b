package dev.debrief.question;

import dev.debrief.testsupport.RealInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.debrief.question.Catalog.as;
import static dev.debrief.question.Catalog.create;
import static dev.debrief.question.Catalog.firm;
import static dev.debrief.question.Catalog.question;
import static dev.debrief.question.Catalog.slug;
import static dev.debrief.question.Catalog.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Filters on every taxonomy field, facet counts, stable pages, whitelisted sorts and ranked text search. */
@QuarkusTest
@TestProfile(RealInfra.class)
class ListAndSearchTest {

    /** A fresh firm with three questions that differ in every facet. */
    private record Bank(String firm, String sql, String metric, String story) {
        RequestSpecification reader() {
            return as("candidate", firm);
        }
    }

    private Bank bank() {
        String f = firm();
        RequestSpecification coach = as("coach", f);
        String sql = slug("sql");
        create(coach, with(with(with(with(with(with(question(sql), "category", "SQL"), "answerFormat", "SQL"),
                "difficulty", "HARD"), "levels", List.of("STAFF")), "tags", List.of("joins", "dedup")),
                "title", "Alpha query on duplicated viewing events"));
        create(as("coach", f), with(with(question(slug("metric")), "title", "Beta metric for the autoplay launch"),
                "competencies", List.of("CAUSALITY_RIGOR", "JUDGMENT")));
        String story = slug("story");
        create(as("coach", f), with(with(with(with(with(with(question(story), "category", "BEHAVIORAL"),
                "role", "ENGINEERING_MANAGER"), "company", "Meta"), "roundType", "ONSITE"),
                "title", "Gamma story about a reorg"), "prompt", "Tell me about leading a team through a reorganisation."));
        return new Bank(f, sql, null, story);
    }

    @Test
    void shouldFilterOnEveryTaxonomyFieldAndCombineThem() {
        Bank b = bank();
        String base = "/api/questions?scope=firm";
        b.reader().get(base).then().statusCode(200).body("total", equalTo(3));
        b.reader().get(base + "&category=SQL").then().body("items.slug", contains(b.sql()));
        b.reader().get(base + "&role=ENGINEERING_MANAGER").then().body("items.slug", contains(b.story()));
        b.reader().get(base + "&level=STAFF").then().body("items.slug", contains(b.sql()));
        b.reader().get(base + "&company=Meta").then().body("items.slug", contains(b.story()));
        b.reader().get(base + "&roundType=ONSITE").then().body("items.slug", contains(b.story()));
        b.reader().get(base + "&competency=CAUSALITY_RIGOR").then().body("total", equalTo(1));
        b.reader().get(base + "&tag=dedup").then().body("items.slug", contains(b.sql()));
        b.reader().get(base + "&difficulty=HARD").then().body("items.slug", contains(b.sql()));
        b.reader().get(base + "&answerFormat=SQL").then().body("items.slug", contains(b.sql()));
        b.reader().get(base + "&rubric=data-case").then().body("total", equalTo(3));
        b.reader().get(base + "&category=SQL&category=BEHAVIORAL").then().body("total", equalTo(2));
        b.reader().get(base + "&category=SQL,BEHAVIORAL&difficulty=HARD").then().body("items.slug", contains(b.sql()));
        b.reader().get(base + "&category=SQL&role=ENGINEERING_MANAGER").then().body("total", equalTo(0))
                .body("items", empty());
    }

    @Test
    void shouldCountFacetsOverTheWholeResult() {
        Bank b = bank();
        b.reader().get("/api/questions?scope=firm&size=1").then().statusCode(200)
                .body("items", hasSize(1))
                .body("facets.category.SQL", equalTo(1))
                .body("facets.category.METRIC_DESIGN", equalTo(1))
                .body("facets.role.DATA_PM", equalTo(2))
                .body("facets.company.Netflix", equalTo(2))
                .body("facets.level.SENIOR", equalTo(2))
                .body("facets.competency.JUDGMENT", equalTo(3))
                .body("facets.difficulty.MEDIUM", equalTo(2))
                .body("facets.tag.onboarding", equalTo(2));
        b.reader().get("/api/questions?scope=firm&role=DATA_PM").then()
                .body("facets.category.BEHAVIORAL", nullValue()).body("total", equalTo(2));
    }

    @Test
    void shouldPageStablyInEveryWhitelistedOrder() {
        String f = firm();
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String s = slug("page" + i);
            slugs.add(s);
            // equal titles: only the id tie-breaker keeps pages from overlapping
            create(as("coach", f), with(question(s), "title", "Same title"));
        }
        for (String sort : new String[] { "title", "-title", "updatedAt", "-updatedAt", "difficulty", "timeBudget" }) {
            List<String> seen = new ArrayList<>();
            for (int page = 0; page < 3; page++) {
                seen.addAll(as("candidate", f).get("/api/questions?scope=firm&size=3&sort=" + sort + "&page=" + page)
                        .then().statusCode(200).body("sort", equalTo(sort)).extract().<List<String>>path("items.slug"));
            }
            assertEquals(7, seen.size(), sort);
            assertEquals(7, seen.stream().distinct().count(), sort);
        }
        as("candidate", f).get("/api/questions?scope=firm&size=3&sort=-updatedAt").then()
                .body("items.slug", contains(slugs.get(6), slugs.get(5), slugs.get(4)));
    }

    @Test
    void shouldRejectMalformedPaginationAndSortingNamingTheParameter() {
                as("candidate", null).get("/api/questions?page=-1").then().statusCode(400).body("errors.field", hasItem("query.page"));
        as("candidate", null).get("/api/questions?page=abc").then().statusCode(400).body("errors.field", hasItem("query.page"));
        as("candidate", null).get("/api/questions?size=0").then().statusCode(400).body("errors.field", hasItem("query.size"));
        as("candidate", null).get("/api/questions?size=101").then().statusCode(400).body("errors.field", hasItem("query.size"));
        as("candidate", null).get("/api/questions?page=5000&size=100").then().statusCode(400).body("errors.field", hasItem("query.page"));
        as("candidate", null).get("/api/questions?sort=prompt;drop table question").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("query.sort"));
        as("candidate", null).get("/api/questions?sort=relevance").then().statusCode(400).body("errors.field", hasItem("query.sort"));
        as("candidate", null).get("/api/questions?category=ASTROLOGY").then().statusCode(400)
                .body("errors.field", hasItem("query.category"));
        as("candidate", null).get("/api/questions?q=" + "x".repeat(201)).then().statusCode(400).body("errors.field", hasItem("query.q"));
    }

    @Test
    void shouldRankTitleMatchesAboveMatchesInFollowUpsAndTags() {
        String f = firm();
        String word = "zephyr" + slug("w").replace("-", "").substring(1, 7);
        String inTitle = slug("title");
        String inFollowUp = slug("followup");
        String inTag = slug("tag");
        create(as("coach", f), with(question(inTag), "tags", List.of(word)));
        create(as("coach", f), with(question(inFollowUp), "followUps",
                List.of(java.util.Map.of("prompt", "And what about " + word + " users?", "atSecond", 60))));
        create(as("coach", f), with(question(inTitle), "title", "Measuring " + word + " adoption"));
        create(as("coach", f), question(slug("unrelated")));

        as("candidate", f).get("/api/questions?scope=firm&q=" + word).then().statusCode(200)
                .body("total", equalTo(3))
                .body("sort", equalTo("relevance"))
                .body("items[0].slug", equalTo(inTitle))
                .body("items.slug", containsInAnyOrder(inTitle, inFollowUp, inTag));
    }

    @Test
    void shouldKeepASearchRightAcrossEdits() {
        String f = firm();
        String word = "quokka" + slug("w").replace("-", "").substring(1, 7);
        RequestSpecification coach = as("coach", f);
        String inTitle = slug("title");
        String inPrompt = slug("prompt");
        String later = slug("later");
        create(coach, with(question(inTitle), "title", "Counting " + word + " sightings"));
        Map<String, Object> second = with(question(inPrompt), "prompt", "Why do " + word + " numbers drop in winter?");
        String secondId = create(as("coach", f), second);
        String search = "/api/questions?scope=firm&q=" + word;
        as("candidate", f).get(search).then().body("items.slug", contains(inTitle, inPrompt));

        // the prompt match gains the word in its title too: it now ranks first
        as("coach", f).body(with(second, "title", "The " + word + " question")).put("/api/questions/" + secondId)
                .then().statusCode(200);
        as("candidate", f).get(search).then().body("items.slug", contains(inPrompt, inTitle));
        // a new match, and the former top one loses the word
        create(as("coach", f), with(question(later), "tags", List.of(word)));
        as("coach", f).body(with(with(second, "title", "No longer about it"), "prompt", "Nothing to see"))
                .put("/api/questions/" + secondId).then().statusCode(200);
        as("candidate", f).get(search).then().body("total", equalTo(2)).body("items.slug", contains(inTitle, later));
    }

    @Test
    void shouldUnderstandWebSearchSyntax() {
        String f = firm();
        String a = slug("a");
        String b = slug("b");
        create(as("coach", f), with(question(a), "prompt", "Churn of kids profiles after the price change"));
        create(as("coach", f), with(question(b), "prompt", "Churn of adult profiles after the price change"));
        as("candidate", f).get("/api/questions?scope=firm&q=churn -kids").then().body("items.slug", contains(b));
        as("candidate", f).get("/api/questions?scope=firm&q=\"kids profiles\"").then().body("items.slug", contains(a));
        as("candidate", f).get("/api/questions?scope=firm&q=kids or adult&sort=title").then().body("total", equalTo(2));
    }

    @Test
    void shouldTreatInjectionLookingSearchTextAsText() {
        String empty = firm();
        for (String q : new String[] { "'; drop table question; --", "\" or 1=1 --", "a & | ! :* ( ) <->",
                "%' union select * from outbox_event --", "\\\\x00 $$ ;;" }) {
            as("candidate", empty).queryParam("q", q).queryParam("scope", "firm").get("/api/questions")
                    .then().statusCode(200).body("total", equalTo(0));
        }
        as("candidate", null).get("/api/questions?size=1").then().statusCode(200).body("items", hasSize(1));
    }
}
