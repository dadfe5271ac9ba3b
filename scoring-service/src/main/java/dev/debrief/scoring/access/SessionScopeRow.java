package dev.debrief.scoring.access;

import dev.debrief.kit.security.SessionScope;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** A session's parties as session-service announced them: its firm, candidate, coach and panel. */
@Entity
@Table(name = "session_scope")
public class SessionScopeRow extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    public String tenant;

    @Column(nullable = false)
    public String candidate;

    public String coach;

    /** When the panel was last set, so an older panel event arriving late does not undo a newer one. */
    @Column(name = "panel_at")
    public Instant panelAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "session_panelist", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "coach")
    public Set<String> panel = new HashSet<>();

    public SessionScope scope() {
        return new SessionScope(tenant, candidate, coach, panel);
    }
}
