package dev.debrief.question;

import dev.debrief.testsupport.RealInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.debrief.question.Catalog.admin;
import static dev.debrief.question.Catalog.as;
import static dev.debrief.question.Catalog.create;
import static dev.debrief.question.Catalog.firm;
import static dev.debrief.question.Catalog.question;
import static dev.debrief.question.Catalog.slug;
import static dev.debrief.question.Catalog.with;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Answer keys stay with coaches and authors (finding 7 of issue 13: a candidate read a question's reference
 * query and its exemplars from GET /api/questions/{id} and /snapshot). session-service's own identity
 * (snapshot-reader) reads them to score, and names the session's firm to reach its private bank.
 */
@QuarkusTest
@TestProfile(RealInfra.class)
class AnswerKeyTest {

    private static String sqlQuestion() {
        var q = with(with(question(slug("key")), "category", "SQL"), "answerFormat", "SQL");
        q.put("sql", Map.of("referenceQuery", "select secret_answer from t", "pitfalls", List.of("test accounts")));
        return create(admin(), q);
    }

    @Test
    void shouldNeverGiveACandidateTheReferenceQueryOrTheExemplars() {
        String id = sqlQuestion();
        for (String path : new String[] { "/api/questions/" + id, "/api/questions/" + id + "/versions/1" }) {
            as("candidate", null).get(path).then().statusCode(200)
                    .body("content.prompt", equalTo("How would you measure whether the new onboarding flow works?"))
                    .body("content.sql", nullValue()).body("content.exemplars", empty());
            as("candidate", "northwind").get(path).then().statusCode(200).body("content.sql", nullValue());
            as("analyst", "northwind").get(path).then().statusCode(200).body("content.exemplars", empty());
            as("coach", "northwind").get(path).then().statusCode(200)
                    .body("content.sql.referenceQuery", equalTo("select secret_answer from t"))
                    .body("content.exemplars", hasSize(1));
        }
        for (String path : new String[] { "/api/questions/" + id + "/snapshot", "/api/questions/" + id + "/versions/1/snapshot" }) {
            as("candidate", null).get(path).then().statusCode(200).body("referenceSql", nullValue());
            as("snapshot-reader", null).get(path).then().statusCode(200)
                    .body("referenceSql", equalTo("select secret_answer from t"));
        }
    }

    @Test
    void shouldLetSessionServiceSnapshotAFirmsPrivateQuestionOnlyByNamingTheFirm() {
        String f = firm();
        String id = create(as("coach", f), question(slug("private")));
        as("snapshot-reader", null).get("/api/questions/" + id + "/snapshot?firm=" + f).then().statusCode(200)
                .body("id", equalTo(id));
        as("snapshot-reader", null).get("/api/questions/" + id + "/snapshot").then().statusCode(404);
        as("snapshot-reader", null).get("/api/questions/" + id + "/snapshot?firm=other-firm").then().statusCode(404);
        // a user's firm parameter is ignored: they read as themselves
        as("coach", "other-firm").get("/api/questions/" + id + "/snapshot?firm=" + f).then().statusCode(404);
        as("candidate", f).get("/api/questions/" + id + "/snapshot?firm=" + f).then().statusCode(200)
                .body("referenceSql", nullValue());
    }
}
