package dev.debrief.contracts.catalog;

import java.util.UUID;

/**
 * The data of {@code loop.published} (a new loop) and {@code loop.revised} (an edit): the loop as it is now.
 *
 * @param tenant the coaching firm that defined it, null for the public catalog
 */
public record LoopChange(UUID id, String slug, int version, String tenant, String title, String company,
        String role, LoopSnapshot snapshot) {
}
