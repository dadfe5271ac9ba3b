package dev.debrief.question.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A writer that runs out of file descriptors half-way through a segment is closed by Lucene for good: the
 * index reports it as its failure, and the liveness check goes down with the kind of failure (so the platform
 * restarts the replica instead of leaving it on a frozen catalog).
 */
class CatalogIndexFailureTest {

    /** A directory that, once told to, cannot open another file, as a process at its file-descriptor limit. */
    private static final class OutOfDescriptors extends FilterDirectory {
        volatile boolean exhausted;

        OutOfDescriptors() {
            super(new ByteBuffersDirectory());
        }

        @Override
        public IndexOutput createOutput(String name, IOContext context) throws IOException {
            if (exhausted) {
                throw new IOException(name + " (Too many open files)");
            }
            return super.createOutput(name, context);
        }
    }

    @Test
    void shouldReportAWriterLuceneClosedAfterAFailedSegmentAndGoDown() throws IOException {
        OutOfDescriptors dir = new OutOfDescriptors();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig());
        writer.addDocument(doc("before"));
        writer.commit();
        assertNull(CatalogIndex.failure(writer), "a working writer has no failure");

        dir.exhausted = true;
        // a new segment's stored fields are opened with its first document
        assertThrows(IOException.class, () -> {
            writer.addDocument(doc("during"));
            writer.flush();
        });
        dir.exhausted = false;

        Throwable failure = CatalogIndex.failure(writer);
        assertNotNull(failure, "Lucene closed the writer for good");
        HealthCheckResponse down = CatalogIndexHealth.down("catalog index writer", failure);
        assertEquals(HealthCheckResponse.Status.DOWN, down.getStatus());
        assertEquals(failure.getClass().getSimpleName(), down.getData().orElseThrow().get("failure"));
        assertThrows(org.apache.lucene.store.AlreadyClosedException.class, () -> writer.addDocument(doc("after")),
                "the writer takes nothing more, which is why only a restart helps");
    }

    private static Document doc(String text) {
        Document d = new Document();
        d.add(new TextField("prompt", text, Field.Store.NO));
        d.add(new StoredField("row", text));
        return d;
    }
}
