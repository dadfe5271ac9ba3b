package dev.debrief.contracts.catalog;

import java.util.List;

/** A loop (a company/role interview process) as session-service reads it: its rounds in order. */
public record LoopSnapshot(String slug, String title, String company, String role, List<Round> rounds) {

    /** One round: its length and how many questions it draws. */
    public record Round(int position, String name, String roundType, int minutes, int questionCount) {
    }
}
