package dev.debrief.kit.tracing;

import dev.debrief.kit.telemetry.Traceparents;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Carries the trace of one answer across Kafka: the outbox stores the current span's context with the event and
 * the relay sends it as the {@code traceparent} header; a consumer reads it back, and while it applies an event the
 * context of that event's own span is current, so what it publishes in turn stays in the same trace. A batch
 * consumer registers each event's context ({@link #register}) and the code applying one event enters it
 * ({@link #enter}). With tracing off (the SDK disabled) there is no valid span and nothing is carried.
 */
public final class EventTraces {

    public static final String TRACEPARENT = "traceparent";
    private static final ThreadLocal<Map<String, Context>> BY_EVENT = ThreadLocal.withInitial(HashMap::new);

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static final TextMapGetter<String> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceparent) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String traceparent, String key) {
            return TRACEPARENT.equals(key) ? traceparent : null;
        }
    };

    private EventTraces() {
    }

    /** The current span as a W3C traceparent, or null when no span is current (tracing off): {@link Traceparents}. */
    public static String currentTraceparent() {
        return Traceparents.current();
    }

    /** The context a record's {@code traceparent} header names (the root context when it has none). */
    public static Context fromHeaders(Headers headers) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, KAFKA_HEADERS);
    }

    /** The context a stored W3C traceparent names (the root context when it is null or malformed). */
    public static Context fromTraceparent(String traceparent) {
        return traceparent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, STORED);
    }

    /** Remembers, for this thread, the context an event is applied in. */
    public static void register(String eventId, Context context) {
        BY_EVENT.get().put(eventId, context);
    }

    /** Forgets what {@link #register} remembered on this thread. */
    public static void clear(List<String> eventIds) {
        eventIds.forEach(BY_EVENT.get()::remove);
    }

    /** Makes the context registered for the event current; a no-op scope when none was. */
    public static Scope enter(String eventId) {
        Context context = BY_EVENT.get().get(eventId);
        return context == null ? Scope.noop() : context.makeCurrent();
    }
}
