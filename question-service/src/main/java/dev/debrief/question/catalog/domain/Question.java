package dev.debrief.question.catalog.domain;

import dev.debrief.contracts.AnswerFormat;
import dev.debrief.question.taxonomy.Category;
import dev.debrief.question.taxonomy.Difficulty;
import dev.debrief.question.taxonomy.JobRole;
import dev.debrief.question.taxonomy.RoundType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A question of the public catalog (no tenant) or of one firm's private bank. The row carries the current
 * version's taxonomy fields so listing and search never read the version history; the full content of
 * every version is in {@link QuestionVersion}.
 */
@Entity
public class Question extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The owning coaching firm; null for the public catalog. */
    public String tenant;

    @Column(nullable = false)
    public String slug;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public QuestionStatus status;

    /** The current version: the newest, and the one live when the question is published. */
    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String prompt;

    @Enumerated(EnumType.STRING)
    public Category category;

    @Enumerated(EnumType.STRING)
    public JobRole role;

    public String[] levels;

    public String company;

    @Enumerated(EnumType.STRING)
    @Column(name = "round_type")
    public RoundType roundType;

    public String[] competencies;

    public String[] tags;

    @Enumerated(EnumType.STRING)
    public Difficulty difficulty;

    @Column(name = "time_budget_seconds")
    public int timeBudgetSeconds;

    @Enumerated(EnumType.STRING)
    @Column(name = "answer_format")
    public AnswerFormat answerFormat;

    public String rubric;

    @Column(name = "search_extra")
    public String searchExtra;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "created_by")
    public String createdBy;

    /** Optimistic lock: two concurrent edits cannot both make version n+1. */
    @Version
    @Column(name = "row_version")
    public long rowVersion;

    /** A new question at version 1; the caller persists it and its first {@link QuestionVersion}. */
    public static Question create(String tenant, String slug, QuestionStatus status, QuestionContent content,
            String by, Instant now) {
        Question q = new Question();
        q.id = UUID.randomUUID();
        q.tenant = tenant;
        q.slug = slug;
        q.status = status == QuestionStatus.RETIRED ? QuestionStatus.DRAFT : status;
        q.version = 1;
        q.createdAt = now;
        q.createdBy = by;
        q.show(content, now);
        return q;
    }

    /** What the creation announces: published if it was created published, else a (draft's) new version. */
    public QuestionEvent created() {
        return QuestionEvent.of(status == QuestionStatus.PUBLISHED ? QuestionEvent.Kind.PUBLISHED
                : QuestionEvent.Kind.REVISED, this);
    }

    /** Makes {@code content} the next version; the caller persists the matching {@link QuestionVersion}. */
    public QuestionEvent revise(QuestionContent content, Instant now) {
        version++;
        show(content, now);
        return QuestionEvent.of(QuestionEvent.Kind.REVISED, this);
    }

    /** @throws IllegalStatusMove when it is published already */
    public QuestionEvent publish(Instant now) {
        if (!status.canPublish()) {
            throw new IllegalStatusMove("question " + slug + " is already published");
        }
        status = QuestionStatus.PUBLISHED;
        updatedAt = now;
        return QuestionEvent.of(QuestionEvent.Kind.PUBLISHED, this);
    }

    /** @throws IllegalStatusMove unless it is published */
    public QuestionEvent retire(Instant now) {
        if (!status.canRetire()) {
            throw new IllegalStatusMove("only a published question can be retired; " + slug + " is " + status);
        }
        status = QuestionStatus.RETIRED;
        updatedAt = now;
        return QuestionEvent.of(QuestionEvent.Kind.RETIRED, this);
    }

    /**
     * Moves to {@code wanted} (another status than today's), as an import or the seed asks.
     *
     * @throws IllegalStatusMove for a move its life does not allow (back to draft among them)
     */
    public QuestionEvent moveTo(QuestionStatus wanted, Instant now) {
        return switch (wanted) {
            case PUBLISHED -> publish(now);
            case RETIRED -> retire(now);
            case DRAFT -> throw new IllegalStatusMove("a published question cannot go back to DRAFT");
        };
    }

    private void show(QuestionContent c, Instant now) {
        title = c.title();
        prompt = c.prompt();
        category = c.category();
        role = c.role();
        levels = c.levels().stream().map(Enum::name).toArray(String[]::new);
        company = c.company();
        roundType = c.roundType();
        competencies = c.competencies().stream().map(Enum::name).toArray(String[]::new);
        tags = c.tags().toArray(String[]::new);
        difficulty = c.difficulty();
        timeBudgetSeconds = c.timeBudgetSeconds();
        answerFormat = c.answerFormat();
        rubric = c.rubric();
        searchExtra = c.searchExtra();
        updatedAt = now;
    }

    /** The question a caller of {@code tenant} may read with this id, or empty (also for another firm's). */
    public static Optional<Question> visible(UUID id, String tenant) {
        return Question.<Question>findByIdOptional(id)
                .filter(q -> q.tenant == null || q.tenant.equals(tenant));
    }

    /** By slug: the caller's firm's question first, then the public catalog's. */
    public static Optional<Question> visibleBySlug(String slug, String tenant) {
        List<Question> found = tenant == null
                ? list("slug = ?1 and tenant is null", slug)
                : list("slug = ?1 and (tenant is null or tenant = ?2) order by tenant nulls last", slug, tenant);
        return found.stream().findFirst();
    }

    public static Optional<Question> inScope(String tenant, String slug) {
        return tenant == null
                ? find("tenant is null and slug = ?1", slug).firstResultOptional()
                : find("tenant = ?1 and slug = ?2", tenant, slug).firstResultOptional();
    }
}
