package dev.debrief.scoring.answers;

import dev.debrief.contracts.AnswerFormat;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A submitted answer as session-service reported it: what the scorer and the coaches judge. */
@Entity
public class Answer extends PanacheEntityBase {

    @Id
    @Column(name = "answer_id")
    public UUID answerId;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    public String tenant;

    @Column(nullable = false)
    public String candidate;

    @Column(name = "question_id")
    public UUID questionId;

    @Column(name = "question_version", nullable = false)
    public int questionVersion;

    public String category;

    @Column(name = "rubric_slug", nullable = false)
    public String rubricSlug;

    @Enumerated(EnumType.STRING)
    @Column(name = "answer_format")
    public AnswerFormat answerFormat;

    public String prompt;

    @Column(nullable = false)
    public String text;

    /** The structured part of a STRUCTURED_METRICS answer as JSON (metrics, decision threshold), else null. */
    public String structured;

    @Column(name = "round_position", nullable = false)
    public int roundPosition;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    public static List<Answer> ofSession(UUID sessionId) {
        return list("sessionId = ?1 order by roundPosition, submittedAt", sessionId);
    }
}
