package dev.debrief.scoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A versioned rubric: public (no tenant) or one firm's own. */
@Entity
public class Rubric extends PanacheEntityBase {

    @Id
    public UUID id;

    public String tenant;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String title;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<Rubric> visibleTo(String tenant) {
        return tenant == null
                ? list("tenant is null order by slug, version")
                : list("tenant is null or tenant = ?1 order by slug, version", tenant);
    }
}
