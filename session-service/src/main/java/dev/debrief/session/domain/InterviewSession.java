package dev.debrief.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One candidate's mock interview: a loop, a round or a hand-picked list of questions. */
@Entity
@Table(name = "interview_session")
public class InterviewSession extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The coaching firm the session runs in; null for self-practice outside any firm. */
    public String tenant;

    /** The candidate's user id (token subject). */
    @Column(nullable = false)
    public String candidate;

    @Column(nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<InterviewSession> ofCandidate(String candidate) {
        return list("candidate = ?1 order by createdAt desc", candidate);
    }
}
