package dev.debrief.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dev.debrief.contracts.catalog.QuestionSnapshot;
import dev.debrief.contracts.sessions.AnswerSubmitted;
import dev.debrief.contracts.sessions.QuestionAsked;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one answer format keeps the wire as it was: the constant's name, strictly read, as the schemas list it. */
class AnswerFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {"schemas/session.answer-submitted.v1.json", "schemas/session.question-asked.v1.json"})
    void shouldListExactlyTheEnumsNamesInTheEventSchemas(String schema) throws IOException {
        List<String> listed = new ArrayList<>();
        read(schema).path("properties").path("answerFormat").path("enum").forEach(v -> listed.add(v.asText()));
        assertEquals(Arrays.stream(AnswerFormat.values()).map(Enum::name).toList(), listed);
    }

    @Test
    void shouldWriteTheConstantsNameAsBefore() throws IOException {
        assertEquals("\"STRUCTURED_METRICS\"", Json.mapper().writeValueAsString(AnswerFormat.STRUCTURED_METRICS));
        JsonNode asked = Json.mapper().valueToTree(new QuestionAsked(null, 0, 1, null, 1, "t", "p", AnswerFormat.SQL,
                60, null));
        assertEquals("SQL", asked.path("answerFormat").asText());
    }

    @Test
    void shouldReadAnEventWrittenWithTheOldStringField() throws IOException {
        AnswerSubmitted read = Json.mapper().readValue("""
                {"answerId":"7f1c3c4e-3d5e-4c61-9b1a-5a1d2e3f4a5b","answerFormat":"FREE_TEXT","roundPosition":1}""",
                AnswerSubmitted.class);
        assertEquals(AnswerFormat.FREE_TEXT, read.answerFormat());
    }

    @Test
    void shouldRefuseAnUnknownFormatRatherThanGuess() {
        // a consumer reading this fails and dead-letters the event; a request body with it answers 400
        assertThrows(InvalidFormatException.class, () -> Json.mapper().readValue("""
                {"id":"7f1c3c4e-3d5e-4c61-9b1a-5a1d2e3f4a5b","answerFormat":"ESSAY"}""", QuestionSnapshot.class));
    }

    @Test
    void shouldReadStoredTextLenientlyAsTheScorerAlwaysDid() {
        assertEquals(AnswerFormat.SQL, AnswerFormat.orFreeText("sql"));
        assertEquals(AnswerFormat.STRUCTURED_METRICS, AnswerFormat.orFreeText("structured-metrics"));
        assertEquals(AnswerFormat.FREE_TEXT, AnswerFormat.orFreeText(null));
        assertEquals(AnswerFormat.FREE_TEXT, AnswerFormat.orFreeText("ESSAY"));
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = AnswerFormat.class.getClassLoader().getResourceAsStream(resource)) {
            return Json.mapper().readTree(in);
        }
    }
}
