package dev.debrief.session;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.debrief.session.Api.as;
import static dev.debrief.session.Api.candidate;
import static dev.debrief.session.Api.coach;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@TestProfile(SessionInfra.class)
class TranscriptTest {

    @Test
    void shouldPlayBackTheTimelineWithTimeActorAndSequence() {
        String sam = coach("sam");
        String id = Api.coached(sam, "cara", CatalogStub.stubQuestion("FREE_TEXT"));
        Api.started(sam, id);
        as(sam).body(Map.of("text", "What if that data was noisy?")).post("/api/sessions/" + id + "/follow-ups");

        as(sam).get("/api/sessions/" + id + "/timeline").then().statusCode(200)
                .body("seq", equalTo(java.util.List.of(1, 2, 3, 4)))
                .body("type", equalTo(java.util.List.of("created", "started", "question-asked", "follow-up-asked")))
                .body("[3].actor", equalTo("coach:sam"));
        as(sam).get("/api/sessions/" + id + "/timeline?after=2").then().body("seq", equalTo(java.util.List.of(3, 4)));
    }

    @Test
    void shouldExportTheTranscriptAsJsonAndMarkdown() {
        String sam = coach("sam");
        String id = Api.coached(sam, "cara", CatalogStub.stubQuestion("SQL"));
        Api.started(sam, id);
        as(sam).body(Map.of("text", "Assume plays are double-logged.")).post("/api/sessions/" + id + "/constraints");
        Api.submit(candidate("cara"), id, 0, Map.of("text", "select distinct member_id from plays"))
                .then().statusCode(200);

        as(sam).accept("application/json").get("/api/sessions/" + id + "/transcript").then().statusCode(200)
                .body("questions", hasSize(1))
                .body("questions[0].interjections[0].text", equalTo("Assume plays are double-logged."))
                .body("questions[0].answer.text", equalTo("select distinct member_id from plays"));
        as(sam).accept("text/markdown").get("/api/sessions/" + id + "/transcript").then().statusCode(200)
                .contentType(containsString("text/markdown"))
                .body(containsString("**Constraint** at 0 s (coach:sam): Assume plays are double-logged."))
                .body(containsString("```sql\nselect distinct member_id from plays\n```"));
    }
}
