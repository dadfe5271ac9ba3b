package dev.debrief.question.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.question.catalog.QuestionBank;
import dev.debrief.question.catalog.QuestionInput;
import dev.debrief.question.config.CatalogConfig;
import dev.debrief.question.loops.LoopBook;
import dev.debrief.question.loops.LoopInput;
import dev.debrief.question.loops.domain.LoopDefinition;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads the public catalog from the seed at startup, idempotently: a question or loop already there with
 * the same content is left alone, a changed one gets a new version, a new one is created and published. A seed
 * file whose exact content was loaded before is skipped without reading the catalog.
 * Replicas starting together take turns on an advisory lock. An invalid entry is logged and skipped.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);
    private static final long SEED_LOCK = 0x0de6_81ef_0301L;

    /** The seed file's shape. */
    public record Seed(List<LoopInput> loops, List<QuestionInput> questions) {
    }

    private final CatalogConfig config;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final QuestionBank questions;
    private final LoopBook loops;
    private final EntityManager entityManager;

    public SeedLoader(CatalogConfig config, ObjectMapper mapper, Validator validator, QuestionBank questions,
            LoopBook loops, EntityManager entityManager) {
        this.config = config;
        this.mapper = mapper;
        this.validator = validator;
        this.questions = questions;
        this.loops = loops;
        this.entityManager = entityManager;
    }

    void onStart(@Observes StartupEvent event) {
        config.seedResources().forEach(this::loadIfChanged);
    }

    /**
     * Loads a seed resource unless this exact content was loaded before (its SHA-256 is recorded after a load).
     *
     * @return whether it was loaded
     */
    public boolean loadIfChanged(String resource) {
        byte[] content = bytes(resource);
        if (content == null) {
            LOG.warnf("Seed %s is not on the classpath; nothing loaded from it", resource);
            return false;
        }
        String fingerprint = sha256(content);
        if (fingerprint.equals(recordedFingerprint(resource))) {
            LOG.infof("Seed %s: unchanged since it was last loaded", resource);
            return false;
        }
        load(resource, parse(resource, content));
        // after the load's own commit: a crash in between only means loading the same seed again, which is idempotent
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "insert into seed_fingerprint (resource, sha256, loaded_at) values (:resource, :sha256, now())"
                        + " on conflict (resource) do update set sha256 = excluded.sha256, loaded_at = excluded.loaded_at")
                .setParameter("resource", resource).setParameter("sha256", fingerprint).executeUpdate());
        return true;
    }

    private String recordedFingerprint(String resource) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select sha256 from seed_fingerprint where resource = :resource")
                .setParameter("resource", resource).getResultList());
        return rows.isEmpty() ? null : rows.get(0).toString();
    }

    /** @return per outcome, how many questions it had; loops are counted under their own key in the log */
    public Map<QuestionBank.Outcome, Integer> load(String name, Seed seed) {
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", SEED_LOCK)
                    .getSingleResult();
            Map<QuestionBank.Outcome, Integer> outcomes = new EnumMap<>(QuestionBank.Outcome.class);
            int skipped = 0;
            for (QuestionInput q : seed.questions() == null ? List.<QuestionInput>of() : seed.questions()) {
                if (invalid("question " + q.slug(), validator.validate(q))) {
                    skipped++;
                    continue;
                }
                outcomes.merge(questions.upsert(null, q.slug(), q.status(), q.content(), "seed"), 1, Integer::sum);
            }
            int loopsChanged = 0;
            for (LoopInput l : seed.loops() == null ? List.<LoopInput>of() : seed.loops()) {
                if (invalid("loop " + l.slug(), validator.validate(l))) {
                    skipped++;
                    continue;
                }
                loopsChanged += loops.upsert(null, new LoopDefinition(l.slug(), l.title(), l.company(), l.role(),
                        l.description(), l.rounds())) ? 1 : 0;
            }
            LOG.infof("Seed %s: questions %s, loops created or revised %d, invalid entries skipped %d", name,
                    outcomes, loopsChanged, skipped);
            return outcomes;
        });
    }

    private <T> boolean invalid(String what, Set<ConstraintViolation<T>> violations) {
        if (violations.isEmpty()) {
            return false;
        }
        LOG.errorf("Seed entry %s is invalid and was skipped: %s", what, violations.stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage()).collect(Collectors.joining("; ")));
        return true;
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("seed " + resource + " is not readable", e);
        }
    }

    private Seed parse(String resource, byte[] content) {
        try {
            return mapper.readValue(content, Seed.class);
        } catch (IOException e) {
            throw new UncheckedIOException("seed " + resource + " is not valid JSON", e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
