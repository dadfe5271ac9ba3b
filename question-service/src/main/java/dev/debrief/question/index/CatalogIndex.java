package dev.debrief.question.index;

import dev.debrief.question.config.CatalogConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.IOConsumer;
import org.apache.lucene.util.IOFunction;
import org.apache.lucene.util.IOUtils;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * This replica's catalog index: a Lucene index of the current versions, in process, in a temporary
 * directory of its own (memory-mapped: the operating system's page cache holds it, not the heap).
 * <p>
 * Freshness: a commit on this replica moves {@link CatalogChanges#generation()}, and the next read applies
 * the delta before answering (read-your-writes). Other replicas' writes are picked up by a poll every
 * {@code debrief.catalog.refresh-interval} (1 s): a delta query on {@code change_xid} that returns nothing
 * when nothing changed. So another replica's change shows here within about one interval. A delete (none
 * through the API; scripts and operators only) moves an epoch and makes the next refresh a full load.
 * Readers hold a searcher (a point-in-time view) and never see half of a refresh.
 */
@ApplicationScoped
public class CatalogIndex {

    private static final Logger LOG = Logger.getLogger(CatalogIndex.class);
    /** A directory left without its lock for this long was a replica's that did not shut down. */
    private static final Duration STALE_AFTER = Duration.ofMinutes(1);
    /**
     * How many segments of a size the merge policy lets stand (Lucene's default: 10). Edits write a tiny segment
     * a second, and every search pays per segment, so they are folded together as soon as there are a few (each
     * such merge is a few documents; the big segment is left alone).
     */
    private static final double SMALL_SEGMENTS = 2;
    /** Documents buffered before the writer flushes a segment: edits and later full loads. */
    private static final double BUFFER_MB = 16;
    /**
     * The first load's buffer: nothing else is on the heap yet (no cached views, no list orders of an older view),
     * and half as many flushes and merges made a 100,000-question load 6–9% faster (a 64 MB buffer met full
     * collections of the 104 MB heap instead; docs/benchmarks/question-service.md).
     */
    private static final double FIRST_LOAD_BUFFER_MB = 32;

    /** A point-in-time view of the index, its facet ordinals and its segments' list orders. */
    public record View(IndexSearcher searcher, FacetCounts.View facets, ListOrders orders) {
    }

    private final CatalogLoader loader;
    private final CatalogChanges changes;
    private final FacetsConfig facetsConfig = QuestionDocuments.facets();
    private final ListOrders orders = new ListOrders();
    private final FacetCounts facetCounts = new FacetCounts(facetsConfig);
    private final ReentrantLock refreshing = new ReentrantLock();
    private final AtomicBoolean merging = new AtomicBoolean();
    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Told of every question the index takes in (caches keyed by id drop theirs). */
    private volatile Consumer<UUID> changed = id -> { };
    /** The local generation the index includes; -1: never loaded. */
    private volatile long appliedGeneration = -1;
    private volatile long refreshedAt;
    private volatile boolean closing;
    private volatile long lastLoadMillis;
    private long xmin;
    private long epoch = -1;

    public CatalogIndex(CatalogLoader loader, CatalogChanges changes, CatalogConfig config) {
        this.loader = loader;
        this.changes = changes;
        try {
            Path parent = config.indexParent().orElse(Path.of(System.getProperty("java.io.tmpdir")));
            StaleIndexes.sweep(parent, STALE_AFTER);
            this.path = Files.createTempDirectory(parent, StaleIndexes.PREFIX);
            this.directory = new MMapDirectory(path);
            IndexWriterConfig wc = new IndexWriterConfig(Analyzers.index())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(BUFFER_MB)
                    .setMergePolicy(mergePolicy());
            this.writer = new IndexWriter(directory, wc);
            this.searchers = new SearcherManager(writer, new FacetedSearchers());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the catalog index", e);
        }
    }

    static MergePolicy mergePolicy() {
        return new TieredMergePolicy().setSegmentsPerTier(SMALL_SEGMENTS);
    }

    /**
     * A view including every change this replica has committed; give it back with {@link #release}.
     */
    public View acquire() {
        catchUp();
        try {
            IndexSearcher s = searchers.acquire();
            return new View(s, ((FacetedSearcher) s).facets, orders);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies this replica's committed changes not yet in the index (read-your-writes). */
    public void catchUp() {
        long generation = changes.generation();
        if (appliedGeneration < generation) {
            refresh(generation, false);
        }
    }

    public void release(View view) {
        try {
            searchers.release(view.searcher());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the first load is done (readiness). */
    public boolean loaded() {
        return appliedGeneration >= 0;
    }

    /**
     * How many questions the current view holds (no refresh): what searches see. Not the writer's count, which in
     * the middle of a large delta counts replaced versions twice (114,233 of 100,111 was seen).
     */
    public int size() {
        return onView(IndexReader::numDocs);
    }

    /**
     * Why this replica's index can take no more changes, or null while it can. Lucene closes its writer for good
     * after a failure it cannot undo (a write that ran out of disk or file descriptors half-way through a
     * segment); searches keep the last view, but the catalog would stay frozen there until the process restarts.
     */
    public Throwable failure() {
        return failure(writer);
    }

    static Throwable failure(IndexWriter writer) {
        Throwable tragic = writer.getTragicException();
        if (tragic != null || writer.isOpen()) {
            return tragic;
        }
        return new IllegalStateException("the index writer is closed");
    }

    /** How many segments the current view has (no refresh). */
    public int segments() {
        return onView(r -> r.leaves().size());
    }

    /** How much of the current view lies outside its largest segment (no refresh): tests wait on it. */
    double scatteredShare() {
        return onView(Segments::scatteredShare);
    }

    /** Something of the current view's reader, the view held only meanwhile. */
    private <T> T onView(IOFunction<IndexReader, T> read) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return read.apply(s.getIndexReader());
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How old the current view is (ms); empty before the first one (there is no age then, not 57 years). */
    public OptionalLong viewAgeMillis() {
        long at = refreshedAt;
        return at == 0 ? OptionalLong.empty() : OptionalLong.of(System.currentTimeMillis() - at);
    }

    /** How long the last full load took (ms): reading the table and indexing every question. */
    public long lastLoadMillis() {
        return lastLoadMillis;
    }

    /** The writer's buffer now (MB): tests check a reload while serving never takes the first load's. */
    double bufferMB() {
        return writer.getConfig().getRAMBufferSizeMB();
    }

    /** Who to tell when a question changes in the index (one listener: the read-by-id cache). */
    public void onChange(Consumer<UUID> listener) {
        this.changed = listener;
    }

    @Scheduled(every = "${debrief.catalog.refresh-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        if (closing) {
            return;   // the scheduler may fire once more while the application shuts down
        }
        try {
            refresh(changes.generation(), true);
        } catch (RuntimeException e) {
            OptionalLong age = viewAgeMillis();
            if (age.isEmpty()) {
                LOG.warnf("Catalog index refresh failed before its first view; not ready: %s", e.getMessage());
            } else {
                LOG.warnf("Catalog index refresh failed; lists keep the view of %d ms ago: %s", age.getAsLong(),
                        e.getMessage());
            }
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
            long started = System.currentTimeMillis();
            CatalogLoader.Position at;
            if (full) {
                at = fullLoad();
            } else {
                int[] count = { 0 };
                at = loader.load(xmin, row -> {
                    update(row);
                    count[0]++;
                });
                if (at.epoch() != epoch) {
                    full = true;
                    at = fullLoad();
                } else {
                    if (count[0] > 0 || !onView(r -> ((DirectoryReader) r).isCurrent())) {
                        // a change, or a merge the writer finished in the background since the last view
                        searchers.maybeRefreshBlocking();
                    }
                    mergeIfScattered();   // on every poll: one that found a merge running is retried here
                }
            }
            if (full) {
                lastLoadMillis = System.currentTimeMillis() - started;
                LOG.infof("Catalog index loaded: %d questions in %d ms", size(), lastLoadMillis);
            }
            xmin = at.xmin();
            epoch = at.epoch();
            refreshedAt = System.currentTimeMillis();
            appliedGeneration = Math.max(appliedGeneration, generation);
        } catch (IOException e) {
            throw new UncheckedIOException("catalog index refresh failed", e);
        } finally {
            refreshing.unlock();
        }
    }

    /** Everything again: readers keep the old view until the new one is complete. */
    private CatalogLoader.Position fullLoad() throws IOException {
        writer.deleteAll();
        writer.getConfig().setRAMBufferSizeMB(loaded() ? BUFFER_MB : FIRST_LOAD_BUFFER_MB);
        CatalogLoader.Position at;
        try {
            at = loader.load(0, this::add);
        } finally {
            writer.getConfig().setRAMBufferSizeMB(BUFFER_MB);
        }
        searchers.maybeRefreshBlocking();
        mergeInBackground();
        return at;
    }

    /**
     * Merges to one segment again once the view is scattered: a bulk import arriving as one delta (100,000
     * questions) leaves several segments of the same size, which the merge policy has no reason to fold into
     * one, and a list over them cost 2.6 times the CPU of one (docs/benchmarks/question-service.md).
     */
    private void mergeIfScattered() {
        if (onView(Segments::scattered)) {
            mergeInBackground();
        }
    }

    /**
     * One merge at a time; a refresh meanwhile goes on serving the view it has. On a platform thread: a merge is
     * seconds of CPU and waits inside Lucene's writer, which on a virtual thread would hold one of the few carrier
     * threads every virtual thread of the process shares.
     */
    private void mergeInBackground() {
        if (merging.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("catalog-index-merge").start(() -> {
                try {
                    mergeToOneSegment();
                } finally {
                    merging.set(false);
                }
            });
        }
    }

    /**
     * After a full load, or once the view is scattered, the segments become one, in the background (readers keep
     * the view they have meanwhile; changes go on into new small segments). Every search pays per segment: each of
     * its terms is looked up in each one, facet ordinals are mapped from each one to the whole index's, and a
     * sort compares values across them. So one big segment, and the small ones of later edits that the merge
     * policy folds in as they come.
     */
    private void mergeToOneSegment() {
        long started = System.currentTimeMillis();
        try {
            writer.forceMerge(1);
            searchers.maybeRefreshBlocking();
            LOG.infof("Catalog index merged into one segment in %d ms", System.currentTimeMillis() - started);
        } catch (IOException | RuntimeException e) {
            if (closing || abandoned(e)) {
                // a full load emptied the index under it (it merges what it loads next), or the service stops
                LOG.debugf("Catalog index merge abandoned: %s", e.getMessage());
            } else {
                LOG.warnf("Catalog index not merged (searches stay correct, only slower): %s", e.getMessage());
            }
        }
    }

    static boolean abandoned(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MergePolicy.MergeAbortedException) {
                return true;
            }
        }
        return false;
    }

    /** Adds the question or replaces the document of its id (a repeated row replaces itself: harmless). */
    private void update(CatalogRow row) {
        write(row, document -> writer.updateDocument(QuestionDocuments.idTerm(row.id()), document));
    }

    /**
     * Adds the question of a full load: its rows are distinct questions in an emptied index, so an update's
     * delete of the id, which each flush looks up in every earlier segment, finds nothing (6% of a load's time).
     */
    private void add(CatalogRow row) {
        write(row, writer::addDocument);
    }

    private void write(CatalogRow row, IOConsumer<Document> into) {
        try {
            into.accept(QuestionDocuments.of(row, facetsConfig));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        changed.accept(row.id());
    }

    void close(@Observes ShutdownEvent event) {
        closing = true;
        try {
            searchers.close();
            writer.close();
            directory.close();
            IOUtils.rm(path);
        } catch (IOException e) {
            LOG.warnf("Catalog index at %s not removed: %s", path, e.getMessage());
        }
    }

    /** A searcher that carries its reader's facet view (built once per refresh, not per request). */
    private static final class FacetedSearcher extends IndexSearcher {
        final FacetCounts.View facets;

        FacetedSearcher(IndexReader reader, FacetCounts facetCounts) throws IOException {
            super(reader);
            setQueryCache(FilterCache.CACHE);
            setQueryCachingPolicy(FilterCache.POLICY);
            this.facets = facetCounts.view(reader);
        }
    }

    private final class FacetedSearchers extends SearcherFactory {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
            orders.warm(reader);   // here, on the refresh, so no request computes a new segment's orders
            return new FacetedSearcher(reader, facetCounts);
        }
    }
}
