package dev.debrief.session.answers;

import dev.debrief.contracts.AnswerFormat;
import dev.debrief.session.lifecycle.InterviewSession;
import dev.debrief.session.lifecycle.Refusal;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The candidate's answer to one question: drafts overwrite it until the one final submission. */
@Entity
@Table(name = "answer")
public class Answer extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id")
    public InterviewSession session;

    @Column(name = "question_idx", nullable = false)
    public int questionIndex;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AnswerFormat format;

    /** Free text, or the query of a SQL answer (also the notes of a structured one). */
    public String text;

    /** The structured answer as JSON, for {@link AnswerFormat#STRUCTURED_METRICS}. */
    public String structured;

    @Column(name = "draft_revision", nullable = false)
    public int draftRevision;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "elapsed_seconds")
    public Long elapsedSeconds;

    public static Optional<Answer> of(UUID sessionId, int questionIndex) {
        return find("session.id = ?1 and questionIndex = ?2", sessionId, questionIndex).firstResultOptional();
    }

    public static Answer start(InterviewSession session, int questionIndex, AnswerFormat format) {
        Answer answer = new Answer();
        answer.id = UUID.randomUUID();
        answer.session = session;
        answer.questionIndex = questionIndex;
        answer.format = format;
        return answer;
    }

    public boolean submitted() {
        return submittedAt != null;
    }

    public void draft(String text, String structured, Instant now) {
        refuseIfFinal();
        this.text = text;
        this.structured = structured;
        draftRevision++;
        updatedAt = now;
    }

    public void submit(String text, String structured, long elapsedSeconds, Instant now) {
        refuseIfFinal();
        this.text = text;
        this.structured = structured;
        this.elapsedSeconds = elapsedSeconds;
        updatedAt = now;
        submittedAt = now;
    }

    private void refuseIfFinal() {
        if (submitted()) {
            throw new Refusal.Conflict("The answer to question " + questionIndex + " was already submitted");
        }
    }
}
