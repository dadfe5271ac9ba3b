package dev.debrief.question;

import dev.debrief.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Test data and callers: fresh slugs and firms per test, so tests never see each other's questions. */
final class Catalog {

    private Catalog() {
    }

    static String firm() {
        return "firm-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static RequestSpecification as(String role, String tenant) {
        return given().auth().oauth2(TestTokens.token(role + "-" + (tenant == null ? "staff" : tenant), tenant, role))
                .contentType(ContentType.JSON);
    }

    static RequestSpecification admin() {
        return as("admin", null);
    }

    /** A valid question body; tests change what they are about. */
    static Map<String, Object> question(String slug) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("slug", slug);
        q.put("title", "Design a metric for " + slug);
        q.put("prompt", "How would you measure whether the new onboarding flow works?");
        q.put("category", "METRIC_DESIGN");
        q.put("role", "DATA_PM");
        q.put("levels", new ArrayList<>(List.of("SENIOR")));
        q.put("company", "Netflix");
        q.put("roundType", "DATA_CASE");
        q.put("competencies", new ArrayList<>(List.of("JUDGMENT")));
        q.put("tags", new ArrayList<>(List.of("onboarding")));
        q.put("timeBudgetSeconds", 900);
        q.put("difficulty", "MEDIUM");
        q.put("rubric", "data-case");
        q.put("answerFormat", "STRUCTURED_METRICS");
        q.put("followUps", List.of(Map.of("prompt", "What if that data was noisy?", "atSecond", 240)));
        q.put("constraints", List.of(Map.of("text", "Assume no retention data beyond 7 days.", "atSecond", 400)));
        q.put("exemplars", List.of(Map.of("quality", "WEAK", "answer", "I would track engagement.",
                "why", "No primary metric, no guardrail, no threshold.")));
        return q;
    }

    static Map<String, Object> with(Map<String, Object> q, String field, Object value) {
        q.put(field, value);
        return q;
    }

    static String create(RequestSpecification as, Map<String, Object> q) {
        return as.body(q).post("/api/questions").then().statusCode(201).extract().path("id");
    }
}
