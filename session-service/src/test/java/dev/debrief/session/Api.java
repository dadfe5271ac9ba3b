package dev.debrief.session;

import dev.debrief.contracts.catalog.QuestionSnapshot;
import dev.debrief.testsupport.TestTokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;

/** Short hands for the calls tests make over and over; every call goes through real HTTP. */
public final class Api {

    public static final String FIRM = "northwind";
    public static final String OTHER_FIRM = "bluefin";

    private Api() {
    }

    public static String candidate(String name) {
        return TestTokens.token(name, FIRM, "candidate");
    }

    public static String coach(String name) {
        return TestTokens.token(name, FIRM, "coach");
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    /** A self-practice session of the candidate over the given (already stubbed) questions. */
    public static String selfPractice(String candidateToken, QuestionSnapshot... questions) {
        return create(candidateToken, Map.of("mode", "SELF_PRACTICE", "questions", picks(questions)));
    }

    /** A session the coach interviews, for the named candidate (made a candidate of {@link #FIRM}). */
    public static String coached(String coachToken, String candidateName, QuestionSnapshot... questions) {
        TestDirectory.join(FIRM, candidateName, "candidate");
        return create(coachToken, Map.of("mode", "COACHED", "candidateId", TestTokens.subjectOf(candidateName),
                "candidateName", candidateName, "questions", picks(questions)));
    }

    public static String create(String token, Map<String, Object> body) {
        return as(token).body(body).post("/api/sessions").then().statusCode(201).extract().path("id");
    }

    public static long version(String token, String id) {
        return Long.parseLong(etag(as(token).get("/api/sessions/" + id).then().statusCode(200).extract().response()));
    }

    public static Response transition(String token, String id, String action) {
        return as(token).header("If-Match", "\"" + version(token, id) + "\"").post("/api/sessions/" + id + "/" + action);
    }

    public static void started(String token, String id) {
        transition(token, id, "start").then().statusCode(200);
    }

    public static Response submit(String token, String id, int index, Map<String, Object> answer) {
        return as(token).header("If-Match", "\"" + version(token, id) + "\"").body(answer)
                .post("/api/sessions/" + id + "/questions/" + index + "/answer");
    }

    public static String etag(Response response) {
        return response.header("ETag").replace("\"", "").replace("W/", "");
    }

    private static List<Map<String, Object>> picks(QuestionSnapshot... questions) {
        return Arrays.stream(questions).map(q -> Map.<String, Object>of("id", q.id().toString()))
                .collect(Collectors.toList());
    }
}
