package dev.debrief.session.live;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.debrief.contracts.Json;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * Every replica reads debrief.sessions.v1 in a consumer group of its own, so a change committed on any
 * replica nudges the sockets this one holds for that session. The record key is the session id (the
 * envelope's subject): events of sessions with no socket here are dropped unread, and of the others only
 * the event id is read (to skip this replica's own events), not the whole envelope.
 */
@ApplicationScoped
public class LiveFanOut {

    private static final Logger LOG = Logger.getLogger(LiveFanOut.class);

    private final LiveHub hub;

    public LiveFanOut(LiveHub hub) {
        this.hub = hub;
    }

    /** Cheap enough for the consumer's event loop: no hop to a worker thread before the nudge. */
    @Incoming("sessions-live")
    @NonBlocking
    public void sessionEvent(ConsumerRecord<String, String> record) {
        UUID session = sessionOf(record.key());
        if (session != null && hub.holds(session)) {
            hub.nudgeFromElsewhere(session, eventIdOf(record.value()).orElse(null));
        }
    }

    private static UUID sessionOf(String key) {
        try {
            return key == null ? null : UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            LOG.warnf("Skipping a session event whose key is not a session id: %s", key);
            return null;
        }
    }

    /** The envelope's top-level {@code id}, read without building the rest; empty if it is not an envelope. */
    static Optional<String> eventIdOf(String record) {
        try (JsonParser parser = Json.mapper().getFactory().createParser(record)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("id".equals(field) && value == JsonToken.VALUE_STRING) {
                    return Optional.of(parser.getText());
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException e) {
            LOG.warnf("Skipping a record that is not an event envelope: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
