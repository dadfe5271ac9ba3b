package dev.debrief.scoring.answers;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.debrief.contracts.Json;

/** The JSON text stored in a jsonb/text column (dimensions, SQL reports, debrief documents). */
public final class JsonColumns {

    private JsonColumns() {
    }

    public static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
