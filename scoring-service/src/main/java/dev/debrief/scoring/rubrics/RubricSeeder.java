package dev.debrief.scoring.rubrics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.debrief.contracts.Json;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Seeds the public rubrics from {@code seed/rubrics.json} at startup. Idempotent: an unchanged rubric is
 * left alone, a changed one becomes the next version (scores keep naming the version they used). An
 * advisory lock keeps two replicas starting together from both adding the version.
 */
@ApplicationScoped
public class RubricSeeder {

    private static final Logger LOG = Logger.getLogger(RubricSeeder.class);
    static final String SEED = "seed/rubrics.json";
    private static final long SEED_LOCK = 0x0de6_81ef_5eedL;

    private final Clock clock;

    public RubricSeeder(Clock clock) {
        this.clock = clock;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeedFile(List<RubricDefinition> rubrics) {
    }

    void onStart(@Observes StartupEvent event) {
        int added = QuarkusTransaction.requiringNew().call(() -> seed(read()));
        if (added > 0) {
            LOG.infof("Seeded %d public rubric version(s)", added);
        }
    }

    /** @return how many rubric versions were added */
    public int seed(List<RubricDefinition> definitions) {
        Rubric.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(" + SEED_LOCK + ")").getSingleResult();
        int added = 0;
        for (RubricDefinition definition : definitions) {
            Optional<Rubric> latest = Rubric.find("slug = ?1 and tenant is null order by version desc", definition.slug())
                    .firstResultOptional();
            if (latest.isPresent() && latest.get().contentHash.equals(Rubric.hashOf(definition))) {
                continue;
            }
            int version = latest.map(r -> r.version + 1).orElse(1);
            Rubric.of(definition, null, version, clock.instant()).persist();
            added++;
        }
        return added;
    }

    public static List<RubricDefinition> read() {
        try (InputStream in = RubricSeeder.class.getClassLoader().getResourceAsStream(SEED)) {
            if (in == null) {
                return List.of();
            }
            return Json.mapper().readValue(in, SeedFile.class).rubrics();
        } catch (IOException e) {
            throw new UncheckedIOException("seed rubrics are not readable", e);
        }
    }
}
