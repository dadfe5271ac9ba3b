package dev.debrief.scoring;

import dev.debrief.contracts.Topics;
import dev.debrief.testsupport.KafkaEvents;
import dev.debrief.testsupport.RealInfra;
import dev.debrief.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 13, finding 1, replayed the way it was found: a candidate answers a SQL question with the escape, and reads
 * the score. It is scored as a refusal with a code, and no other firm's answer shows anywhere in it.
 */
@QuarkusTest
@TestProfile(RealInfra.class)
class SqlAnswerEscapeTest {

    private static final String ESCAPE = "select title_id from titles order by (set_config('role','none',true) || "
            + "query_to_xml('select tenant, candidate, left(text,70) from scoring.answer', true, true, '')::text)::int";
    private static final String REFERENCE = "select count(*) from titles";

    @Test
    void shouldScoreTheEscapeAsARefusalThatShowsNoOtherFirmsAnswers() {
        String secret = "summit-secret-" + UUID.randomUUID();
        UUID otherFirmsSession = UUID.randomUUID();
        KafkaEvents.send(Topics.SESSIONS, Sessions.answer(otherFirmsSession, "summit", "sam-" + UUID.randomUUID(), 1,
                secret + " " + Sessions.STRONG_STORY));
        await().atMost(Duration.ofSeconds(30)).until(() -> Sessions.scores(otherFirmsSession) == 1);

        String candidate = "mallory-" + UUID.randomUUID();
        UUID sessionId = UUID.randomUUID();
        KafkaEvents.send(Topics.SESSIONS, Sessions.sqlAnswer(sessionId, "northwind", candidate, ESCAPE, REFERENCE));
        await().atMost(Duration.ofSeconds(30)).until(() -> Sessions.scores(sessionId) == 1);

        String body = given().auth().oauth2(TestTokens.token(candidate, "northwind", "candidate"))
                .get("/api/scores?sessionId=" + sessionId).then().statusCode(200)
                .body("[0].sql.sandbox.ran", equalTo(false))
                .body("[0].sql.sandbox.error", equalTo("sql.refused.function"))
                .extract().asString();
        assertFalse(body.contains(secret), body);
        assertFalse(body.contains("summit"), body);
    }

    @Test
    void shouldScoreADataModifyingCteAsARefusalInsteadOfDroppingTheAnswer() {
        String candidate = "mallory-" + UUID.randomUUID();
        UUID sessionId = UUID.randomUUID();
        KafkaEvents.send(Topics.SESSIONS, Sessions.sqlAnswer(sessionId, "northwind", candidate,
                "with x as (delete from titles returning *) select * from x", REFERENCE));
        await().atMost(Duration.ofSeconds(30)).until(() -> Sessions.scores(sessionId) == 1);

        given().auth().oauth2(TestTokens.token(candidate, "northwind", "candidate"))
                .get("/api/scores?sessionId=" + sessionId).then().statusCode(200)
                .body("[0].sql.sandbox.ran", equalTo(false))
                .body("[0].sql.sandbox.error", equalTo("sql.refused.read-only"));
    }
}
