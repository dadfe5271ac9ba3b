package dev.debrief.session.timeline;

import java.util.UUID;

/**
 * A session as its timeline and its events know it: the id (the Kafka key) and the firm (the envelope's tenant).
 * The session aggregate implements it, so recording needs nothing else of the session.
 */
public interface SessionRef {

    UUID sessionId();

    String tenant();
}
