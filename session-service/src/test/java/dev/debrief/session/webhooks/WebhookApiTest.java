package dev.debrief.session.webhooks;

import dev.debrief.session.Api;
import dev.debrief.session.SessionInfra;
import dev.debrief.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.debrief.session.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Registering, reading, changing and removing a firm's endpoints: who may, and what bad input does (nothing). */
@QuarkusTest
@TestProfile(SessionInfra.class)
class WebhookApiTest {

    private static final String URL = "http://localhost:9/hook";

    static String fiona() {
        return TestTokens.token("fiona", Api.FIRM, "firm-admin");
    }

    static String seth() {
        return TestTokens.token("seth", Api.OTHER_FIRM, "firm-admin");
    }

    static Map<String, Object> endpoint(String url, String... types) {
        return Map.of("url", url, "eventTypes", List.of(types), "description", "test receiver");
    }

    private static long endpointsOf(String firm) {
        return QuarkusTransaction.requiringNew().call(() -> WebhookEndpoint.count("tenant", firm));
    }

    @Test
    void shouldRegisterAnEndpointAndShowItsGeneratedSecretOnlyOnce() {
        String id = as(fiona()).body(endpoint(URL, "session.completed", "score.answer-scored")).post("/api/firm/webhooks")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("secret", startsWith("whsec_"))
                .body("eventTypes", equalTo(List.of("session.completed", "score.answer-scored")))
                .body("enabled", equalTo(true))
                .extract().path("id");

        as(fiona()).get("/api/firm/webhooks/" + id).then().statusCode(200).body("url", equalTo(URL))
                .body("secret", nullValue());
        as(fiona()).get("/api/firm/webhooks").then().statusCode(200).body("id", hasItem(id))
                .body("secret", not(hasItem(notNullValue())));
    }

    @Test
    void shouldKeepASuppliedSecret() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        Map<String, Object> body = new java.util.HashMap<>(endpoint(URL, "session.created"));
        body.put("secret", secret);
        as(fiona()).body(body).post("/api/firm/webhooks").then().statusCode(201).body("secret", equalTo(secret));
    }

    @Test
    void shouldUpdateAndDeleteAnEndpoint() {
        String id = as(fiona()).body(endpoint(URL, "session.created")).post("/api/firm/webhooks")
                .then().statusCode(201).extract().path("id");

        as(fiona()).body(Map.of("url", "http://localhost:10/other", "eventTypes", List.of("session.completed"),
                "enabled", false)).put("/api/firm/webhooks/" + id)
                .then().statusCode(200).body("url", equalTo("http://localhost:10/other")).body("enabled", equalTo(false))
                .body("eventTypes", equalTo(List.of("session.completed"))).body("secret", nullValue());
        as(fiona()).delete("/api/firm/webhooks/" + id).then().statusCode(204);
        as(fiona()).get("/api/firm/webhooks/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldAnswerAnotherFirmsEndpointAs404AndChangeNothing() {
        String id = as(fiona()).body(endpoint(URL, "session.created")).post("/api/firm/webhooks")
                .then().statusCode(201).extract().path("id");
        String path = "/api/firm/webhooks/" + id;

        as(seth()).get(path).then().statusCode(404).contentType("application/problem+json");
        as(seth()).body(endpoint("http://localhost:11/x", "session.completed")).put(path).then().statusCode(404);
        as(seth()).post(path + "/rotate-secret").then().statusCode(404);
        as(seth()).get(path + "/deliveries").then().statusCode(404);
        as(seth()).delete(path).then().statusCode(404);
        as(seth()).get("/api/firm/webhooks").then().statusCode(200).body("id", not(hasItem(id)));

        as(fiona()).get(path).then().statusCode(200).body("url", equalTo(URL))
                .body("eventTypes", equalTo(List.of("session.created")));
    }

    @Test
    void shouldRefuseEveryRoleButFirmAdmin() {
        for (String token : List.of(Api.coach("colin"), Api.candidate("cara"),
                TestTokens.token("nina", Api.FIRM, "analyst"), TestTokens.token("ada", null, "admin"))) {
            as(token).get("/api/firm/webhooks").then().statusCode(403);
            as(token).body(endpoint(URL, "session.created")).post("/api/firm/webhooks").then().statusCode(403);
        }
        given().get("/api/firm/webhooks").then().statusCode(401);
    }

    @Test
    void shouldRefuseBadInputWithAProblemAndWriteNothing() {
        long before = endpointsOf(Api.FIRM);

        bad(endpoint("http://hooks.example.com/x", "session.created"), "url"); // http beyond localhost
        bad(endpoint("https://10.0.0.1/x", "session.created"), "url");
        bad(endpoint("https://169.254.169.254/latest/meta-data", "session.created"), "url");
        bad(endpoint("https://[::1]/x", "session.created"), "url");
        bad(endpoint("https://127.0.0.1/x", "session.created"), "url"); // the demo switch opens the name localhost only
        bad(endpoint(URL, "question.published"), "eventTypes[0]"); // the catalog is no firm's
        bad(endpoint(URL, "session.created", "no.such-type"), "eventTypes[1]");
        bad(Map.of("url", URL, "eventTypes", List.of()), "eventTypes");
        bad(Map.of("url", URL, "eventTypes", List.of("session.created"), "secret", "not-a-secret"), "secret");

        assertEquals(before, endpointsOf(Api.FIRM));
    }

    @Test
    void shouldRotateTheSecretKeepingTheOldOneForTheOverlap() {
        String id = as(fiona()).body(endpoint(URL, "session.created")).post("/api/firm/webhooks")
                .then().statusCode(201).extract().path("id");
        String first = QuarkusTransaction.requiringNew().call(() -> WebhookEndpoint.<WebhookEndpoint>findById(UUID.fromString(id)).secret);

        String second = as(fiona()).body(Map.of("overlapSeconds", 3600)).post("/api/firm/webhooks/" + id + "/rotate-secret")
                .then().statusCode(200).body("secret", startsWith("whsec_")).body("previousSecretExpiresAt", notNullValue())
                .extract().path("secret");

        WebhookEndpoint stored = QuarkusTransaction.requiringNew().call(() -> WebhookEndpoint.findById(UUID.fromString(id)));
        assertEquals(second, stored.secret);
        assertEquals(first, stored.previousSecret);
        assertEquals(2, stored.signingSecrets(java.time.Instant.now()).size());
        assertEquals(1, stored.signingSecrets(stored.previousSecretExpiresAt).size());
        as(fiona()).body(Map.of("overlapSeconds", -1)).post("/api/firm/webhooks/" + id + "/rotate-secret")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static void bad(Map<String, Object> body, String field) {
        as(fiona()).body(body).post("/api/firm/webhooks").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }
}
