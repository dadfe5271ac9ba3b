package dev.debrief.question.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A generation number that moves on every committed catalog change of this replica. The catalog index
 * refreshes before the next read when it moved, so a writer sees its own change at once; other replicas
 * see it at their next poll.
 */
@ApplicationScoped
public class CatalogChanges {

    private final AtomicLong generation = new AtomicLong();
    private final TransactionSynchronizationRegistry transactions;

    public CatalogChanges(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    public long generation() {
        return generation.get();
    }

    /** Moves the generation on once the current transaction commits (and also now, for reads inside it). */
    public void afterCommit() {
        generation.incrementAndGet();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    generation.incrementAndGet();
                }
            }
        });
    }
}
