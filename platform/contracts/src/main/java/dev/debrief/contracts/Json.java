package dev.debrief.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON settings events are written and read with, the same in every producer and consumer, and the one mapper
 * for JSON a service writes or reads itself: events, JSON columns, resources, problem bodies written outside JAX-RS.
 * Request bodies are read by Quarkus REST with Quarkus's own ObjectMapper, which the service kit
 * ({@code ControlCharacterJson}) makes refuse control characters and duplicate keys; code that parses a request's
 * text by hand (an import's lines) takes that injected mapper so the same guards apply.
 */
public final class Json {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code value} as JSON text; a value Jackson cannot write is a programming error, not a checked failure. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(value.getClass().getName() + " is not serialisable as JSON", e);
        }
    }

    /** {@code value} as UTF-8 JSON bytes, as {@link #write(Object)}. */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(value.getClass().getName() + " is not serialisable as JSON", e);
        }
    }

    /** Applies the event wire settings: ISO-8601 times, unknown fields ignored (additive changes are allowed). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
