package dev.debrief.scoring;

import dev.debrief.scoring.rubrics.Rubric;
import dev.debrief.scoring.rubrics.RubricDefinition;
import dev.debrief.scoring.rubrics.RubricSeeder;
import dev.debrief.testsupport.RealInfra;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Seeding is idempotent, and a changed seed becomes the next version while the old one stays. */
@QuarkusTest
@TestProfile(RealInfra.class)
class RubricSeedingTest {

    @Inject
    RubricSeeder seeder;

    @Test
    void shouldAddNothingWhenTheSeedIsUnchanged() {
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> seeder.seed(RubricSeeder.read())));
    }

    @Test
    void shouldAddTheNextVersionWhenASeedRubricChanges() {
        RubricDefinition original = RubricSeeder.read().get(0);
        String slug = "seed-test-" + UUID.randomUUID().toString().substring(0, 8);
        RubricDefinition first = new RubricDefinition(slug, original.title(), original.description(),
                original.appliesTo(), original.dimensions());
        RubricDefinition changed = new RubricDefinition(slug, original.title() + " (revised)", original.description(),
                original.appliesTo(), original.dimensions());

        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> seeder.seed(List.of(first))));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> seeder.seed(List.of(first))));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> seeder.seed(List.of(changed))));

        List<Integer> versions = QuarkusTransaction.requiringNew().call(() -> Rubric.<Rubric>list(
                "slug = ?1 and tenant is null order by version", slug).stream().map(r -> r.version).toList());
        assertEquals(List.of(1, 2), versions);
    }
}
