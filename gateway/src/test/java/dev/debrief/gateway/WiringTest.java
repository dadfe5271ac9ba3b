package dev.debrief.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The gateway starts on the real infrastructure, guards the API and leaves health open. */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class WiringTest {

    @Test
    void shouldRefuseAnApiCallWithoutAToken() {
        given().get("/api/questions").then().statusCode(401);
    }

    @Test
    void shouldLeaveLivenessOpen() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
