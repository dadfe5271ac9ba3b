package dev.debrief.question.index;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Only the first load, before anything else is on the heap, indexes with the bigger buffer: deltas and a full
 * reload while the replica serves (its cached views and list orders on the heap) keep the normal one, as a 104 MB
 * heap holding both could run out.
 */
class CatalogIndexBufferTest {

    @TempDir
    Path parent;
    private CatalogIndex index;

    @AfterEach
    void close() {
        if (index != null) {
            index.close(null);
        }
    }

    @Test
    void shouldGiveOnlyTheFirstLoadTheBiggerBuffer() {
        List<Double> buffers = new ArrayList<>();
        long[] epoch = { 0 };
        Random random = new Random(5);
        CatalogLoader loader = new CatalogLoader(null) {
            @Override
            public Position load(long since, Consumer<CatalogRow> sink) {
                buffers.add(index.bufferMB());
                sink.accept(ListsOverMatchesTest.row(UUID.randomUUID(), random, 0));
                return new Position(since + 1, epoch[0]);
            }
        };
        index = new CatalogIndex(loader, new CatalogChanges(null), ScriptedDeltas.config(parent));

        index.poll();   // the first load
        index.poll();   // a delta
        epoch[0] = 1;   // a delete elsewhere: the next delta sees a new epoch and the index loads everything again
        index.poll();

        assertEquals(List.of(32.0, 16.0, 16.0, 16.0), buffers, "buffer per load: first, delta, delta, reload");
        assertEquals(16.0, index.bufferMB());
    }
}
