package dev.debrief.scoring.answers;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Commits a chunk's work in one transaction, so a burst commits rarely. If that transaction fails, each item is
 * retried in a transaction of its own so one bad item cannot hold back the others; the first failure is then rethrown.
 */
final class ChunkCommit {

    private ChunkCommit() {
    }

    /**
     * @return per item, what {@code apply} returned, or empty for an item whose own transaction failed
     * @throws RuntimeException the first failure, after the items that could be were committed
     */
    static <P, R> List<Optional<R>> commit(List<P> items, Function<P, Optional<R>> apply) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> items.stream().map(apply).toList());
        } catch (RuntimeException chunkFailure) {
            if (items.size() == 1) {
                throw chunkFailure;
            }
            List<Optional<R>> results = new ArrayList<>();
            RuntimeException failed = null;
            for (P item : items) {
                try {
                    results.add(QuarkusTransaction.requiringNew().call(() -> apply.apply(item)));
                } catch (RuntimeException e) {
                    failed = failed == null ? e : failed;
                    results.add(Optional.empty());
                }
            }
            if (failed != null) {
                // the others are committed; the caller retries or dead-letters, and the inbox skips what committed
                throw failed;
            }
            return results;
        }
    }
}
