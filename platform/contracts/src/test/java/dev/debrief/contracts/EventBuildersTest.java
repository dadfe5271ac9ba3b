package dev.debrief.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.debrief.contracts.scores.AnswerScored;
import dev.debrief.contracts.sessions.AnswerSubmitted;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A builder names the components of a wide event; the record and its JSON stay what they were. */
class EventBuildersTest {

    private static final UUID SESSION = UUID.fromString("11111111-1111-4111-8111-111111111111");
    private static final UUID ANSWER = UUID.fromString("22222222-2222-4222-8222-222222222222");
    private static final UUID QUESTION = UUID.fromString("33333333-3333-4333-8333-333333333333");
    private static final Instant AT = Instant.parse("2026-12-02T07:30:00Z");

    @Test
    void shouldBuildTheSameAnswerSubmittedAsThePositionalConstructor() {
        AnswerSubmitted positional = new AnswerSubmitted(SESSION, ANSWER, "cara", QUESTION, 3, "SQL", "sql-analysis",
                AnswerFormat.SQL, "Plays per device.", "select 1", null, "select 2", 2, 95, AT);
        AnswerSubmitted built = AnswerSubmitted.builder().sessionId(SESSION).answerId(ANSWER).candidate("cara")
                .question(QUESTION, 3).category("SQL").rubric("sql-analysis").answerFormat(AnswerFormat.SQL)
                .prompt("Plays per device.").text("select 1").referenceSql("select 2").roundPosition(2)
                .elapsedSeconds(95).submittedAt(AT).build();
        assertEquals(positional, built);
        assertEquals(Json.mapper().valueToTree(positional), Json.mapper().valueToTree(built));
    }

    @Test
    void shouldWriteABuiltAnswerSubmittedThatItsSchemaAccepts() throws IOException {
        JsonNode data = Json.mapper().valueToTree(AnswerSubmitted.builder().sessionId(SESSION).answerId(ANSWER)
                .candidate("cara").question(QUESTION, 1).category("BEHAVIORAL").rubric("behavioral-story")
                .answerFormat(AnswerFormat.FREE_TEXT).prompt("Tell me about a hard call.").text("I cut scope.")
                .roundPosition(1).elapsedSeconds(300).submittedAt(AT).build());
        try (InputStream in = EventType.class.getClassLoader()
                .getResourceAsStream(EventType.ANSWER_SUBMITTED.schemaResource())) {
            var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Json.mapper().readTree(in));
            assertEquals(Set.of(), schema.validate(data));
        }
    }

    @Test
    void shouldBuildTheSameAnswerScoredAsThePositionalConstructor() {
        UUID score = UUID.randomUUID();
        UUID earlier = UUID.randomUUID();
        List<AnswerScored.DimensionScore> dimensions = List.of(new AnswerScored.DimensionScore("primary-metric", 3,
                List.of(new AnswerScored.Evidence(0, 2, "my")), "Clear."));
        AnswerScored positional = new AnswerScored(score, SESSION, ANSWER, QUESTION, 3, "decision-spine", 2, "auto-v4",
                "AUTOMATED", 3.0, dimensions, AT, earlier);
        AnswerScored built = AnswerScored.builder().scoreId(score).answer(SESSION, ANSWER).question(QUESTION, 3)
                .rubric("decision-spine", 2).scorer("auto-v4", "AUTOMATED").overall(3.0).dimensions(dimensions)
                .scoredAt(AT).supersedes(earlier).build();
        assertEquals(positional, built);
        assertEquals(Json.mapper().valueToTree(positional), Json.mapper().valueToTree(built));
        JsonNode first = Json.mapper().valueToTree(AnswerScored.builder().scoreId(score).answer(SESSION, ANSWER)
                .question(QUESTION, 3).rubric("decision-spine", 2).scorer("auto-v4", "AUTOMATED").overall(3.0)
                .dimensions(dimensions).scoredAt(AT).build());
        assertEquals(false, first.has("supersedes"), "a first score writes no supersedes, as before");
    }
}
