package dev.debrief.question.index;

import dev.debrief.question.messaging.CatalogChanges;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * This replica's catalog index: an immutable {@link CatalogSnapshot} swapped whole on change, so readers
 * never wait for a rebuild nor see half of one.
 * <p>
 * Freshness: a commit on this replica moves {@link CatalogChanges#generation()}, and the next read applies
 * the delta before answering (read-your-writes). Other replicas' writes are picked up by a poll every
 * {@code debrief.catalog.refresh-interval} (1 s): a delta query on {@code change_xid} that returns nothing
 * when nothing changed. So another replica's change shows here within about one interval. A delete (none
 * through the API; scripts and operators only) moves an epoch and makes the next refresh a full load.
 */
@ApplicationScoped
public class CatalogIndex {

    private static final Logger LOG = Logger.getLogger(CatalogIndex.class);

    private final CatalogLoader loader;
    private final CatalogChanges changes;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile CatalogSnapshot snapshot = CatalogSnapshot.of(0, List.of());
    /** The local generation the snapshot includes; -1: never loaded. */
    private volatile long appliedGeneration = -1;
    private volatile long refreshedAt;
    private long xmin;
    private long epoch = -1;

    public CatalogIndex(CatalogLoader loader, CatalogChanges changes) {
        this.loader = loader;
        this.changes = changes;
    }

    /** The current snapshot, including every change this replica has committed. */
    public CatalogSnapshot snapshot() {
        long generation = changes.generation();
        if (appliedGeneration < generation) {
            refresh(generation, false);
        }
        return snapshot;
    }

    /** Whether the first load is done (readiness). */
    public boolean loaded() {
        return appliedGeneration >= 0;
    }

    /** How many questions the index holds now (no refresh). */
    public int size() {
        return snapshot.size();
    }

    public long refreshedAt() {
        return refreshedAt;
    }

    @Scheduled(every = "${debrief.catalog.refresh-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        try {
            refresh(changes.generation(), true);
        } catch (RuntimeException e) {
            LOG.warnf("Catalog index refresh failed; lists keep the snapshot of %d ms ago: %s",
                    System.currentTimeMillis() - refreshedAt, e.getMessage());
        }
    }

    /** Applies every committed change up to now; {@code generation} is the local generation read before. */
    private void refresh(long generation, boolean poll) {
        refreshing.lock();
        try {
            if (!poll && appliedGeneration >= generation) {
                return;   // a refresh that started after this replica's commit ran while this thread waited
            }
            boolean full = appliedGeneration < 0;
            CatalogLoader.Delta delta = loader.load(full ? 0 : xmin);
            if (!full && delta.epoch() != epoch) {
                full = true;
                delta = loader.load(0);
            }
            CatalogSnapshot current = snapshot;
            if (full) {
                snapshot = CatalogSnapshot.of(current.version() + 1, delta.rows());
                LOG.infof("Catalog index loaded: %d questions", snapshot.size());
            } else {
                // rows written by transactions that were still open last time come again: skip the unchanged
                List<IndexedQuestion> changed = delta.rows().stream().filter(q -> !current.holds(q)).toList();
                if (!changed.isEmpty()) {
                    snapshot = current.with(current.version() + 1, changed);
                }
            }
            xmin = delta.xmin();
            epoch = delta.epoch();
            refreshedAt = System.currentTimeMillis();
            appliedGeneration = Math.max(appliedGeneration, generation);
        } finally {
            refreshing.unlock();
        }
    }
}
