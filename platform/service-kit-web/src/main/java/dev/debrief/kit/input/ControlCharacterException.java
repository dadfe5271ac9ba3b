package dev.debrief.kit.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string (value or key) holding a refused control character: mapped to 400 with its field. A
 * {@link MismatchedInputException}, since Quarkus's JSON reader passes those on to the mappers as they are
 * (other mapping exceptions reach them as a bare 400).
 */
public class ControlCharacterException extends MismatchedInputException {

    public ControlCharacterException(JsonParser parser, String message) {
        super(parser, message, String.class);
    }
}
