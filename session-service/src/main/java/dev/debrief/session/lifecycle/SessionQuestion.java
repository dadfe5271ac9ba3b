package dev.debrief.session.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.debrief.contracts.AnswerFormat;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.catalog.QuestionSnapshot;
import dev.debrief.contracts.AnswerFormat;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A question version as the catalog gave it at creation (never re-read), with its answer clock. */
@Entity
@Table(name = "session_question")
public class SessionQuestion extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id")
    public InterviewSession session;

    @Column(name = "idx", nullable = false)
    public int index;

    @Column(name = "round_position", nullable = false)
    public int roundPosition;

    @Column(name = "question_id", nullable = false)
    public UUID questionId;

    @Column(name = "question_version", nullable = false)
    public int questionVersion;

    @Column(nullable = false)
    String snapshot;

    @Column(name = "asked_at")
    public Instant askedAt;

    @Embedded
    public Stopwatch clock = new Stopwatch();

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "overtime_seconds")
    public Long overtimeSeconds;

    /** How many of the self-practice interjections have fired. */
    @Column(name = "auto_fired", nullable = false)
    public int autoFired;

    @Column(name = "next_auto_at")
    public Instant nextAutoAt;

    @Transient
    private QuestionSnapshot parsed;

    public static SessionQuestion of(InterviewSession session, int index, int roundPosition, QuestionSnapshot q) {
        SessionQuestion question = new SessionQuestion();
        question.id = UUID.randomUUID();
        question.session = session;
        question.index = index;
        question.roundPosition = roundPosition;
        question.questionId = q.id();
        question.questionVersion = q.version();
        question.snapshot = Json.write(q);
        question.parsed = q;
        return question;
    }

    public QuestionSnapshot snapshot() {
        if (parsed == null) {
            try {
                parsed = Json.mapper().readValue(snapshot, QuestionSnapshot.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored snapshot is unreadable for question " + questionId, e);
            }
        }
        return parsed;
    }

    public AnswerFormat format() {
        AnswerFormat format = snapshot().answerFormat();
        return format == null ? AnswerFormat.FREE_TEXT : format; // a question without one is answered in prose
    }

    public boolean asked() {
        return askedAt != null;
    }

    /** Asked and not yet closed by a final answer or by moving on: interjections and answers apply. */
    public boolean open() {
        return askedAt != null && finishedAt == null;
    }

    void ask(Instant now) {
        askedAt = now;
        clock.start(now);
    }

    void finish(Instant now) {
        if (finishedAt == null) {
            clock.stop(now);
            finishedAt = now;
            overtimeSeconds = overtimeSeconds(now);
            nextAutoAt = null;
        }
    }

    public long elapsedSeconds(Instant now) {
        return clock.elapsed(now).toSeconds();
    }

    public long remainingSeconds(Instant now) {
        return Math.max(0, snapshot().timeBudgetSeconds() - elapsedSeconds(now));
    }

    public long overtimeSeconds(Instant now) {
        return Math.max(0, elapsedSeconds(now) - snapshot().timeBudgetSeconds());
    }

    /** The self-practice interjections in the order they fire: by second, follow-ups before constraints. */
    public List<Interjection> autoSchedule() {
        List<Interjection> all = new ArrayList<>();
        QuestionSnapshot q = snapshot();
        if (q.followUps() != null) {
            q.followUps().forEach(f -> all.add(new Interjection(InterjectionKind.FOLLOW_UP, f.prompt(), f.atSecond())));
        }
        if (q.constraints() != null) {
            q.constraints().forEach(c -> all.add(new Interjection(InterjectionKind.CONSTRAINT, c.text(), c.atSecond())));
        }
        all.sort(Comparator.comparingInt(Interjection::atSecond));
        return all;
    }

    /** When the next self-practice interjection falls due on the running clock; null if none or stopped. */
    Instant nextAutoDue() {
        List<Interjection> schedule = autoSchedule();
        if (!open() || autoFired >= schedule.size()) {
            return null;
        }
        return clock.reaches(Duration.ofSeconds(schedule.get(autoFired).atSecond()));
    }

    /** An interjection of the question's script. */
    public record Interjection(InterjectionKind kind, String text, int atSecond) {
    }
}
