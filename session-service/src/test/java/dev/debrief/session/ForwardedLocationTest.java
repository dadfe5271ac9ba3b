package dev.debrief.session;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.debrief.session.Api.as;
import static dev.debrief.session.Api.candidate;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * Finding 8 of issue 13: {@code Location: http://localhost:8082/…} passed through the gateway. The gateway
 * (a trusted proxy: this test calls from the same host) says where the client called, and the service names
 * that address.
 */
@QuarkusTest
@TestProfile(SessionInfra.class)
class ForwardedLocationTest {

    @Test
    void shouldNameTheGatewaysAddressInLocation() {
        var q = CatalogStub.stubQuestion("FREE_TEXT");
        as(candidate("cara")).header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "debrief.example:8443")
                .body(Map.of("mode", "SELF_PRACTICE", "questions", List.of(Map.of("id", q.id().toString()))))
                .post("/api/sessions").then().statusCode(201)
                .header("Location", matchesPattern("https://debrief\\.example:8443/api/sessions/[0-9a-f-]{36}"));
    }
}
