package dev.debrief.kit.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Every JSON body a service reads goes through Quarkus's ObjectMapper: its strings, free-form trees
 * and map keys are checked here, once, against {@link TextInput}. Also refuses duplicate keys, which
 * would otherwise let the last one silently win.
 */
@Singleton
public class ControlCharacterJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(module());
    }

    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("debrief-control-characters");
        module.addDeserializer(String.class, new CheckedStrings());
        module.addDeserializer(JsonNode.class, new CheckedTrees());
        module.addKeyDeserializer(String.class, new CheckedKeys());
        return module;
    }

    static String checked(JsonParser parser, String text) throws ControlCharacterException {
        OptionalInt at = TextInput.firstControlCharacter(text);
        if (at.isPresent()) {
            throw new ControlCharacterException(parser, TextInput.message(text, at.getAsInt()));
        }
        return text;
    }

    static final class CheckedStrings extends StdDeserializer<String> {

        CheckedStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return checked(parser, StringDeserializer.instance.deserialize(parser, context));
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    static final class CheckedTrees extends JsonDeserializer<JsonNode> {

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(parser, context);
            walk(parser, tree);
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext context) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }

        private static void walk(JsonParser parser, JsonNode node) throws ControlCharacterException {
            if (node.isTextual()) {
                checked(parser, node.textValue());
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                    var field = it.next();
                    checked(parser, field.getKey());
                    walk(parser, field.getValue());
                }
            } else if (node.isArray()) {
                for (JsonNode element : node) {
                    walk(parser, element);
                }
            }
        }
    }

    static final class CheckedKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            return checked(context.getParser(), key);
        }
    }
}
