package dev.debrief.scoring.answers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.scores.AnswerScored.DimensionScore;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One scorer's levels for one answer; the dimensions (levels, evidence, feedback) are kept as JSON. */
@Entity
@Table(name = "answer_score")
public class AnswerScoreRow extends PanacheEntityBase {

    private static final TypeReference<List<DimensionScore>> DIMENSIONS = new TypeReference<>() {
    };

    @Id
    public UUID id;

    @Column(name = "answer_id", nullable = false)
    public UUID answerId;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    public String tenant;

    @Column(nullable = false)
    public String candidate;

    @Column(name = "rubric_slug", nullable = false)
    public String rubricSlug;

    @Column(name = "rubric_version", nullable = false)
    public int rubricVersion;

    @Column(nullable = false)
    public String scorer;

    @Column(name = "scorer_kind", nullable = false)
    public String scorerKind;

    @Column(nullable = false)
    public BigDecimal overall;

    @Column(nullable = false)
    public String dimensions;

    @Column(name = "sql_report")
    public String sqlReport;

    @Column(name = "scored_at", nullable = false)
    public Instant scoredAt;

    /** When a re-score by a newer scorer version replaced this one; null while it is the answer's current score. */
    @Column(name = "superseded_at")
    public Instant supersededAt;

    public List<DimensionScore> dimensionScores() {
        try {
            return Json.mapper().readValue(dimensions, DIMENSIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("score " + id + " is not readable", e);
        }
    }

    /** The session's current scores (a superseded one is history, not a figure). */
    public static List<AnswerScoreRow> ofSession(UUID sessionId) {
        return list("sessionId = ?1 and supersededAt is null order by scoredAt", sessionId);
    }

    /** The answer's current automated score, if it has one. */
    public static java.util.Optional<AnswerScoreRow> currentOf(UUID answerId) {
        return find("answerId = ?1 and scorerKind = 'AUTOMATED' and supersededAt is null", answerId).firstResultOptional();
    }
}
