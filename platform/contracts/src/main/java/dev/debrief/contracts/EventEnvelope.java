package dev.debrief.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode: the attributes and the {@code data} payload in one
 * document. {@code tenant} is a CloudEvents extension attribute naming the coaching firm, absent for the
 * public catalog and for candidates practising on their own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        String specversion,
        String id,
        String type,
        String source,
        String subject,
        Instant time,
        String datacontenttype,
        String dataschema,
        String tenant,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
    }

    public static EventEnvelope of(EventType type, String source, String subject, String tenant, Instant time,
            JsonNode data) {
        return new EventEnvelope(SPEC_VERSION, UUID.randomUUID().toString(), type.ceType(), source, subject, time,
                "application/json", type.dataSchema(), tenant, data);
    }

    public boolean is(EventType eventType) {
        return eventType.ceType().equals(type);
    }
}
