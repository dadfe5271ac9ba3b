package dev.debrief.gateway;

import dev.debrief.gateway.ratelimit.TenantPlans;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

/** Token buckets per user, per integration client and per firm: a spent budget is answered 429 problem+json with Retry-After. */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class RateLimitTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TenantPlans plans;

    @Test
    void shouldAnswer429WithRetryAfterWhenAUserSpendsTheirBurst() {
        String token = Tokens.webUser("burst-" + UUID.randomUUID(), "firm-" + UUID.randomUUID(), "candidate");
        for (int i = 0; i < GatewayProfile.USER_BURST; i++) {
            given().auth().oauth2(token).get("/api/questions").then().statusCode(200);
        }
        var retryAfter = given().auth().oauth2(token).get("/api/questions")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:debrief:problem:rate-limited"))
                .body("detail", containsString("user"))
                .header("Retry-After", notNullValue())
                .extract().header("Retry-After");
        org.hamcrest.MatcherAssert.assertThat(Integer.parseInt(retryAfter), greaterThanOrEqualTo(1));
    }

    /** Finding 3 of issue 13: every web user shared the bucket of {@code azp=debrief-web}. */
    @Test
    void shouldKeepOneCandidatesBurstFromBlockingAnotherUserOfTheFirmOrAnotherFirm() {
        String firm = "firm-" + UUID.randomUUID();
        String bursting = Tokens.webUser("candidate-" + UUID.randomUUID(), firm, "candidate");
        int admitted = 0;
        while (given().auth().oauth2(bursting).get("/api/questions").statusCode() == 200) {
            admitted++;
            org.junit.jupiter.api.Assertions.assertTrue(admitted <= GatewayProfile.USER_BURST, "never limited");
        }
        org.junit.jupiter.api.Assertions.assertEquals(GatewayProfile.USER_BURST, admitted);

        given().auth().oauth2(Tokens.webUser("colleague-" + UUID.randomUUID(), firm, "candidate"))
                .get("/api/questions").then().statusCode(200);
        given().auth().oauth2(Tokens.webUser("coach-" + UUID.randomUUID(), firm, "coach"))
                .get("/api/questions").then().statusCode(200);
        given().auth().oauth2(Tokens.webUser("other-" + UUID.randomUUID(), "firm-" + UUID.randomUUID(), "candidate"))
                .get("/api/questions").then().statusCode(200);
        given().auth().oauth2(Tokens.webUser("nofirm-" + UUID.randomUUID(), null, "candidate"))
                .get("/api/questions").then().statusCode(200);
    }

    @Test
    void shouldLimitAnIntegrationClientAcrossItsTokensAndNoOtherClient() {
        String tenant = "firm-" + UUID.randomUUID();
        String clientId = "firm-" + UUID.randomUUID() + "-integration";
        for (int i = 0; i < GatewayProfile.CLIENT_BURST; i++) {
            // a fresh token each time: the client's budget holds across them
            given().auth().oauth2(Tokens.client(clientId, Tokens.firms(tenant), "coach"))
                    .get("/api/loops").then().statusCode(200);
        }
        given().auth().oauth2(Tokens.client(clientId, Tokens.firms(tenant), "coach")).get("/api/loops")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("detail", containsString("client"))
                .header("Retry-After", notNullValue());
        given().auth().oauth2(Tokens.client("fresh-" + UUID.randomUUID(), Tokens.firms(tenant), "coach"))
                .get("/api/loops").then().statusCode(200);
        given().auth().oauth2(Tokens.webUser("user-" + UUID.randomUUID(), tenant, "coach"))
                .get("/api/loops").then().statusCode(200);
    }

    @Test
    void shouldLimitAFirmByItsPlanAcrossItsClients() throws SQLException {
        String tenant = "firm-" + UUID.randomUUID();
        plan(tenant, 1, 3);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(Tokens.user(tenant, "candidate")).get("/api/rubrics").then().statusCode(200);
        }
        given().auth().oauth2(Tokens.user(tenant, "candidate")).get("/api/rubrics")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("detail", containsString("tenant"))
                .header("Retry-After", notNullValue());
        given().auth().oauth2(Tokens.user("firm-" + UUID.randomUUID(), "candidate")).get("/api/rubrics")
                .then().statusCode(200);
    }

    private void plan(String tenant, int perMinute, int burst) throws SQLException {
        try (var connection = dataSource.getConnection();
                var insert = connection.prepareStatement(
                        "insert into gateway.tenant_plan (tenant, requests_per_minute, burst, updated_at) "
                                + "values (?, ?, ?, now())")) {
            insert.setString(1, tenant);
            insert.setInt(2, perMinute);
            insert.setInt(3, burst);
            insert.executeUpdate();
        }
        plans.refresh();
    }
}
