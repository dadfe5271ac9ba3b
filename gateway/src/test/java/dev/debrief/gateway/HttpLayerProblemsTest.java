package dev.debrief.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 13, finding 6: what the HTTP layer refuses before any route (an over-long URI or headers, a
 * control character in the path or query) is problem+json too, at the gateway as in the services.
 */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class HttpLayerProblemsTest {

    private final String token = Tokens.webUser("http-" + UUID.randomUUID(), "northwind", "candidate");

    @Test
    void shouldAnswerAnOverLongUriWith414ProblemJson() {
        given().auth().oauth2(token).get("/api/questions?q=" + "a".repeat(5000))
                .then().statusCode(414).contentType("application/problem+json")
                .body("type", equalTo("urn:debrief:problem:uri-too-long"));
    }

    @Test
    void shouldAnswerOverLargeHeadersWith431ProblemJson() {
        given().auth().oauth2(token).header("X-Filler", "b".repeat(21_000)).get("/api/questions")
                .then().statusCode(431).contentType("application/problem+json")
                .body("type", equalTo("urn:debrief:problem:headers-too-large"));
    }

    @Test
    void shouldRefuseControlCharactersInQueryAndPathWith400ProblemJson() {
        given().urlEncodingEnabled(false).auth().oauth2(token).get("/api/questions?q=a%00b")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("U+0000"));
        given().urlEncodingEnabled(false).auth().oauth2(token).get("/api/questions/%07")
                .then().statusCode(400).contentType("application/problem+json");
        // tab, LF and CR stay allowed in text
        given().urlEncodingEnabled(false).auth().oauth2(token).get("/api/questions?q=a%09b").then().statusCode(200);
    }
}
