package dev.debrief.e2e;

import dev.debrief.contracts.TopicDeclaration;
import dev.debrief.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker holds every declared topic as declared (the launcher created them from topics.json before the services
 * started), and a published event carries its CloudEvents headers.
 */
class KafkaRecordsIT {

    @Test
    void shouldCreateEveryDeclaredTopicWithItsPartitionsRetentionAndCleanup() throws Exception {
        String bootstrap = "127.0.0.1:" + SharedStack.ports().kafka();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<TopicDeclaration> declared = TopicDeclaration.all();
            Map<String, TopicDescription> topics = admin.describeTopics(declared.stream().map(TopicDeclaration::name).toList())
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            for (TopicDeclaration topic : declared) {
                assertEquals(topic.partitions(), topics.get(topic.name()).partitions().size(), topic.name());
                Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic.name())))
                        .all().get(30, TimeUnit.SECONDS).values().iterator().next();
                assertEquals(topic.cleanupPolicy(), config.get("cleanup.policy").value(), topic.name());
                assertEquals(Long.toString(topic.retentionMs()), config.get("retention.ms").value(), topic.name());
            }
        }
    }

    @Test
    void shouldPublishEveryEventWithItsCloudEventsHeaders() {
        Api api = SharedStack.gateway();
        RealKeycloak keycloak = SharedStack.keycloak();
        String cara = keycloak.userToken("cara");
        String colin = keycloak.userToken("colin");
        String caraId = RealKeycloak.claims(cara).path("sub").asText();
        String sessionId = api.post("/api/sessions", colin, Map.of("mode", "COACHED", "loop", "netflix-data-pm",
                "candidateId", caraId, "candidateName", "cara")).expect(201).json().path("id").asText();

        ConsumerRecord<String, String> created = firstRecordKeyed(Topics.SESSIONS, sessionId);
        assertEquals("application/cloudevents+json; charset=UTF-8", header(created, "content-type"));
        assertEquals("dev.debrief.session.created", header(created, "ce_type"));
        assertTrue(created.value().contains("\"id\":\"" + header(created, "ce_id") + "\""), created.value());
    }

    private static ConsumerRecord<String, String> firstRecordKeyed(String topic, String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + SharedStack.ports().kafka(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no record keyed " + key + " on " + topic);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        assertNotNull(header, name + " header on " + record.topic() + "@" + record.offset());
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
