package dev.debrief.question.index;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The readiness data a dashboard plots: before the first view there is no age to report (it read 57 years, the
 * time since 1970), after it the view's age.
 */
class CatalogIndexHealthTest {

    @TempDir
    Path parent;
    private CatalogIndex index;

    @AfterEach
    void close() {
        if (index != null) {
            index.close(null);
        }
    }

    @Test
    void shouldReportNoAgeBeforeTheFirstViewAndTheViewsAgeAfterIt() {
        ScriptedDeltas deltas = new ScriptedDeltas();
        index = new CatalogIndex(deltas, new CatalogChanges(null), ScriptedDeltas.config(parent));
        CatalogIndexHealth health = new CatalogIndexHealth(index);

        HealthCheckResponse before = health.loaded().call();
        assertEquals(HealthCheckResponse.Status.DOWN, before.getStatus());
        Map<String, Object> data = before.getData().orElseThrow();
        assertEquals(0L, data.get("questions"));
        assertFalse(data.containsKey("refreshedMillisAgo"), () -> "an age before any view: " + data);

        deltas.next(List.of(ListsOverMatchesTest.row(UUID.randomUUID(), new Random(3), 0)));
        index.poll();   // the full load

        HealthCheckResponse after = health.loaded().call();
        assertEquals(HealthCheckResponse.Status.UP, after.getStatus());
        Map<String, Object> loaded = after.getData().orElseThrow();
        assertEquals(1L, loaded.get("questions"));
        long age = (Long) loaded.get("refreshedMillisAgo");
        assertTrue(age >= 0 && age < 3_600_000, () -> "the view's age: " + loaded);
    }
}
