package dev.debrief.question.index;

import dev.debrief.question.config.CatalogConfig;
import io.quarkus.runtime.configuration.MemorySize;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The change feed without PostgreSQL: each load hands on the rows given for it, then nothing. */
class ScriptedDeltas extends CatalogLoader {

    private final Deque<List<CatalogRow>> batches = new ArrayDeque<>();
    private long epoch;

    ScriptedDeltas() {
        super(null);
    }

    void next(List<CatalogRow> rows) {
        batches.add(rows);
    }

    /** A delete elsewhere: the next load reports a new epoch, so the index loads everything again after it. */
    void deleteElsewhere() {
        epoch++;
    }

    @Override
    public Position load(long since, Consumer<CatalogRow> sink) {
        List<CatalogRow> rows = batches.isEmpty() ? List.of() : batches.poll();
        rows.forEach(sink);
        return new Position(since + 1, epoch);
    }

    /** An index of its own under {@code parent}, no seeds, a small view cache. */
    static CatalogConfig config(Path parent) {
        return new CatalogConfig() {
            @Override
            public List<String> seedResources() {
                return List.of();
            }

            @Override
            public Duration refreshInterval() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Optional<Path> indexParent() {
                return Optional.of(parent);
            }

            @Override
            public MemorySize viewCacheSize() {
                return new MemorySize(BigInteger.valueOf(1 << 20));
            }
        };
    }
}
