package dev.debrief.scoring.scorecards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.scores.ScorecardSubmitted.DimensionRating;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One version of a scorecard: the levels and notes per dimension, and the recommendation. */
@Entity
@Table(name = "scorecard_version")
public class ScorecardVersion extends PanacheEntityBase {

    private static final TypeReference<List<DimensionRating>> RATINGS = new TypeReference<>() {
    };

    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Recommendation recommendation;

    @Column(nullable = false)
    public String dimensions;

    public String notes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "scorecard_id")
        public UUID scorecardId;
        public int version;

        public Key() {
        }

        public Key(UUID scorecardId, int version) {
            this.scorecardId = scorecardId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.scorecardId.equals(scorecardId) && k.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(scorecardId, version);
        }
    }

    static ScorecardVersion of(Scorecard card, Recommendation recommendation, String dimensions, String notes, Instant now) {
        ScorecardVersion v = new ScorecardVersion();
        v.key = new Key(card.id, card.currentVersion);
        v.recommendation = recommendation;
        v.dimensions = dimensions;
        v.notes = notes;
        v.createdAt = now;
        return v;
    }

    public static ScorecardVersion first(Scorecard card, Recommendation recommendation, String dimensions, String notes,
            Instant now) {
        return of(card, recommendation, dimensions, notes, now);
    }

    public List<DimensionRating> ratings() {
        try {
            return Json.mapper().readValue(dimensions, RATINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ScorecardVersion current(Scorecard card) {
        return findById(new Key(card.id, card.currentVersion));
    }

    public static List<ScorecardVersion> history(UUID scorecardId) {
        return list("key.scorecardId = ?1 order by key.version", scorecardId);
    }
}
