package dev.debrief.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What analytics consumers build on is complete: every event type has a schema and an AsyncAPI message. */
class PublishedContractTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldPublishAValidDraft2020SchemaForEveryEventType(EventType type) throws IOException {
        JsonNode schema = read(type.schemaResource());
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText(),
                type + " names its dialect");
        assertEquals("object", schema.path("type").asText(), type + " data is an object");
        assertNotNull(FACTORY.getSchema(schema), type + " compiles");
    }

    @Test
    void shouldDescribeEveryEventTypeOnItsTopicInTheAsyncApiDocument() throws IOException {
        JsonNode asyncApi;
        try (InputStream in = resource("asyncapi.yaml")) {
            asyncApi = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        Set<String> described = new HashSet<>();
        asyncApi.path("channels").forEach(channel -> channel.path("messages").fieldNames().forEachRemaining(ref -> {
            JsonNode message = asyncApi.path("components").path("messages").path(ref);
            described.add(channel.path("address").asText() + " " + message.path("name").asText());
        }));
        for (EventType type : EventType.values()) {
            assertTrue(described.contains(type.topic() + " " + type.ceType()),
                    type.ceType() + " is described on " + type.topic());
        }
        assertEquals(EventType.values().length, described.size(), "no message is described that is not emitted");
    }

    @Test
    void shouldRefuseAnEnvelopeWithoutItsRequiredAttributes() throws IOException {
        JsonSchema envelope = FACTORY.getSchema(read("schemas/envelope.v1.json"));
        JsonNode incomplete = Json.mapper().readTree("""
                {"specversion":"1.0","type":"dev.debrief.session.started","data":{}}""");
        assertTrue(envelope.validate(incomplete).size() >= 5, "id, source, subject, time and dataschema missing");
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = resource(resource)) {
            return Json.mapper().readTree(in);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = EventType.class.getClassLoader().getResourceAsStream(name);
        assertNotNull(in, name + " is published in the contracts jar");
        return in;
    }
}
