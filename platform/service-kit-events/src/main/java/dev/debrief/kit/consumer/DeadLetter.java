package dev.debrief.kit.consumer;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The dead-letter copy of a record a consumer gave up on: the same key, value and headers, plus the failure and the
 * original coordinates under the header names SmallRye's own {@code failure-strategy=dead-letter-queue} writes, so
 * every dead-letter topic reads alike whichever way a consumer dead-letters and {@link Redrive} handles them all.
 * A batch consumer uses this to dead-letter one record of a poll and acknowledge the rest.
 */
public final class DeadLetter {

    public static final String REASON = KafkaDeadLetterQueue.DEAD_LETTER_REASON;
    public static final String CAUSE = KafkaDeadLetterQueue.DEAD_LETTER_CAUSE;
    public static final String EXCEPTION_CLASS = KafkaDeadLetterQueue.DEAD_LETTER_EXCEPTION_CLASS_NAME;
    public static final String TOPIC = KafkaDeadLetterQueue.DEAD_LETTER_TOPIC;
    public static final String PARTITION = KafkaDeadLetterQueue.DEAD_LETTER_PARTITION;
    public static final String OFFSET = KafkaDeadLetterQueue.DEAD_LETTER_OFFSET;
    /** Set by {@link Redrive} on a record it put back: where it came from. */
    public static final String REDRIVEN_FROM = "debrief-redriven-from";

    private DeadLetter() {
    }

    /** @param sent completed once the broker has the dead letter, or exceptionally if it could not be written */
    public static Message<String> of(ConsumerRecord<String, String> record, Throwable failure, String deadLetterTopic,
            CompletableFuture<Void> sent) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        put(headers, REASON, message(failure));
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != failure) { // the deepest cause: the database's or the parser's own words
            put(headers, CAUSE, message(root));
        }
        put(headers, EXCEPTION_CLASS, failure.getClass().getName());
        put(headers, TOPIC, record.topic());
        put(headers, PARTITION, Integer.toString(record.partition()));
        put(headers, OFFSET, Long.toString(record.offset()));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(deadLetterTopic)
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        return Message.of(record.value())
                .addMetadata(metadata)
                .withAck(() -> {
                    sent.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(e -> {
                    sent.completeExceptionally(e);
                    return CompletableFuture.completedFuture(null);
                });
    }

    private static void put(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
