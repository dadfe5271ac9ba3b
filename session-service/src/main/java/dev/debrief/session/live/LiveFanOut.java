package dev.debrief.session.live;

import dev.debrief.session.answers.ScoreIntake;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * How a committed timeline entry reaches the sockets of every replica: its event. Each replica reads
 * debrief.sessions.v1 and debrief.scores.v1 in consumer groups of its own ({@code session-service-live-<random>}),
 * so a change committed on any replica nudges the feeds this one holds for that session, and the feed reads the
 * timeline after what each socket was sent. An event is published only after its entry committed (the outbox), so
 * the read finds it. A score's entry is written by whichever group stores the score first; this group stores it
 * or waits for the one that does ({@link ScoreIntake#apply}) before the nudge.
 */
@ApplicationScoped
public class LiveFanOut {

    private static final Logger LOG = Logger.getLogger(LiveFanOut.class);

    private final LiveHub hub;
    private final ScoreIntake scores;

    public LiveFanOut(LiveHub hub, ScoreIntake scores) {
        this.hub = hub;
        this.scores = scores;
    }

    /**
     * The record key is the session id (the envelope's subject): events of sessions with no socket here are dropped
     * unread. Cheap enough for the consumer's event loop: no hop to a worker thread before the nudge.
     */
    @Incoming("sessions-live")
    @NonBlocking
    public void sessionEvent(ConsumerRecord<String, String> record) {
        UUID session = sessionOf(record.key());
        if (session != null) {
            hub.nudge(session);
        }
    }

    @Incoming("scores-live")
    @Blocking(ordered = true)
    public void scoreEvent(ConsumerRecord<String, String> record) {
        scores.apply(record).ifPresent(hub::nudge);
    }

    private static UUID sessionOf(String key) {
        try {
            return key == null ? null : UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            LOG.warnf("Skipping a session event whose key is not a session id: %s", key);
            return null;
        }
    }
}
