package dev.debrief.question.catalog;

import dev.debrief.contracts.EventType;
import dev.debrief.contracts.catalog.QuestionChange;
import dev.debrief.kit.outbox.Outbox;
import dev.debrief.question.catalog.domain.QuestionEvent;
import dev.debrief.question.index.CatalogChanges;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records the question events the domain returns in the outbox, in the transaction of the change, and tells
 * the index a change is coming.
 */
@ApplicationScoped
public class CatalogEvents {

    private final Outbox outbox;
    private final CatalogChanges changes;

    public CatalogEvents(Outbox outbox, CatalogChanges changes) {
        this.outbox = outbox;
        this.changes = changes;
    }

    public void record(QuestionEvent e) {
        outbox.publish(type(e.kind()), e.id(), e.tenant(), new QuestionChange(e.id(), e.slug(), e.version(),
                e.tenant(), e.status().name(), e.title(), e.category().name(), e.role().name(), e.levels(),
                e.company(), e.roundType().name(), e.difficulty().name(), e.competencies()));
        changes.afterCommit();
    }

    private static EventType type(QuestionEvent.Kind kind) {
        return switch (kind) {
            case PUBLISHED -> EventType.QUESTION_PUBLISHED;
            case REVISED -> EventType.QUESTION_REVISED;
            case RETIRED -> EventType.QUESTION_RETIRED;
        };
    }
}
