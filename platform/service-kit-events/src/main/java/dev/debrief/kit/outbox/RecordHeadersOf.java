package dev.debrief.kit.outbox;

import dev.debrief.kit.tracing.EventTraces;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * The Kafka headers of a published event (docs/events.md). The value is a CloudEvent in structured mode, so
 * {@code content-type} says so; {@code ce_id} and {@code ce_type} repeat the envelope's id and type so a consumer or
 * a tool can route, deduplicate or skip a record without parsing its value; {@code traceparent} (when tracing is on)
 * continues the trace of the request or record that caused the event.
 */
final class RecordHeadersOf {

    static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private RecordHeadersOf() {
    }

    static RecordHeaders event(OutboxEvent row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", bytes(CONTENT_TYPE));
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(row.eventId.toString()));
        headers.add("ce_type", bytes(row.eventType));
        if (row.traceparent != null) {
            headers.add(EventTraces.TRACEPARENT, bytes(row.traceparent));
        }
        return headers;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
