package dev.debrief.session.live;

import dev.debrief.kit.tracing.EventTraces;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Makes a WebSocket push a span of the trace its timeline entry was written in (the entry stores its traceparent):
 * the push runs later, on the live hub's own thread and maybe on another replica, so no context is current there.
 * One answer is then one trace down to the socket. An entry written with tracing off has no traceparent: no span.
 */
@ApplicationScoped
class LivePushTraces {

    private final Tracer tracer;

    LivePushTraces(Tracer tracer) {
        this.tracer = tracer;
    }

    void push(UUID sessionId, long seq, String type, String traceparent, Runnable send) {
        if (traceparent == null) {
            send.run();
            return;
        }
        Span span = tracer.spanBuilder("live push " + type).setParent(EventTraces.fromTraceparent(traceparent))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("debrief.session.id", sessionId.toString())
                .setAttribute("debrief.timeline.seq", seq)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            send.run();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }
}
