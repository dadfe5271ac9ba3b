package dev.debrief.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * A slow upstream is cut off with 504, a dead one answered 503, and after repeated failures its breaker
 * answers 503 at once; the other routes keep working throughout.
 */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class ResilienceTest {

    @Test
    void shouldAnswer504WhenTheUpstreamDoesNotAnswerInTime() {
        // the slow stub answers after 5 s, the gateway's timeout in this profile is 0.5 s
        given().auth().oauth2(Tokens.user("northwind", "admin")).get("/api/slow/report")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:debrief:problem:upstream-timeout"))
                .body("detail", containsString("slow-service"))
                .body("instance", equalTo("/api/slow/report"));
        given().auth().oauth2(Tokens.user("northwind", "admin")).get("/api/questions")
                .then().statusCode(200).body("upstream", equalTo("question"));
    }

    @Test
    void shouldAnswer503WhenTheUpstreamIsDownAndThenOpenItsBreaker() {
        String token = Tokens.user("northwind", "admin");
        given().auth().oauth2(token).get("/api/dead/1")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:debrief:problem:upstream-unavailable"));
        // the profile opens a breaker after 3 consecutive failures
        given().auth().oauth2(token).get("/api/dead/2").then().statusCode(503);
        given().auth().oauth2(token).get("/api/dead/3").then().statusCode(503);
        given().auth().oauth2(token).get("/api/dead/4")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("retry later"))
                .header("Retry-After", notNullValue());
        given().auth().oauth2(Tokens.user("northwind", "candidate")).get("/api/sessions")
                .then().statusCode(200).body("upstream", equalTo("session"));
    }
}
