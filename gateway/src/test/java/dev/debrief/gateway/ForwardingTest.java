package dev.debrief.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Answers of every shape come back whole: small ones in one piece, large and chunked ones streamed. */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class ForwardingTest {

    @Test
    void shouldStreamALargeAnswerWithItsLength() {
        var answer = given().auth().oauth2(Tokens.user("northwind", "coach"))
                .get("/api/questions/export/bulk?kib=200&length=true")
                .then().statusCode(200).header("Content-Length", "204800").extract();
        assertThat(answer.asByteArray().length, equalTo(200 * 1024));
    }

    @Test
    void shouldStreamAChunkedAnswer() {
        var answer = given().auth().oauth2(Tokens.user("northwind", "coach"))
                .get("/api/questions/export/bulk?kib=150")
                .then().statusCode(200).header("Transfer-Encoding", "chunked").extract();
        assertThat(answer.asByteArray().length, equalTo(150 * 1024));
    }

    @Test
    void shouldPassASmallAnswerWithItsLength() {
        var answer = given().auth().oauth2(Tokens.user("northwind", "coach"))
                .get("/api/questions/export/bulk?kib=3&length=true")
                .then().statusCode(200).header("Content-Length", "3072").extract();
        assertThat(answer.asString().substring(0, 16), equalTo("0123456789abcdef"));
    }
}
