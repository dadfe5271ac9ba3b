package dev.debrief.scoring.tracing;

import dev.debrief.contracts.AnswerFormat;
import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.Topics;
import dev.debrief.contracts.sessions.AnswerSubmitted;
import dev.debrief.testsupport.KafkaEvents;
import dev.debrief.testsupport.KafkaResource;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One answer, one trace: the answer-submitted record's traceparent (session-service's span) is the parent of the
 * span scoring-service applies it in, and the answer-scored record it publishes carries that span as its parent.
 */
@QuarkusTest
@TestProfile(TracingOn.class)
class TracePropagationTest {

    @Inject
    CollectedSpans spans;

    @Test
    void shouldPublishTheScoreInTheTraceOfItsAnswer() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String producerSpan = traceId.substring(0, 16);
        UUID sessionId = UUID.randomUUID();
        AnswerSubmitted data = AnswerSubmitted.builder().sessionId(sessionId).answerId(UUID.randomUUID())
                .candidate("trace-candidate").question(UUID.randomUUID(), 1).category("BEHAVIORAL").rubric("behavioral-story")
                .answerFormat(AnswerFormat.FREE_TEXT).prompt("Tell me about a hard call.")
                .text("I decided to cut scope; churn dropped from 5% to 3.8% within a quarter.").roundPosition(1)
                .elapsedSeconds(300).submittedAt(Instant.now()).build();
        EventEnvelope answer = EventEnvelope.of(EventType.ANSWER_SUBMITTED, "/debrief/session-service",
                sessionId.toString(), null, Instant.now(), Json.mapper().valueToTree(data));
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.SESSIONS, sessionId.toString(),
                Json.mapper().writeValueAsString(answer));
        // as session-service's outbox relay sends it: a structured CloudEvent, named by its headers
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        record.headers().add("traceparent", ("00-" + traceId + "-" + producerSpan + "-01").getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(record).get();
        }

        var scored = KafkaEvents.records(Topics.SCORES, r -> sessionId.toString().equals(r.key()), 1, Duration.ofSeconds(60));
        assertEquals(1, scored.size());
        String[] traceparent = KafkaEvents.header(scored.get(0), "traceparent").split("-");
        assertEquals(traceId, traceparent[1], "the score is in the answer's trace");

        await().atMost(Duration.ofSeconds(10)).until(() -> applied(traceId).size() == 1);
        SpanData applied = applied(traceId).get(0);
        assertEquals(producerSpan, applied.getParentSpanId(), "the consumer's span is a child of the producer's");
        assertEquals(applied.getSpanId(), traceparent[2], "the score's record names the consumer's span as its parent");
    }

    private List<SpanData> applied(String traceId) {
        return spans.ended().stream().filter(s -> s.getTraceId().equals(traceId))
                .filter(s -> s.getName().equals("apply " + EventType.ANSWER_SUBMITTED.ceType())).toList();
    }
}
