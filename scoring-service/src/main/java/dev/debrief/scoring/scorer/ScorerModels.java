package dev.debrief.scoring.scorer;

import dev.debrief.scoring.scorer.semantic.SentenceEncoder;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The service's one {@link AnswerScorer}. The NLP models (about a second of CPU) load at startup on a thread of
 * their own, not on the first answer and not before the service is ready: the HTTP API needs none of them, and the
 * first answer waits only for the rest.
 */
@ApplicationScoped
public class ScorerModels {

    private final CompletableFuture<AnswerScorer> scorer = new CompletableFuture<>();
    private final AtomicBoolean loading = new AtomicBoolean();

    public ScorerModels(
            @ConfigProperty(name = "debrief.scoring.encoder.intra-op-threads", defaultValue = "1") int intraOpThreads,
            @ConfigProperty(name = "debrief.scoring.encoder.inter-op-threads", defaultValue = "1") int interOpThreads) {
        AnswerScorer.configure(new SentenceEncoder.Threads(intraOpThreads, interOpThreads));
    }

    void onStart(@Observes StartupEvent event) {
        startLoading();
    }

    /** The scorer, once its models are loaded (waits for them the first time). */
    public AnswerScorer scorer() {
        startLoading();
        return scorer.join();
    }

    private void startLoading() {
        if (loading.compareAndSet(false, true)) {
            Thread.ofPlatform().name("nlp-models").daemon().start(() -> {
                try {
                    scorer.complete(AnswerScorer.shared());
                } catch (RuntimeException | Error e) {
                    scorer.completeExceptionally(e);
                }
            });
        }
    }
}
