package dev.debrief.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Bodies over the limit are refused with 413 problem+json; CORS answers the configured frontends only. */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class LimitsAndCorsTest {

    @TestHTTPResource("/api/questions")
    URI questions;

    @Test
    void shouldRefuseABodyOverTheLimitWith413ProblemJson() {
        // the profile's limit is 16 KiB
        given().auth().oauth2(Tokens.user("northwind", "coach"))
                .contentType("application/json").body("{\"prompt\":\"" + "x".repeat(20_000) + "\"}")
                .post("/api/questions")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:debrief:problem:too-large"))
                .body("status", equalTo(413));
    }

    @Test
    void shouldPassABodyWithinTheLimit() {
        String body = "{\"prompt\":\"" + "x".repeat(10_000) + "\"}";
        given().auth().oauth2(Tokens.user("northwind", "coach"))
                .contentType("application/json").body(body)
                .post("/api/questions")
                .then().statusCode(200).body("bodyLength", equalTo(body.length()));
    }

    @Test
    void shouldAskForAContentLengthInsteadOfStreamingABodyOfUnknownSize() throws Exception {
        // a body published from a stream goes out chunked, without a Content-Length
        HttpRequest request = HttpRequest.newBuilder(questions)
                .header("Authorization", "Bearer " + Tokens.user("northwind", "coach"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream("{\"prompt\":\"streamed\"}".getBytes())))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode(), equalTo(411));
        assertThat(response.headers().firstValue("Content-Type").orElse(""), equalTo("application/problem+json"));
        assertThat(response.body(), containsString("Content-Length"));
    }

    @Test
    void shouldAnswerAPreflightFromAConfiguredFrontend() {
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/questions")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
    }

    @Test
    void shouldNotAllowAnOriginThatIsNotConfigured() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "DELETE")
                .options("/api/questions")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void shouldExposeCorsHeadersOnAProxiedAnswer() {
        given().auth().oauth2(Tokens.user("northwind", "candidate"))
                .header("Origin", "http://localhost:3000")
                .get("/api/questions")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }
}
