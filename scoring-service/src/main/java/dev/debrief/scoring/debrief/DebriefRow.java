package dev.debrief.scoring.debrief;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The debrief published when a session completed, as a JSON document. */
@Entity
@Table(name = "debrief")
public class DebriefRow extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    public String tenant;

    @Column(nullable = false)
    public String candidate;

    @Column(nullable = false)
    public String document;

    @Column(name = "debriefed_at", nullable = false)
    public Instant debriefedAt;
}
