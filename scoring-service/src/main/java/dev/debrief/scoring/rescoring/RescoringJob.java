package dev.debrief.scoring.rescoring;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An admin's re-scoring run: which answers (filters), how far it got (the cursor, an answer id: answers are worked
 * through in id order) and what it counted. All of it is in the database, so a restart carries on where it stopped.
 */
@Entity
@Table(name = "rescoring_job")
public class RescoringJob extends PanacheEntityBase {

    public enum Status { RUNNING, DONE }

    @Id
    public UUID id;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    /** Only this firm's answers; null: every firm's. */
    public String tenant;

    /** Only answers whose current score came from this scorer (or a longer name it starts); null: any older one. */
    @Column(name = "from_scorer")
    public String fromScorer;

    @Column(name = "submitted_from")
    public Instant submittedFrom;

    @Column(name = "submitted_to")
    public Instant submittedTo;

    /** The scorers the selected answers were scored by when the job started (JSON array of names). */
    @Column(name = "scorers_from", nullable = false)
    public String scorersFrom;

    @Column(name = "scorer_to", nullable = false)
    public String scorerTo;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int total;

    @Column(nullable = false)
    public int done;

    @Column(nullable = false)
    public int failed;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "cursor_answer")
    public UUID cursorAnswer;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The oldest running job, locked for this transaction; one another replica holds is skipped, not waited for. */
    static Optional<RescoringJob> nextRunning() {
        return find("status = ?1 order by createdAt", Status.RUNNING.name())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // Hibernate's SKIP LOCKED
                .page(0, 1).firstResultOptional();
    }
}
