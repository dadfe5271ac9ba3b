package dev.debrief.session.messaging;

import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.Json;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * Every replica reads debrief.sessions.v1 in a consumer group of its own, so a change committed on any
 * replica nudges the sockets this one holds for that session.
 */
@ApplicationScoped
public class LiveFanOut {

    private static final Logger LOG = Logger.getLogger(LiveFanOut.class);

    private final LiveHub hub;

    public LiveFanOut(LiveHub hub) {
        this.hub = hub;
    }

    @Incoming("sessions-live")
    public void sessionEvent(String record) {
        subjectOf(record).ifPresent(hub::nudge);
    }

    static Optional<UUID> subjectOf(String record) {
        try {
            EventEnvelope envelope = Json.mapper().readValue(record, EventEnvelope.class);
            return Optional.ofNullable(envelope.subject()).map(UUID::fromString);
        } catch (Exception e) {
            LOG.warnf("Skipping a record that is not an event envelope: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
