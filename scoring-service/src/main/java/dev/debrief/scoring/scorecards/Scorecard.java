package dev.debrief.scoring.scorecards;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A coach's scorecard for one round of a session. It is never edited in place: each edit adds a
 * {@link ScorecardVersion} and moves {@code currentVersion}, so a debrief can say what a coach said when.
 */
@Entity
@Table(name = "scorecard")
public class Scorecard extends PanacheEntityBase {

    @Id
    public UUID id;

    public String tenant;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "round_position", nullable = false)
    public int roundPosition;

    @Column(nullable = false)
    public String candidate;

    @Column(nullable = false)
    public String scorer;

    @Column(name = "scorer_name")
    public String scorerName;

    @Column(name = "rubric_slug", nullable = false)
    public String rubricSlug;

    @Column(name = "rubric_version", nullable = false)
    public int rubricVersion;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Adds the next version; refuses an edit made against a version that is no longer current. */
    public ScorecardVersion revise(int basedOn, Recommendation recommendation, String dimensionsJson, String notes,
            Instant now) {
        if (basedOn != currentVersion) {
            throw new StaleScorecardException(id, basedOn, currentVersion);
        }
        currentVersion++;
        updatedAt = now;
        return ScorecardVersion.of(this, recommendation, dimensionsJson, notes, now);
    }

    public static List<Scorecard> ofSession(UUID sessionId) {
        return list("sessionId = ?1 order by roundPosition, createdAt", sessionId);
    }

    /** An edit based on an old version. */
    public static class StaleScorecardException extends RuntimeException {
        public StaleScorecardException(UUID id, int basedOn, int current) {
            super("scorecard " + id + " is at version " + current + ", the edit was based on version " + basedOn);
        }
    }
}
