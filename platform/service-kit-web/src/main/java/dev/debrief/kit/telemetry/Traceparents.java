package dev.debrief.kit.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The current span as a W3C {@code traceparent}: what the gateway forwards on its hop and what the outbox
 * (service-kit-events) stores with an event. One implementation, in the web half, so the gateway needs no more.
 */
public final class Traceparents {

    private Traceparents() {
    }

    /** The current span as a W3C traceparent, or null when no span is current (tracing off). */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid()
                ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex()
                : null;
    }
}
