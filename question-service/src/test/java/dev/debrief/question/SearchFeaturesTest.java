package dev.debrief.question;

import dev.debrief.testsupport.RealInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.debrief.question.Catalog.as;
import static dev.debrief.question.Catalog.create;
import static dev.debrief.question.Catalog.firm;
import static dev.debrief.question.Catalog.question;
import static dev.debrief.question.Catalog.slug;
import static dev.debrief.question.Catalog.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** What the Lucene search adds: typo tolerance, highlighted passages, suggestions, and tenant walls in all. */
@QuarkusTest
@TestProfile(RealInfra.class)
class SearchFeaturesTest {

    /** A made-up word no other test or seed uses, so only this test's questions match it. */
    private static String word() {
        return "zorblax" + slug("w").replace("-", "").substring(1, 6).replaceAll("[0-9]", "q");
    }

    @Test
    void shouldFindATypoAndRankTheExactSpellingFirst() {
        String f = firm();
        String w = word();
        String typo = w.substring(0, 3) + w.charAt(4) + w.charAt(3) + w.substring(5);   // two letters swapped
        String exact = slug("exact");
        String near = slug("near");
        create(as("coach", f), with(question(near), "prompt", "Why did " + typo + " drop in winter?"));
        create(as("coach", f), with(question(exact), "prompt", "Why did " + w + " drop in winter?"));
        as("candidate", f).get("/api/questions?scope=firm&q=" + w).then().statusCode(200)
                .body("total", equalTo(2)).body("items.slug", contains(exact, near));
        as("candidate", f).get("/api/questions?scope=firm&q=" + w.substring(0, 4)).then().body("total", equalTo(0));
    }

    @Test
    void shouldHighlightTheMatchedWordsInThePrompt() {
        String f = firm();
        String w = word();
        create(as("coach", f), with(question(slug("hl")), "prompt", "Intro sentence. How would <you> measure " + w
                + " adoption? Closing sentence."));
        as("candidate", f).get("/api/questions?scope=firm&q=" + w + " adoption").then().statusCode(200)
                .body("items[0].highlight", equalTo("How would &lt;you&gt; measure <mark>" + w
                        + "</mark> <mark>adoption</mark>? "));
        as("candidate", f).get("/api/questions?scope=firm").then().body("items[0].highlight", nullValue());
    }

    @Test
    void shouldCountFacetsOfExactlyTheSearchResults() {
        String f = firm();
        String w = word();
        create(as("coach", f), with(with(question(slug("a")), "title", "On " + w), "category", "SQL"));
        create(as("coach", f), with(question(slug("b")), "prompt", "About " + w + " and more."));
        create(as("coach", f), question(slug("c")));
        as("candidate", f).get("/api/questions?scope=firm&q=" + w + "&size=1").then()
                .body("total", equalTo(2)).body("facets.category.SQL", equalTo(1))
                .body("facets.category.METRIC_DESIGN", equalTo(1)).body("facets.role.DATA_PM", equalTo(2));
    }

    @Test
    void shouldSuggestPublishedTitlesOfTheCallersFirmAndThePublicCatalogOnly() {
        String mine = firm();
        String other = firm();
        String w = word();
        create(as("coach", mine), with(question(slug("mine")), "title", "Sizing " + w + " demand"));
        create(as("coach", mine), with(with(question(slug("draft")), "title", "Sizing " + w + " draft"),
                "status", "DRAFT"));
        create(as("coach", other), with(question(slug("theirs")), "title", "Sizing " + w + " supply"));
        as("candidate", mine).queryParam("q", "sizing " + w.substring(0, 5)).get("/api/questions/suggest").then()
                .statusCode(200).body("title", contains("Sizing " + w + " demand"));
        as("candidate", other).queryParam("q", w.substring(0, 6)).get("/api/questions/suggest").then()
                .body("title", contains("Sizing " + w + " supply"));
        as("candidate", null).queryParam("q", w).get("/api/questions/suggest").then().body("$", empty());
        as("candidate", null).queryParam("q", "why netf").get("/api/questions/suggest").then()
                .body("title", hasItem("Why Netflix?"));
        as("candidate", null).get("/api/questions/suggest").then().statusCode(400)
                .body("errors.field", hasItem("query.q"));
        as("candidate", null).queryParam("q", "why").queryParam("size", "11").get("/api/questions/suggest").then()
                .statusCode(400).body("errors.field", hasItem("query.size"));
    }

    @Test
    void shouldNeverCountAnotherFirmsQuestionsInFacetsOrSearch() {
        String mine = firm();
        String other = firm();
        String w = word();
        create(as("coach", other), with(with(question(slug("theirs")), "title", "Their " + w), "company", "Acme-" + w));
        as("candidate", mine).get("/api/questions?q=" + w).then().body("total", equalTo(0))
                .body("facets.company", not(hasItem("Acme-" + w)));
        as("candidate", mine).get("/api/questions?company=Acme-" + w).then().body("total", equalTo(0))
                .body("facets.company.size()", equalTo(0));
        as("candidate", other).get("/api/questions?q=" + w).then().body("total", equalTo(1))
                .body("items[0].highlight", nullValue()).body("items[0].title", containsString(w));
    }
}
