package dev.debrief.scoring.answers;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** One scoring thread per core: a chunk's answers are scored side by side (the scorer is pure CPU). */
@ApplicationScoped
public class ScoringPool {

    private final ExecutorService scorers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
            Thread.ofPlatform().name("answer-scorer-", 0).daemon().factory());

    void onStop(@Observes ShutdownEvent event) {
        scorers.shutdownNow();
    }

    /** Runs the tasks side by side (one alone on the caller's thread) and returns their results in order. */
    public <T> List<T> runAll(List<Callable<T>> tasks) {
        if (tasks.size() == 1) {
            return List.of(call(tasks.get(0)));
        }
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> f : scorers.invokeAll(tasks)) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
