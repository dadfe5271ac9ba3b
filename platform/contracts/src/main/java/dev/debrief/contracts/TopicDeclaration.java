package dev.debrief.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Kafka topic as declared in {@code dev/debrief/contracts/topics.json}: the single declaration the launcher
 * creates topics from locally and the Kubernetes KafkaTopic resources are rendered from.
 *
 * @param retentionMs -1 keeps records forever
 * @param restricted true when the topic carries candidate content or answer keys (docs/events.md: who may read it)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TopicDeclaration(String name, int partitions, int replicationFactor, String cleanupPolicy,
        long retentionMs, boolean restricted, String carries) {

    public static final String RESOURCE = "/dev/debrief/contracts/topics.json";

    /** The topic-level configuration Kafka is given for it. */
    public Map<String, String> configs() {
        return Map.of("cleanup.policy", cleanupPolicy, "retention.ms", Long.toString(retentionMs));
    }

    public static List<TopicDeclaration> all() {
        try (InputStream in = TopicDeclaration.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the contracts jar");
            }
            JsonNode topics = Json.mapper().readTree(in).path("topics");
            List<TopicDeclaration> all = new ArrayList<>();
            for (JsonNode topic : topics) {
                all.add(Json.mapper().treeToValue(topic, TopicDeclaration.class));
            }
            return List.copyOf(all);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
