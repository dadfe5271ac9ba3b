package dev.debrief.gateway.correlation;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The access log, one record per API request in category {@code dev.debrief.gateway.access}. The event
 * loop only queues the line (one lock-free append); a writer thread hands the queued lines to the
 * logger every few milliseconds. Logging each line from the event loop cost a log record, a copy of the
 * Vert.x MDC and a wake-up of the async console handler's thread per request.
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger ACCESS = Logger.getLogger("dev.debrief.gateway.access");
    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** Bounded like the console handler's own queue: lines beyond it are counted, not kept. */
    private static final int MAX_PENDING = 100_000;

    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running = true;
    private Thread writer;

    void start(@Observes StartupEvent event) {
        writer = Thread.ofPlatform().daemon().name("gateway-access-log").start(this::writeUntilStopped);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (writer != null) {
            LockSupport.unpark(writer);
        }
        drain(); // whatever the writer has not taken yet
    }

    /** Queues a line; safe from any thread, never blocks. */
    public void write(CharSequence line) {
        if (queued.incrementAndGet() > MAX_PENDING) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        pending.add(line.toString());
    }

    private void writeUntilStopped() {
        while (running) {
            if (drain() == 0) {
                LockSupport.parkNanos(PAUSE_NANOS);
            }
        }
    }

    private int drain() {
        int written = 0;
        for (String line = pending.poll(); line != null; line = pending.poll()) {
            queued.decrementAndGet();
            ACCESS.info(line);
            written++;
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            ACCESS.warnf("%d access log lines dropped: the log could not keep up", lost);
        }
        return written;
    }
}
