package dev.debrief.contracts;

/**
 * Kafka topics. The version is part of the name: additive changes stay inside a version, a breaking
 * change is a new topic. Records are keyed by the aggregate id so one aggregate's events stay in order.
 */
public final class Topics {
    /** Question and loop changes, keyed by question or loop id. */
    public static final String CATALOG = "debrief.catalog.v1";
    /** Everything that happens in a live session, keyed by session id. */
    public static final String SESSIONS = "debrief.sessions.v1";
    /** Automated and human scores and debriefs, keyed by session id. */
    public static final String SCORES = "debrief.scores.v1";
    /**
     * The redacted copy of the session and score events for analytics, keyed by session id: ids, levels, counts and
     * timings, no candidate content, answer keys or names (docs/events.md). Written by the same outboxes.
     */
    public static final String ANALYTICS = "debrief.analytics.v1";
    /** Session events scoring-service gave up on (after its retries), for an operator to re-drive. */
    public static final String SESSIONS_DEAD_LETTERS_SCORING = "debrief.dlt.scoring-service.sessions.v1";
    /** Score events session-service gave up on (after its retries), for an operator to re-drive. */
    public static final String SCORES_DEAD_LETTERS_SESSION = "debrief.dlt.session-service.scores.v1";

    private Topics() {
    }
}
