package dev.debrief.question.index;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A replica killed mid-life leaves its index directory; the next start removes it, and never the directory of a
 * replica still running, in another process (the case that matters: the lock is the operating system's).
 */
class StaleIndexesTest {

    @TempDir
    Path parent;

    @Test
    void aKilledReplicasIndexGoesAndARunningOnesStays() throws Exception {
        Path dir = index("catalog-index-1");
        Process replica = holdLock(dir);
        try {
            assertEquals(0, StaleIndexes.sweep(parent, Duration.ZERO), "a running replica's index is kept");
            assertTrue(Files.exists(dir.resolve("_0.cfs")));
        } finally {
            replica.destroyForcibly().waitFor(30, TimeUnit.SECONDS);   // killed: no shutdown hook, lock file left
        }
        assertTrue(Files.exists(dir.resolve(IndexWriter.WRITE_LOCK_NAME)), "the kill left its lock file");
        assertEquals(1, StaleIndexes.sweep(parent, Duration.ZERO));
        assertFalse(Files.exists(dir));
    }

    @Test
    void aLockHeldInThisProcessKeepsItsIndex() throws IOException {
        Path dir = index("catalog-index-2");
        try (FSDirectory d = FSDirectory.open(dir); Lock held = d.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            assertEquals(0, StaleIndexes.sweep(parent, Duration.ZERO));
            assertTrue(Files.exists(dir));
        }
    }

    @Test
    void aYoungDirectoryAndOtherFoldersAreLeftAlone() throws IOException {
        Path young = index("catalog-index-3");
        Path other = index("something-else");
        assertEquals(0, StaleIndexes.sweep(parent, Duration.ofHours(1)), "its replica may not have opened it yet");
        assertEquals(1, StaleIndexes.sweep(parent, Duration.ZERO), "only the index directory goes");
        assertFalse(Files.exists(young));
        assertTrue(Files.exists(other));
    }

    @Test
    void aMissingParentIsNothingToSweep() {
        assertEquals(0, StaleIndexes.sweep(parent.resolve("absent"), Duration.ZERO));
    }

    private Path index(String name) throws IOException {
        Path dir = Files.createDirectory(parent.resolve(name));
        Files.writeString(dir.resolve("_0.cfs"), "segment");
        return dir;
    }

    /** Another JVM that takes the directory's write lock, as a replica's IndexWriter does, and waits. */
    private static Process holdLock(Path dir) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), HoldIndexLock.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"locked".equals(line)) {
            p.destroyForcibly();   // never leave it sleeping
            fail("the child JVM did not take the lock: " + line);
        }
        return p;
    }

    /** The child: takes the lock, says so, and holds it until it is killed. */
    public static final class HoldIndexLock {
        public static void main(String[] args) throws Exception {
            try (FSDirectory d = FSDirectory.open(Path.of(args[0]));
                    Lock lock = d.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
                System.out.println("locked");
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
        }
    }
}
