package dev.debrief.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates events against the published contract: the envelope schema and the JSON Schema of the event
 * type's data, both read from the contracts jar, exactly as an analytics consumer would.
 */
public final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final JsonSchema ENVELOPE = load("schemas/envelope.v1.json");
    private static final Map<EventType, JsonSchema> DATA = new EnumMap<>(EventType.class);

    private EventSchemas() {
    }

    /** @return every way the event breaks its contract; empty when it is valid */
    public static List<String> violations(JsonNode event) {
        List<String> problems = new ArrayList<>();
        ENVELOPE.validate(event).forEach(m -> problems.add("envelope: " + m.getMessage()));
        String type = event.path("type").asText();
        Optional<EventType> eventType = EventType.fromCeType(type);
        if (eventType.isEmpty()) {
            problems.add("unknown event type " + type);
            return problems;
        }
        if (!eventType.get().dataSchema().equals(event.path("dataschema").asText())) {
            problems.add("dataschema does not name the schema of " + type);
        }
        for (ValidationMessage m : dataSchema(eventType.get()).validate(event.path("data"))) {
            problems.add("data: " + m.getMessage());
        }
        return problems;
    }

    public static List<String> violations(String eventJson) {
        try {
            return violations(Json.mapper().readTree(eventJson));
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    public static synchronized JsonSchema dataSchema(EventType type) {
        return DATA.computeIfAbsent(type, t -> load(t.schemaResource()));
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no schema published at " + resource);
            }
            return FACTORY.getSchema(Json.mapper().readTree(in), CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
