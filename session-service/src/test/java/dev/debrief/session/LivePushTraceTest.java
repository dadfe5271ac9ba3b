package dev.debrief.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.Topics;
import dev.debrief.contracts.scores.AnswerScored;
import dev.debrief.testsupport.KafkaResource;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.debrief.session.Api.candidate;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One answer is one trace down to the socket: the WebSocket push of a timeline entry is a span of the trace the
 * entry was written in, although it runs later on the live hub's own thread.
 */
@QuarkusTest
@TestProfile(SessionTracingOn.class)
class LivePushTraceTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    KafkaClientService kafka;

    @Inject
    CollectedSpans spans;

    @BeforeEach
    void liveGroupsReading() {
        LiveGroups.awaitReading(kafka);
    }

    @Test
    void shouldPushAStoredScoreInTheTraceOfItsScoreRecord() throws Exception {
        String cara = candidate("cara");
        String id = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"));
        Api.started(cara, id);
        String answerId = Api.submit(cara, id, 0, Map.of("text", "my answer")).then().statusCode(200)
                .extract().path("id");
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String scoringSpan = traceId.substring(0, 16);
        try (LiveClient live = LiveClient.connect(cara, id, 4)) {
            sendScore(id, answerId, "00-" + traceId + "-" + scoringSpan + "-01");

            JsonNode pushed = live.poll(WAIT);
            assertNotNull(pushed);
            assertEquals("answer-scored", pushed.path("type").asText());
        }

        SpanData push = awaitSpan(traceId, "live push answer-scored");
        // the durable group and this replica's live group each apply the record in a span; one of them stores it
        List<SpanData> applied = spans.inTrace(traceId).stream().filter(s -> s.getName().equals("apply score event"))
                .toList();
        assertFalse(applied.isEmpty(), "the score record is applied in a span");
        applied.forEach(a -> assertEquals(scoringSpan, a.getParentSpanId(), "the score is stored in the span of its record"));
        assertTrue(applied.stream().anyMatch(a -> a.getSpanId().equals(push.getParentSpanId())),
                "the push is a child of the span that stored the score");
        assertEquals(id, push.getAttributes().asMap().entrySet().stream()
                .filter(e -> e.getKey().getKey().equals("debrief.session.id")).map(e -> e.getValue().toString())
                .findFirst().orElseThrow());
    }

    @Test
    void shouldPushAnAnswerInTheTraceOfTheRequestThatSubmittedIt() throws Exception {
        String cara = candidate("cara");
        String id = Api.selfPractice(cara, CatalogStub.stubQuestion("FREE_TEXT"));
        Api.started(cara, id);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String gatewaySpan = traceId.substring(16);
        try (LiveClient live = LiveClient.connect(cara, id, 3)) {
            Api.as(cara).header("traceparent", "00-" + traceId + "-" + gatewaySpan + "-01")
                    .header("If-Match", "\"" + Api.version(cara, id) + "\"")
                    .body(Map.of("text", "traced answer")).post("/api/sessions/" + id + "/questions/0/answer")
                    .then().statusCode(200);
            assertEquals("answer-submitted", live.poll(WAIT).path("type").asText());
        }

        SpanData push = awaitSpan(traceId, "live push answer-submitted");
        List<String> chain = ancestors(push, spans.inTrace(traceId));
        assertTrue(chain.size() > 1, "the push's parent is a span of the request, not the caller's span itself: " + chain);
        assertEquals(gatewaySpan, chain.get(chain.size() - 1), "the push descends from the caller's span");
    }

    private SpanData awaitSpan(String traceId, String name) {
        await().atMost(WAIT).until(() -> find(traceId, name).isPresent());
        return find(traceId, name).orElseThrow();
    }

    private Optional<SpanData> find(String traceId, String name) {
        return spans.inTrace(traceId).stream().filter(s -> s.getName().equals(name)).findFirst();
    }

    /** The parent span ids from the span upwards, ending with the first one not collected here (the caller's). */
    private static List<String> ancestors(SpanData span, List<SpanData> trace) {
        List<String> ids = new java.util.ArrayList<>();
        for (SpanData s = span; s != null; ) {
            ids.add(s.getParentSpanId());
            String parentId = s.getParentSpanId();
            s = trace.stream().filter(t -> t.getSpanId().equals(parentId)).findFirst().orElse(null);
        }
        return ids;
    }

    private static void sendScore(String sessionId, String answerId, String traceparent) throws Exception {
        AnswerScored score = new AnswerScored(UUID.randomUUID(), UUID.fromString(sessionId), UUID.fromString(answerId),
                UUID.randomUUID(), 3, "decision-spine", 1, "auto", "AUTOMATED", 3.5,
                List.of(new AnswerScored.DimensionScore("primary-metric", 4,
                        List.of(new AnswerScored.Evidence(0, 2, "my")), "Clear.")), Instant.now());
        EventEnvelope envelope = EventEnvelope.of(EventType.ANSWER_SCORED, "/debrief/scoring-service", sessionId,
                "northwind", Instant.now(), Json.mapper().valueToTree(score));
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.SCORES, sessionId,
                Json.mapper().writeValueAsString(envelope));
        record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(record).get();
        }
    }
}
