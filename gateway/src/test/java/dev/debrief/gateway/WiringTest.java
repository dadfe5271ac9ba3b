package dev.debrief.gateway;

import dev.debrief.testsupport.RealInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/** The gateway starts on the real infrastructure and guards the API. */
@QuarkusTest
@TestProfile(RealInfra.class)
class WiringTest {

    @Test
    void shouldRefuseAnApiCallWithoutAToken() {
        given().get("/api/questions").then().statusCode(401);
    }

    @Test
    void shouldLeaveHealthOpen() {
        given().get("/q/health/ready").then().statusCode(200);
    }
}
