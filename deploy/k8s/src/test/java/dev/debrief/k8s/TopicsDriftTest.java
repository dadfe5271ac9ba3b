package dev.debrief.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The KafkaTopics are those of topics.json, with its partitions, cleanup policy and retention in every overlay and
 * its replication factor in production (a local cluster may have fewer brokers); the KafkaUsers' ACLs grant what the
 * services' channels read, and no restricted topic to anyone but a service.
 */
class TopicsDriftTest {

    static final List<String> KUSTOMIZATIONS = Manifests.KUSTOMIZATIONS;

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void shouldDeclareExactlyTheTopicsOfTheContract(String kustomization) {
        Set<String> declared = new TreeSet<>();
        Declared.topics().forEach(t -> declared.add(t.path("name").asText()));
        Set<String> manifested = new TreeSet<>();
        Manifests.ofKind(kustomization, "KafkaTopic").forEach(t -> manifested.add(t.path("metadata").path("name").asText()));
        if (!declared.equals(manifested)) {
            StringBuilder missing = new StringBuilder();
            Declared.topics().forEach(t -> {
                if (!manifested.contains(t.path("name").asText())) {
                    missing.append(resourceFor(t));
                }
            });
            throw new AssertionError(kustomization + ": KafkaTopics " + manifested + " but topics.json declares " + declared
                    + (missing.isEmpty() ? "" : "; add to deploy/k8s/base/kafka/topics.yaml (and a replicas patch in overlays/local):\n" + missing));
        }
    }

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void shouldGiveEveryTopicItsDeclaredPartitionsCleanupAndRetention(String kustomization) {
        for (JsonNode topic : Declared.topics()) {
            String name = topic.path("name").asText();
            JsonNode spec = Manifests.named(kustomization, "KafkaTopic", name).path("spec");
            assertEquals(topic.path("partitions").asInt(), spec.path("partitions").asInt(), kustomization + " " + name + " partitions");
            assertEquals(topic.path("cleanupPolicy").asText(), spec.path("config").path("cleanup.policy").asText(), kustomization + " " + name);
            assertEquals(topic.path("retentionMs").asLong(), spec.path("config").path("retention.ms").asLong(Long.MIN_VALUE), kustomization + " " + name);
            int replicas = spec.path("replicas").asInt();
            if (kustomization.equals("overlays/local")) {
                assertTrue(replicas >= 1 && replicas <= topic.path("replicationFactor").asInt(), kustomization + " " + name);
            } else {
                assertEquals(topic.path("replicationFactor").asInt(), replicas, kustomization + " " + name + " replicas");
            }
        }
    }

    @Test
    void shouldGrantEachServiceReadOnTheTopicsAndGroupsOfItsIncomingChannels() {
        List<String> missing = new ArrayList<>();
        for (String service : Declared.SERVICES) {
            JsonNode acls = Manifests.named("base", "KafkaUser", service).path("spec").path("authorization").path("acls");
            for (Declared.Incoming in : Declared.incoming(service)) {
                if (!granted(acls, "topic", in.topic(), "Read")) {
                    missing.add(service + " reads " + in.topic() + " (channel " + in.channel() + ")");
                }
                if (in.group() != null && !granted(acls, "group", in.group(), "Read")) {
                    missing.add(service + " joins group " + in.group() + " (channel " + in.channel() + ")");
                }
            }
        }
        assertEquals(List.of(), missing, "KafkaUser ACLs in deploy/k8s/base/kafka/users.yaml");
    }

    @Test
    void shouldGrantNoTopicOutsideTheContractAndNoRestrictedTopicToAnalytics() {
        Set<String> known = new TreeSet<>();
        Set<String> restricted = new TreeSet<>();
        Declared.topics().forEach(t -> {
            known.add(t.path("name").asText());
            if (t.path("restricted").asBoolean(true)) {
                restricted.add(t.path("name").asText());
            }
        });
        for (JsonNode user : Manifests.ofKind("base", "KafkaUser")) {
            String name = user.path("metadata").path("name").asText();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                if (!resource.path("type").asText().equals("topic")) {
                    continue;
                }
                String topic = resource.path("name").asText();
                assertEquals("literal", resource.path("patternType").asText("literal"), name + ": topic ACLs name one topic each");
                assertTrue(known.contains(topic), name + " is granted " + topic + ", which topics.json does not declare");
                if (!Declared.SERVICES.contains(name)) {
                    assertTrue(!restricted.contains(topic), name + " is granted the restricted topic " + topic);
                }
            }
        }
        assertTrue(Manifests.named("base", "KafkaUser", "analytics").isObject(), "an analytics user exists");
    }

    @Test
    void shouldLetAnalyticsReadTheRedactedProjectionThatTheSessionAndScoreOutboxesWrite() {
        boolean declaredOpen = false;
        for (JsonNode topic : Declared.topics()) {
            declaredOpen |= topic.path("name").asText().equals("debrief.analytics.v1") && !topic.path("restricted").asBoolean(true);
        }
        assertTrue(declaredOpen, "topics.json declares the projection unrestricted");
        JsonNode analytics = Manifests.named("base", "KafkaUser", "analytics").path("spec").path("authorization").path("acls");
        assertTrue(granted(analytics, "topic", "debrief.analytics.v1", "Read"), "analytics reads the projection");
        for (String writer : List.of("session-service", "scoring-service")) {
            JsonNode acls = Manifests.named("base", "KafkaUser", writer).path("spec").path("authorization").path("acls");
            assertTrue(granted(acls, "topic", "debrief.analytics.v1", "Write"), writer + " writes the projection");
        }
    }

    private static boolean granted(JsonNode acls, String type, String name, String operation) {
        for (JsonNode acl : acls) {
            JsonNode resource = acl.path("resource");
            boolean matches = resource.path("type").asText().equals(type)
                    && (resource.path("patternType").asText("literal").equals("prefix")
                            ? name.startsWith(resource.path("name").asText())
                            : name.equals(resource.path("name").asText()));
            boolean allows = false;
            for (JsonNode op : acl.path("operations")) {
                allows |= op.asText().equals(operation) || op.asText().equals("All");
            }
            if (matches && allows) {
                return true;
            }
        }
        return false;
    }

    private static String resourceFor(JsonNode topic) {
        return """
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: %s
                  labels: {strimzi.io/cluster: debrief}
                spec:
                  partitions: %d
                  replicas: %d
                  config:
                    cleanup.policy: %s
                    retention.ms: %d
                    min.insync.replicas: 2
                """.formatted(topic.path("name").asText(), topic.path("partitions").asInt(), topic.path("replicationFactor").asInt(),
                topic.path("cleanupPolicy").asText(), topic.path("retentionMs").asLong());
    }
}
