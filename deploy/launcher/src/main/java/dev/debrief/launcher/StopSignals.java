package dev.debrief.launcher;

import sun.misc.Signal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SIGINT, SIGTERM and SIGHUP (the terminal went away) interrupt the launcher's main thread instead of shutting the JVM down at once: the main
 * thread then stops the servers in order, including one still starting, before the JVM exits. (With only a
 * shutdown hook, embedded PostgreSQL's own hook would stop the database while the services still use it.)
 */
final class StopSignals {

    private static final AtomicBoolean RECEIVED = new AtomicBoolean();
    private static final CountDownLatch SIGNALLED = new CountDownLatch(1);

    private StopSignals() {
    }

    static void interruptOnSignal(Thread mainThread, Progress progress) {
        for (String name : new String[]{"INT", "TERM", "HUP"}) {
            // a signal ignored when the JVM started (nohup, a background job's SIGINT) stays ignored
            Signal.handle(new Signal(name), signal -> {
                if (RECEIVED.getAndSet(true)) {
                    progress.say("Already stopping; kill -9 " + ProcessHandle.current().pid() + " would leave servers behind");
                    return;
                }
                progress.say("SIG" + signal.getName() + " received: stopping the stack");
                SIGNALLED.countDown();
                mainThread.interrupt();
            });
        }
    }

    static boolean received() {
        return RECEIVED.get();
    }

    /** Blocks until a stop signal arrives. */
    static void awaitSignal() {
        try {
            SIGNALLED.await();
        } catch (InterruptedException e) {
            // the signal's interrupt: clear it so the stop can wait for the servers
        }
        Thread.interrupted();
    }
}
