package dev.debrief.scoring.rubrics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Parsed rubric definitions by rubric id, so each answer does not parse its rubric's JSON again. A stored version
 * never changes, so nothing is invalidated; the bound only keeps many firms' versions from growing the heap.
 */
@ApplicationScoped
public class RubricDefinitions {

    /** Far more versions than the seeds and a firm's own rubrics hold; a miss only parses the JSON again. */
    static final int MAX_VERSIONS = 2_000;

    private final Cache<UUID, RubricDefinition> parsed = Caffeine.newBuilder().maximumSize(MAX_VERSIONS).build();

    public RubricDefinition of(Rubric rubric) {
        return parsed.get(rubric.id, id -> rubric.parsed());
    }
}
