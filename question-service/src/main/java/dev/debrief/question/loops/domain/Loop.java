package dev.debrief.question.loops.domain;

import dev.debrief.question.catalog.domain.Ids;
import dev.debrief.question.taxonomy.JobRole;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A company/role interview process: its rounds in order. Public (no tenant) or a firm's own. */
@Entity
@Table(name = "loop")
public class Loop extends PanacheEntityBase {

    @Id
    public UUID id;

    public String tenant;

    @Column(nullable = false)
    public String slug;

    /** Counts edits; every edit is announced as loop.revised with the new number. */
    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String title;

    public String company;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobRole role;

    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<LoopRound> rounds;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public static Loop create(String tenant, String slug, Instant now) {
        Loop loop = new Loop();
        loop.id = UUID.randomUUID();
        loop.tenant = tenant;
        loop.slug = slug;
        loop.version = 0;
        loop.createdAt = now;
        return loop;
    }

    /**
     * A new loop defined by {@code d}; the caller persists it and records {@link #published()}.
     *
     * @throws InvalidRounds when two rounds share a position
     */
    public static Loop create(String tenant, LoopDefinition d, Instant now) {
        checkPositions(d.rounds());
        Loop loop = create(tenant, d.slug(), now);
        loop.define(d.title(), d.company(), d.role(), d.description(), d.rounds(), now);
        return loop;
    }

    /** What the creation announces. */
    public LoopEvent published() {
        return LoopEvent.of(LoopEvent.Kind.PUBLISHED, this);
    }

    /**
     * Makes {@code d} the next version.
     *
     * @return the event to announce, or empty when {@code d} is what the loop already says (no new version)
     * @throws InvalidRounds when two rounds share a position
     */
    public Optional<LoopEvent> revise(LoopDefinition d, Instant now) {
        checkPositions(d.rounds());
        if (sameDefinition(d.title(), d.company(), d.role(), d.description(), d.rounds())) {
            return Optional.empty();
        }
        define(d.title(), d.company(), d.role(), d.description(), d.rounds(), now);
        return Optional.of(LoopEvent.of(LoopEvent.Kind.REVISED, this));
    }

    private static void checkPositions(List<LoopRound> rounds) {
        var seen = new HashSet<Integer>();
        for (LoopRound r : rounds) {
            if (!seen.add(r.position())) {
                throw new InvalidRounds("position " + r.position() + " appears twice");
            }
        }
    }

    /** Applies a definition as the next version; rounds are kept in position order. */
    public void define(String title, String company, JobRole role, String description, List<LoopRound> rounds,
            Instant now) {
        this.title = title;
        this.company = company == null || company.isBlank() ? null : company;
        this.role = role;
        this.description = description;
        this.rounds = rounds.stream().sorted(Comparator.comparingInt(LoopRound::position)).toList();
        this.version++;
        this.updatedAt = now;
    }

    public boolean sameDefinition(String title, String company, JobRole role, String description,
            List<LoopRound> rounds) {
        Loop probe = new Loop();
        probe.define(title, company, role, description, rounds, updatedAt);
        return java.util.Objects.equals(this.title, probe.title) && java.util.Objects.equals(this.company, probe.company)
                && this.role == probe.role && java.util.Objects.equals(this.description, probe.description)
                && java.util.Objects.equals(this.rounds, probe.rounds);
    }

    public Optional<LoopRound> round(int position) {
        return rounds.stream().filter(r -> r.position() == position).findFirst();
    }

    /** By id or slug as {@code tenant} sees it: their own first, then the public one; another firm's never. */
    public static Optional<Loop> visible(String idOrSlug, String tenant) {
        UUID id = Ids.parse(idOrSlug);
        if (id != null) {
            return Loop.<Loop>findByIdOptional(id).filter(l -> l.tenant == null || l.tenant.equals(tenant));
        }
        List<Loop> found = tenant == null
                ? list("slug = ?1 and tenant is null", idOrSlug)
                : list("slug = ?1 and (tenant is null or tenant = ?2) order by tenant nulls last", idOrSlug, tenant);
        return found.stream().findFirst();
    }

    public static List<Loop> visibleTo(String tenant) {
        return tenant == null
                ? list("tenant is null order by title, id")
                : list("tenant is null or tenant = ?1 order by title, id", tenant);
    }

    public static Optional<Loop> inScope(String tenant, String slug) {
        return tenant == null
                ? find("tenant is null and slug = ?1", slug).firstResultOptional()
                : find("tenant = ?1 and slug = ?2", tenant, slug).firstResultOptional();
    }
}
