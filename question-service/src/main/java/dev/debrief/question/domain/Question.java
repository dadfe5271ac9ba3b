package dev.debrief.question.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An interview question of the public catalog (no tenant) or of one firm's private bank. */
@Entity
public class Question extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The owning coaching firm; null for the public catalog. */
    public String tenant;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String prompt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The questions a caller of {@code tenant} may read: the public catalog and their firm's bank. */
    public static List<Question> visibleTo(String tenant) {
        return tenant == null
                ? list("tenant is null order by slug")
                : list("tenant is null or tenant = ?1 order by slug", tenant);
    }
}
