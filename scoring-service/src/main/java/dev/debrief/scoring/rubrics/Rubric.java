package dev.debrief.scoring.rubrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.debrief.contracts.Json;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A versioned rubric: public (no tenant) or one firm's own. A changed definition is a new version. */
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

    public String description;

    @Column(name = "applies_to", nullable = false)
    public String appliesTo = "[]";

    /** The whole {@link RubricDefinition} as JSON. */
    @Column(nullable = false)
    public String definition = "{\"dimensions\":[]}";

    @Column(name = "content_hash", nullable = false)
    public String contentHash = "";

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Transient
    private RubricDefinition parsed;

    public static List<Rubric> visibleTo(String tenant) {
        return tenant == null
                ? list("tenant is null order by slug, version")
                : list("(tenant is null or tenant = ?1) order by slug, version", tenant);
    }

    /** The newest version of a slug the tenant can see: its own rubric wins over a public one of that slug. */
    public static Optional<Rubric> latest(String slug, String tenant) {
        if (tenant != null) {
            Optional<Rubric> own = find("slug = ?1 and tenant = ?2 order by version desc", slug, tenant).firstResultOptional();
            if (own.isPresent()) {
                return own;
            }
        }
        return find("slug = ?1 and tenant is null order by version desc", slug).firstResultOptional();
    }

    public static Optional<Rubric> version(String slug, String tenant, int version) {
        return tenant == null
                ? find("slug = ?1 and tenant is null and version = ?2", slug, version).firstResultOptional()
                : find("slug = ?1 and tenant = ?2 and version = ?3", slug, tenant, version).firstResultOptional();
    }

    public static Rubric of(RubricDefinition definition, String tenant, int version, Instant now) {
        Rubric rubric = new Rubric();
        rubric.id = UUID.randomUUID();
        rubric.tenant = tenant;
        rubric.slug = definition.slug();
        rubric.version = version;
        rubric.title = definition.title();
        rubric.description = definition.description();
        rubric.appliesTo = Json.write(definition.appliesTo());
        rubric.definition = Json.write(definition);
        rubric.contentHash = hashOf(definition);
        rubric.createdAt = now;
        return rubric;
    }

    public RubricDefinition parsed() {
        if (parsed == null) {
            try {
                parsed = Json.mapper().readValue(definition, RubricDefinition.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("rubric " + slug + " v" + version + " is not readable", e);
            }
        }
        return parsed;
    }

    /** A stable fingerprint of a definition, so an unchanged seed is not a new version. */
    public static String hashOf(RubricDefinition definition) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.write(definition).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
