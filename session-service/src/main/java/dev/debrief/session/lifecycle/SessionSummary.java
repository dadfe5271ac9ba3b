package dev.debrief.session.lifecycle;


import java.time.Instant;
import java.util.UUID;

/** One line of a session list. */
public record SessionSummary(UUID id, SessionStatus status, SessionMode mode, String loop, String candidate,
        String coach, long version, Instant createdAt) {

    static SessionSummary of(InterviewSession s) {
        return new SessionSummary(s.id, s.status, s.mode, s.loopSlug, s.candidate, s.coach, s.version, s.createdAt);
    }
}
