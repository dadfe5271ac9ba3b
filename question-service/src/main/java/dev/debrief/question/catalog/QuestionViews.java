package dev.debrief.question.catalog;

import dev.debrief.question.catalog.domain.Question;
import dev.debrief.question.catalog.domain.QuestionStatus;
import dev.debrief.question.catalog.domain.QuestionVersion;
import dev.debrief.kit.problem.ProblemException;
import dev.debrief.question.config.CatalogConfig;
import dev.debrief.question.index.CatalogIndex;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads by id without a database round trip on the hot path: the current version's view, kept per id
 * ({@link ViewCache}: bounded by size, least used first out) and dropped the moment the catalog index takes in
 * a change of that question, from this replica or another. So it is exactly as fresh as lists: this replica's writes at
 * once, other replicas' within the index's refresh interval. Who may read it is decided per call, from the
 * cached owner and status, by the same rule as {@link Access#readable}.
 */
@ApplicationScoped
public class QuestionViews {

    private final CatalogIndex index;
    private final ViewCache entries;
    /** Moves on every drop: a view read from the database before a drop is not kept (it may be stale). */
    private final AtomicLong drops = new AtomicLong();

    public QuestionViews(CatalogIndex index, CatalogConfig config) {
        this.index = index;
        this.entries = new ViewCache(config.viewCacheSize().asLongValue());
        index.onChange(id -> {
            drops.incrementAndGet();
            entries.invalidate(id);
        });
    }

    /** The current version of the question as the caller may see it (answer keys only for coaches and authors); 404 if they may not read it. */
    QuestionView get(UUID id, Access access) {
        index.catchUp();   // this replica's own writes first (read-your-writes), as lists do
        ViewCache.Entry e = entries.get(id);
        if (e == null) {
            long before = drops.get();
            Question q = access.readable(id);
            e = new ViewCache.Entry(QuestionView.of(q, QuestionVersion.current(q)), q.tenant, q.status);
            if (drops.get() == before) {
                entries.put(id, e);
            }
            return e.view().forCaller(access);
        }
        boolean visible = e.tenant() == null || e.tenant().equals(access.tenant());
        if (!visible || e.status() == QuestionStatus.DRAFT && !access.mayEdit(e.tenant())) {
            throw ProblemException.notFound("question", id);
        }
        return e.view().forCaller(access);
    }
}
