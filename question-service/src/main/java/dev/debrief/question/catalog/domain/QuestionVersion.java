package dev.debrief.question.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One version of a question as it was written: never changed after insert. */
@Entity
@Table(name = "question_version")
@Immutable
public class QuestionVersion extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    /** The question's status when this version was written. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public QuestionStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public QuestionContent content;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Embeddable
    public record Key(@Column(name = "question_id") UUID questionId, int version) implements Serializable {
    }

    public static QuestionVersion of(Question q, QuestionContent content, String by, Instant now) {
        QuestionVersion v = new QuestionVersion();
        v.key = new Key(q.id, q.version);
        v.status = q.status;
        v.content = content;
        v.createdAt = now;
        v.createdBy = by;
        return v;
    }

    public static Optional<QuestionVersion> of(UUID questionId, int version) {
        return findByIdOptional(new Key(questionId, version));
    }

    /** The question's current version. */
    public static QuestionVersion current(Question q) {
        return of(q.id, q.version).orElseThrow();
    }

    /** Every question of a bank (null: the public catalog) with its current version, by slug, in one query. */
    public static List<Object[]> currentOfBank(String tenant) {
        String bank = tenant == null ? "q.tenant is null" : "q.tenant = :tenant";
        var query = getEntityManager().createQuery("select q, v from Question q, QuestionVersion v "
                + "where v.key.questionId = q.id and v.key.version = q.version and " + bank + " order by q.slug",
                Object[].class);
        if (tenant != null) {
            query.setParameter("tenant", tenant);
        }
        return query.getResultList();
    }

    public static List<QuestionVersion> history(UUID questionId) {
        return list("key.questionId = ?1 order by key.version desc", questionId);
    }
}
