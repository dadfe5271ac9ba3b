package dev.debrief.session.lifecycle;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One round of a session with its budget and its clock (which runs while any of its questions is open). */
@Entity
@Table(name = "session_round")
public class SessionRound extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id")
    public InterviewSession session;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String name;

    @Column(name = "round_type")
    public String roundType;

    @Column(name = "budget_seconds", nullable = false)
    public int budgetSeconds;

    @Embedded
    public Stopwatch clock = new Stopwatch();

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    void begin(Instant now) {
        if (startedAt == null) {
            startedAt = now;
        }
        clock.start(now);
    }

    void complete(Instant now) {
        clock.stop(now);
        completedAt = now;
    }

    public long elapsedSeconds(Instant now) {
        return clock.elapsed(now).toSeconds();
    }

    public long overtimeSeconds(Instant now) {
        return Math.max(0, elapsedSeconds(now) - budgetSeconds);
    }
}
