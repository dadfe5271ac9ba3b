package dev.debrief.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.Topics;
import dev.debrief.testsupport.EventSchemas;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An analytics consumer's view: read every topic from the beginning, validate every event against the
 * published contract, and find one self-practice session's events complete, unduplicated and in order.
 */
class EventStreamIT {

    @Test
    void shouldPublishEveryEventValidInOrderAndOnceAsAnAnalyticsConsumerReadsThem() {
        Api api = SharedStack.gateway();
        String uma = SharedStack.keycloak().userToken("uma");
        JsonNode page = api.get("/api/questions?category=BEHAVIORAL&size=1", uma).expect(200).json();
        String questionId = page.path("items").path(0).path("id").asText();
        String sessionId = api.post("/api/sessions", uma, Map.of("mode", "SELF_PRACTICE",
                "questions", List.of(Map.of("id", questionId)))).expect(201).json().path("id").asText();
        new Interview(api, sessionId, uma, null).runToCompletion();

        Map<String, List<JsonNode>> events = readAll(sessionId);

        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (List<JsonNode> topic : events.values()) {
            for (JsonNode event : topic) {
                EventSchemas.violations(event).forEach(v -> problems.add(event.path("type").asText() + ": " + v));
                if (!ids.add(event.path("id").asText())) {
                    problems.add("duplicate event id " + event.path("id").asText());
                }
            }
        }
        assertEquals(List.of(), problems, "every event matches the published contract, once");
        assertTrue(events.get(Topics.CATALOG).size() >= 60, "the seeded catalog was published");

        List<String> fromKafka = events.get(Topics.SESSIONS).stream()
                .filter(e -> sessionId.equals(e.path("subject").asText()))
                .map(e -> e.path("type").asText().substring("dev.debrief.session.".length()))
                .toList();
        List<String> timeline = new ArrayList<>();
        api.get("/api/sessions/" + sessionId + "/timeline", uma).expect(200).json().forEach(entry -> {
            if (!"answer-scored".equals(entry.path("type").asText())) {
                timeline.add(entry.path("type").asText());
            }
        });
        assertEquals(timeline, fromKafka, "the session's events arrive in the order of its timeline");
        assertEquals(List.of("created", "started", "question-asked", "answer-submitted"), fromKafka.subList(0, 4));

        Map<String, Integer> scores = new LinkedHashMap<>();
        events.get(Topics.SCORES).stream().filter(e -> sessionId.equals(e.path("subject").asText()))
                .forEach(e -> scores.merge(e.path("type").asText(), 1, Integer::sum));
        assertEquals(Map.of("dev.debrief.score.answer-scored", 1, "dev.debrief.score.session-debriefed", 1), scores);
    }

    /** Every record of the three topics, read until the session's debrief has arrived and the topics are quiet. */
    private static Map<String, List<JsonNode>> readAll(String sessionId) {
        Map<String, List<JsonNode>> events = new LinkedHashMap<>();
        List.of(Topics.CATALOG, Topics.SESSIONS, Topics.SCORES).forEach(t -> events.put(t, new ArrayList<>()));
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + SharedStack.ports().kafka(),
                ConsumerConfig.GROUP_ID_CONFIG, "analytics-e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        boolean debriefed = false;
        long quietSince = System.nanoTime();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(events.keySet());
            while (System.nanoTime() < deadline
                    && !(debriefed && System.nanoTime() - quietSince > Duration.ofSeconds(3).toNanos())) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode event = parse(record.value());
                    assertEquals(event.path("subject").asText(), record.key(), "the key is the aggregate id");
                    events.get(record.topic()).add(event);
                    debriefed |= sessionId.equals(event.path("subject").asText())
                            && "dev.debrief.score.session-debriefed".equals(event.path("type").asText());
                    quietSince = System.nanoTime();
                }
            }
        }
        assertTrue(debriefed, "the session's debrief was published");
        return events;
    }

    private static JsonNode parse(String value) {
        try {
            return Api.JSON.readTree(value);
        } catch (Exception e) {
            throw new AssertionError("a record that is not JSON: " + value, e);
        }
    }
}
