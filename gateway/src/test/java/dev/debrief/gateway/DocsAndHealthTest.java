package dev.debrief.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** One open API description merged from the services, Swagger UI, and readiness per upstream. */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class DocsAndHealthTest {

    @Test
    void shouldServeOneMergedOpenApiDocumentWithoutAToken() {
        given().get("/openapi")
                .then().statusCode(200).contentType("application/json")
                .body("info.title", equalTo("Debrief API"))
                .body("paths", hasKey("/api/questions"))
                .body("paths", hasKey("/api/sessions"))
                .body("paths", hasKey("/api/rubrics"))
                .body("tags.name", hasItem("session"))
                .body("components.securitySchemes", hasKey("keycloak"))
                .body("components.securitySchemes", not(hasKey("SecurityScheme")))
                .body("components.securitySchemes.keycloak.flows.authorizationCode.authorizationUrl",
                        containsString("/realms/debrief/protocol/openid-connect/auth"));
    }

    @Test
    void shouldKeepSchemasOfTheSameNameApartWhenServicesDefineThemDifferently() {
        given().get("/q/openapi")
                .then().statusCode(200)
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", hasKey("Page"))
                .body("components.schemas", hasKey("Page_session"))
                .body("components.schemas.Page_session.description", equalTo("a page of session"))
                .body("paths.'/api/sessions'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Page_session"));
    }

    @Test
    void shouldNameTheServicesThatCouldNotBeDescribed() {
        given().get("/openapi")
                .then().statusCode(200)
                .body("info.description", containsString("dead-service"));
    }

    @Test
    void shouldServeSwaggerUiWithoutAToken() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void shouldReportEachUpstreamInReadiness() {
        given().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == 'upstream question' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'upstream session' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'upstream scoring' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'upstream dead' }.status", equalTo("DOWN"));
    }
}
