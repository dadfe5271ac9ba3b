package dev.debrief.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** A correlation id and a W3C trace context reach the upstream, passed on or created by the gateway. */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class CorrelationTest {

    private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}";

    @Test
    void shouldPassOnTheClientsRequestId() {
        given().auth().oauth2(Tokens.user("northwind", "candidate"))
                .header("X-Request-Id", "checkout-7f3a")
                .get("/api/questions")
                .then().statusCode(200)
                .header("X-Request-Id", "checkout-7f3a")
                .body("headers.x-request-id", equalTo("checkout-7f3a"));
    }

    @Test
    void shouldCreateARequestIdWhenTheClientSentNoneOrAnUnsafeOne() {
        var response = given().auth().oauth2(Tokens.user("northwind", "candidate"))
                .header("X-Request-Id", "bad id\twith spaces")
                .get("/api/questions")
                .then().statusCode(200).extract();
        String id = response.header("X-Request-Id");
        assertThat(id, matchesPattern("[0-9a-f-]{36}"));
        assertThat(response.path("headers.x-request-id"), equalTo(id));
    }

    @Test
    void shouldGiveEvenARefusalARequestId() {
        String id = given().get("/api/questions").then().statusCode(401).extract().header("X-Request-Id");
        assertThat(id, matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void shouldContinueTheCallersTraceWithTheGatewayAsParent() {
        String incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String passed = given().auth().oauth2(Tokens.user("northwind", "candidate"))
                .header("traceparent", incoming)
                .get("/api/loops")
                .then().statusCode(200).extract().path("headers.traceparent");
        assertThat(passed, startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-"));
        assertThat(passed, not(equalTo(incoming)));
        assertThat(passed, matchesPattern(TRACEPARENT + "$"));
    }

    @Test
    void shouldStartATraceWhenTheCallerSentAMalformedOne() {
        String passed = given().auth().oauth2(Tokens.user("northwind", "candidate"))
                .header("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01")
                .get("/api/loops")
                .then().statusCode(200).extract().path("headers.traceparent");
        assertThat(passed, matchesPattern(TRACEPARENT));
        assertThat(passed, not(startsWith("00-00000000000000000000000000000000")));
    }
}
