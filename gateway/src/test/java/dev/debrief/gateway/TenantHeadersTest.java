package dev.debrief.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasKey;

/** The tenant comes from the token only: whatever a client sends in the gateway's headers is dropped. */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class TenantHeadersTest {

    @Test
    void shouldSetTheTenantFromTheTokensOrganization() {
        given().auth().oauth2(Tokens.user("northwind", "coach")).get("/api/sessions")
                .then().statusCode(200).body("headers.x-debrief-tenant", equalTo("northwind"));
    }

    @Test
    void shouldReplaceATenantHeaderTheClientSent() {
        given().auth().oauth2(Tokens.user("northwind", "coach"))
                .header("X-Debrief-Tenant", "summit")
                .header("x-debrief-tenant", "acme")
                .get("/api/questions")
                .then().statusCode(200).body("headers.x-debrief-tenant", equalTo("northwind"));
    }

    @Test
    void shouldDropATenantHeaderFromACallerWithoutAFirm() {
        given().auth().oauth2(Tokens.user(null, "candidate"))
                .header("X-Debrief-Tenant", "summit")
                .get("/api/questions")
                .then().statusCode(200).body("headers", not(hasKey("x-debrief-tenant")));
    }

    @Test
    void shouldDropEveryGatewayHeaderAClientInvents() {
        given().auth().oauth2(Tokens.user("summit", "candidate"))
                .header("X-Debrief-Client", "northwind-integration")
                .header("X-Debrief-Roles", "admin")
                .get("/api/rubrics")
                .then().statusCode(200)
                .body("headers", not(hasKey("x-debrief-client")))
                .body("headers", not(hasKey("x-debrief-roles")))
                .body("headers.x-debrief-tenant", equalTo("summit"));
    }

    @Test
    void shouldSetForwardingHeadersFromTheConnectionNotTheClient() {
        given().auth().oauth2(Tokens.user("summit", "candidate"))
                .header("X-Forwarded-For", "203.0.113.7")
                .header("Forwarded", "for=203.0.113.7;host=evil.example")
                .header("X-Forwarded-Host", "evil.example")
                .get("/api/rubrics")
                .then().statusCode(200)
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.forwarded", nullValue())
                .body("headers.x-forwarded-host", not(equalTo("evil.example")));
    }

    @Test
    void shouldConfineAFirmsIntegrationClientToItsFirm() {
        String northwind = Tokens.client("northwind-integration", Tokens.firms("northwind"), "firm-admin", "coach");
        given().auth().oauth2(northwind)
                .header("X-Debrief-Tenant", "summit")
                .contentType("application/json").body("{}")
                .post("/api/questions")
                .then().statusCode(200)
                .body("headers.x-debrief-tenant", equalTo("northwind"))
                .body("headers.x-debrief-client", equalTo("northwind-integration"));
    }

    @Test
    void shouldReadTheFirmFromAnOrganizationObjectKeyedByAlias() {
        var organization = Json.createObjectBuilder()
                .add("summit", Json.createObjectBuilder().add("id", "0b9c5e2e")).build();
        given().auth().oauth2(Tokens.client("summit-integration", organization, "coach"))
                .header("X-Debrief-Tenant", "northwind")
                .get("/api/scorecards")
                .then().statusCode(200)
                .body("headers.x-debrief-tenant", equalTo("summit"))
                .body("headers.x-debrief-client", equalTo("summit-integration"));
    }
}
