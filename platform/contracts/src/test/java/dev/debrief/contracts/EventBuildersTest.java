package dev.debrief.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.debrief.contracts.sessions.AnswerSubmitted;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
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
}
