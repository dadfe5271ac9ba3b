package dev.debrief.question;

import dev.debrief.question.security.CachedBearerAuthentication;
import dev.debrief.testsupport.RealInfra;
import dev.debrief.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared verified-token cache in front of quarkus-oidc: repeats are served from it, forgeries never. */
@QuarkusTest
@TestProfile(RealInfra.class)
class VerifiedTokenCacheWiringTest {

    @Inject
    CachedBearerAuthentication authentication;

    @Test
    void shouldVerifyARepeatedTokenOnceAndAForgedOneEveryTime() {
        String token = TestTokens.token("candidate-" + Catalog.firm(), null, "candidate");
        given().auth().oauth2(token).get("/api/questions?size=1").then().statusCode(200);
        long hits = authentication.hits();
        given().auth().oauth2(token).get("/api/questions?size=1").then().statusCode(200);
        given().auth().oauth2(token).get("/api/questions?size=1").then().statusCode(200);
        assertEquals(hits + 2, authentication.hits(), "the repeated token came from the cache");

        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        long missesBefore = authentication.misses();
        given().auth().oauth2(forged).get("/api/questions?size=1").then().statusCode(401);
        given().auth().oauth2(forged).get("/api/questions?size=1").then().statusCode(401);
        assertTrue(authentication.misses() >= missesBefore + 2, "the forged token was checked both times");
    }
}
