package dev.debrief.contracts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one write helper writes what the mapper writes, and turns Jackson's checked failure into a plain one. */
class JsonTest {

    @Test
    void shouldWriteWithTheWireSettings() throws Exception {
        Map<String, Object> value = Map.of("at", Instant.parse("2026-12-02T07:30:00Z"));
        assertEquals("{\"at\":\"2026-12-02T07:30:00Z\"}", Json.write(value));
        assertEquals(Json.mapper().writeValueAsString(value), new String(Json.bytes(value), StandardCharsets.UTF_8));
    }

    @Test
    void shouldFailPlainlyOnAValueJacksonCannotWrite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
        assertEquals("java.lang.Object is not serialisable as JSON", e.getMessage());
    }
}
