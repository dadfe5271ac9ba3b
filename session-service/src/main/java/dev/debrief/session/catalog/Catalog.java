package dev.debrief.session.catalog;

import dev.debrief.contracts.catalog.DrawRequest;
import dev.debrief.contracts.catalog.LoopSnapshot;
import dev.debrief.contracts.catalog.QuestionSnapshot;
import dev.debrief.session.identity.ServiceIdentity;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Every catalog call with a timeout, a retry and a circuit breaker (values in application.properties,
 * {@code dev.debrief.session.catalog.Catalog/...}). A 404 is an answer, not a failure: it is neither
 * retried nor counted by the breaker. An open breaker is not retried either: it fails at once until its delay
 * has passed, then lets one call through to probe the catalog.
 */
@ApplicationScoped
@Timeout(2000)
@Retry(maxRetries = 2, delay = 150, abortOn = { NotInCatalog.class, CircuitBreakerOpenException.class })
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = NotInCatalog.class)
public class Catalog {

    /** The breaker of {@link #question}, named for operators (and tests) to read its state. */
    public static final String QUESTION_BREAKER = "catalog-question";

    private final CatalogApi api;
    private final ServiceIdentity identity;

    public Catalog(@RestClient CatalogApi api, ServiceIdentity identity) {
        this.api = api;
        this.identity = identity;
    }

    /** @param firm the firm the session is scheduled in, null outside any firm (the public catalog only) */
    public LoopSnapshot loop(String firm, String slug) {
        return call("loop " + slug, () -> api.loop(identity.bearer(), slug, firm));
    }

    public List<QuestionSnapshot> draw(String firm, DrawRequest request) {
        return call("questions for " + request.loop() + " round " + request.round(),
                () -> api.draw(identity.bearer(), firm, request));
    }

    @CircuitBreakerName(QUESTION_BREAKER)
    public QuestionSnapshot question(String firm, UUID id, Integer version) {
        return call("question " + id, () -> version == null ? api.question(identity.bearer(), id, firm)
                : api.questionVersion(identity.bearer(), id, version, firm));
    }

    private static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new NotInCatalog(what);
            }
            throw e;
        }
    }
}
