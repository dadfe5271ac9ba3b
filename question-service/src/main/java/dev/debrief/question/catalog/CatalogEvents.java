package dev.debrief.question.catalog;

import dev.debrief.contracts.EventType;
import dev.debrief.contracts.catalog.QuestionChange;
import dev.debrief.kit.outbox.Outbox;
import dev.debrief.question.catalog.domain.Question;
import dev.debrief.question.index.CatalogChanges;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Announces question changes through the outbox, in the transaction of the change. */
@ApplicationScoped
public class CatalogEvents {

    private final Outbox outbox;
    private final CatalogChanges changes;

    public CatalogEvents(Outbox outbox, CatalogChanges changes) {
        this.outbox = outbox;
        this.changes = changes;
    }

    public void question(EventType type, Question q) {
        outbox.publish(type, q.id, q.tenant, new QuestionChange(q.id, q.slug, q.version, q.tenant, q.status.name(),
                q.title, q.category.name(), q.role.name(), List.of(q.levels), q.company, q.roundType.name(),
                q.difficulty.name(), List.of(q.competencies)));
        changes.afterCommit();
    }
}
