package dev.debrief.contracts.catalog;

import java.util.List;
import java.util.UUID;

/**
 * Asks question-service for questions to put in front of a candidate ({@code POST /api/questions/draw}):
 * for a loop round, or by filters, excluding what the candidate has seen, deterministic for a seed.
 *
 * @param loop a loop slug, with {@code round} its round position; or null to draw by the filters
 * @param exclude question ids the candidate has already seen
 */
public record DrawRequest(
        String loop,
        Integer round,
        String category,
        String role,
        String company,
        String roundType,
        String difficulty,
        int count,
        Long seed,
        List<UUID> exclude) {
}
