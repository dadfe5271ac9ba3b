package dev.debrief.session.answers;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A score scoring-service published for one of this service's answers, kept as it arrived. */
@Entity
@Table(name = "answer_score")
public class AnswerScore extends PanacheEntityBase {

    @Id
    @Column(name = "score_id")
    public UUID scoreId;

    @Column(name = "answer_id", nullable = false)
    public UUID answerId;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    /** The {@code AnswerScored} payload as JSON. */
    @Column(nullable = false)
    public String payload;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public static List<AnswerScore> ofAnswer(UUID answerId) {
        return list("answerId = ?1 order by receivedAt", answerId);
    }
}
