package dev.debrief.question.index;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.IOUtils;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes the index directories that replicas which did not shut down left behind (killed, out of memory):
 * a restart in the same pod keeps its temporary folder, and each crash would leave a full index there
 * (65 MB at 100,000 questions). A directory is stale when nobody holds its Lucene write lock: the lock is
 * the operating system's, so it goes with the process that held it, and a live replica's directory, here
 * or in another process on the same folder, is never touched. One younger than {@code grace} is left
 * alone too: its replica may not have opened its writer yet.
 */
final class StaleIndexes {

    static final String PREFIX = "catalog-index-";
    private static final Logger LOG = Logger.getLogger(StaleIndexes.class);

    private StaleIndexes() {
    }

    /** Deletes the stale index directories under {@code parent}; returns how many. */
    static int sweep(Path parent, Duration grace) {
        if (!Files.isDirectory(parent)) {
            return 0;
        }
        Instant youngest = Instant.now().minus(grace);
        int removed = 0;
        for (Path dir : indexDirectories(parent)) {
            try {
                if (modifiedBefore(dir, youngest) && unlocked(dir)) {
                    IOUtils.rm(dir);
                    removed++;
                }
            } catch (IOException | UncheckedIOException e) {
                LOG.warnf("Stale catalog index %s not removed: %s", dir, e.getMessage());
            }
        }
        if (removed > 0) {
            LOG.infof("Removed %d catalog index directories under %s left by replicas that did not shut down",
                    removed, parent);
        }
        return removed;
    }

    private static List<Path> indexDirectories(Path parent) {
        try (Stream<Path> all = Files.list(parent)) {
            return all.filter(d -> d.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(d)).toList();
        } catch (IOException e) {
            LOG.warnf("Stale catalog indexes under %s not looked for: %s", parent, e.getMessage());
            return List.of();
        }
    }

    private static boolean modifiedBefore(Path dir, Instant youngest) throws IOException {
        return !Files.getLastModifiedTime(dir).toInstant().isAfter(youngest);
    }

    /** Whether no process holds the directory's write lock (taking it for a moment to find out). */
    private static boolean unlocked(Path dir) throws IOException {
        try (Directory d = FSDirectory.open(dir); Lock lock = d.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            lock.ensureValid();
            return true;
        } catch (LockObtainFailedException held) {
            return false;
        }
    }
}
