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
        envelopeOf(record).filter(e -> e.subject() != null)
                .ifPresent(e -> hub.nudgeFromElsewhere(UUID.fromString(e.subject()), e.id()));
    }

    static Optional<EventEnvelope> envelopeOf(String record) {
        try {
            return Optional.of(Json.mapper().readValue(record, EventEnvelope.class));
        } catch (Exception e) {
            LOG.warnf("Skipping a record that is not an event envelope: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
