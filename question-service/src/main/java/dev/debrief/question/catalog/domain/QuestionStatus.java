package dev.debrief.question.catalog.domain;

/** Where a question is in its life: candidates practise only on published ones. */
public enum QuestionStatus {
    DRAFT, PUBLISHED, RETIRED;

    /** Publishing is allowed from a draft or to bring back a retired question. */
    public boolean canPublish() {
        return this != PUBLISHED;
    }

    public boolean canRetire() {
        return this == PUBLISHED;
    }
}
