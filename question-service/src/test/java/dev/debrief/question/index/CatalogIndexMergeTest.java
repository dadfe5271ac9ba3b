package dev.debrief.question.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An index grown by deltas (a bulk import arriving through the change feed) must not stay scattered over
 * segments of one size, which the merge policy leaves as they are: the benchmark's lists cost 2.6 times the CPU
 * over the segments of a 100,000-question import. It merges back to one big segment; a few edits do not, and
 * the edits' own tiny segments are folded together rather than left to stand ten at a time.
 */
class CatalogIndexMergeTest {

    @TempDir
    Path parent;
    private CatalogIndex index;
    private final Random random = new Random(7);

    @AfterEach
    void close() {
        if (index != null) {
            index.close(null);
        }
    }

    @Test
    void shouldGatherAnImportThatArrivesAsDeltasBackIntoOneBigSegment() throws InterruptedException {
        ScriptedDeltas deltas = new ScriptedDeltas();
        index = new CatalogIndex(deltas, new CatalogChanges(null), ScriptedDeltas.config(parent));
        deltas.next(rows(100));
        index.poll();   // the full load
        for (int i = 0; i < 3; i++) {
            deltas.next(rows(50));
            index.poll();   // each delta a new segment of its own
        }

        assertEquals(250, index.size());
        assertTrue(polledUntilGathered() <= Segments.MAX_SCATTERED, "the scattered index is merged back together");
        assertEquals(250, index.size());
    }

    @Test
    void shouldFoldTheTinySegmentsOfEditsTogetherAndLeaveTheBigOneAlone() throws IOException {
        assertTrue(segmentsAfterEdits(new TieredMergePolicy()) > 6,
                "Lucene's default lets the edits' segments stand beside a big one (else this test shows nothing)");

        assertTrue(segmentsAfterEdits(CatalogIndex.mergePolicy()) <= 3);
    }

    /**
     * A big segment (a full load), then 20 edits, each a segment of one document; the big segment must stay as it
     * is. How many segments the index ends with (Lucene's default policy: 7).
     */
    private static int segmentsAfterEdits(MergePolicy policy) throws IOException {
        try (IndexWriter writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig()
                .setMergePolicy(policy).setMergeScheduler(new SerialMergeScheduler()).setRAMBufferSizeMB(64))) {
            String text = "x".repeat(10_000);
            for (int i = 0; i < 2_000; i++) {
                Document d = new Document();
                d.add(new StoredField("row", text + i));
                writer.addDocument(d);
            }
            writer.commit();
            for (int i = 0; i < 20; i++) {
                writer.addDocument(new Document());
                writer.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                int largest = reader.leaves().stream().mapToInt(l -> l.reader().maxDoc()).max().orElseThrow();
                assertEquals(2_000, largest, "the big segment is not rewritten to fold in a few documents");
                return reader.leaves().size();
            }
        }
    }

    @Test
    void shouldCallAFewEditsBesideOneBigSegmentNotScattered() throws IOException {
        try (IndexWriter writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig())) {
            for (int i = 0; i < 100; i++) {
                writer.addDocument(new Document());
            }
            writer.commit();
            for (int i = 0; i < 5; i++) {
                writer.addDocument(new Document());
            }
            writer.commit();
            try (DirectoryReader fewEdits = DirectoryReader.open(writer)) {
                assertEquals(2, fewEdits.leaves().size());
                assertFalse(Segments.scattered(fewEdits), "5 new documents beside 100: " + Segments.scatteredShare(fewEdits));
            }
            for (int i = 0; i < 10; i++) {
                writer.addDocument(new Document());
            }
            writer.commit();
            try (DirectoryReader more = DirectoryReader.open(writer)) {
                assertTrue(Segments.scattered(more), "15 beside 100: " + Segments.scatteredShare(more));
            }
        }
    }

    /**
     * Only the first load, before anything else is on the heap, indexes with the bigger buffer: deltas and a full
     * reload while the replica serves (its cached views and list orders on the heap) keep the normal one, as a
     * 104 MB heap holding both could run out.
     */
    @Test
    void shouldGiveOnlyTheFirstLoadTheBiggerBuffer() {
        List<Double> buffers = new ArrayList<>();
        ScriptedDeltas deltas = new ScriptedDeltas() {
            @Override
            public Position load(long since, Consumer<CatalogRow> sink) {
                buffers.add(index.bufferMB());
                return super.load(since, sink);
            }
        };
        index = new CatalogIndex(deltas, new CatalogChanges(null), ScriptedDeltas.config(parent));

        deltas.next(rows(1));
        index.poll();   // the first load
        deltas.next(rows(1));
        index.poll();   // a delta
        deltas.deleteElsewhere();   // the next delta sees a new epoch and the index loads everything again
        index.poll();

        assertEquals(List.of(32.0, 16.0, 16.0, 16.0), buffers, "buffer per load: first, delta, delta, reload");
        assertEquals(16.0, index.bufferMB());
    }

    @Test
    void shouldTellAMergeAFullLoadAbortedFromOneThatFailed() {
        IOException aborted = new IOException("background merge hit exception",
                new MergePolicy.MergeAbortedException("merge is aborted"));
        assertTrue(CatalogIndex.abandoned(aborted), "a full load's emptying aborts a running merge: expected");
        assertFalse(CatalogIndex.abandoned(new IOException("No space left on device")), "a failure is reported");
    }

    private List<CatalogRow> rows(int n) {
        List<CatalogRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(ListsOverMatchesTest.row(UUID.randomUUID(), random, 0));
        }
        return rows;
    }

    /**
     * Polls as the scheduler does (up to 30 s) until the view is no longer scattered; the last share seen. Not
     * "until one segment": a merge's flush can take the first rows of a delta being written meanwhile, and the
     * rest, a few documents beside the big segment, are rightly left to the edits' merges.
     */
    private double polledUntilGathered() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        double seen = index.scatteredShare();
        while (seen > Segments.MAX_SCATTERED && System.nanoTime() < deadline) {
            Thread.sleep(50);
            index.poll();
            seen = index.scatteredShare();
        }
        return seen;
    }
}
