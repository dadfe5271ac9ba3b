package dev.debrief.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.debrief.contracts.Json;
import dev.debrief.gateway.config.GatewayConfig;
import dev.debrief.gateway.resilience.Upstream;
import dev.debrief.gateway.resilience.Upstreams;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The merged API description, rebuilt from each routed upstream's {@code /q/openapi} on a schedule. The
 * last good copy of a service's document is kept, so a service that is down for a moment keeps its
 * paths; one never fetched yet is named as not described.
 */
@ApplicationScoped
public class OpenApiDocuments {

    private static final Logger LOG = Logger.getLogger(OpenApiDocuments.class);
    private static final long FETCH_TIMEOUT_MILLIS = 3_000;

    private final GatewayConfig config;
    private final Upstreams upstreams;
    private final String version;
    private final Map<String, JsonNode> lastGood = new ConcurrentHashMap<>();
    private volatile ObjectNode merged;

    public OpenApiDocuments(GatewayConfig config, Upstreams upstreams,
            @ConfigProperty(name = "quarkus.smallrye-openapi.info-version", defaultValue = "0.1.0") String version) {
        this.config = config;
        this.upstreams = upstreams;
        this.version = version;
    }

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    @Scheduled(every = "${debrief.gateway.openapi.refresh}", delayed = "${debrief.gateway.openapi.refresh}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        refresh();
    }

    /** The merged document; built from what is known when no refresh has finished yet. */
    public ObjectNode current() {
        ObjectNode doc = merged;
        return doc != null ? doc : rebuild();
    }

    public Future<ObjectNode> refresh() {
        List<Future<?>> fetches = new ArrayList<>();
        for (String name : config.routes().keySet()) {
            Upstream upstream = upstreams.named(name);
            fetches.add(fetch(upstream)
                    .onSuccess(doc -> lastGood.put(name, doc))
                    .onFailure(e -> LOG.debugf("OpenAPI of %s not fetched: %s", name, e.getMessage())));
        }
        return Future.join(fetches).transform(ignored -> Future.succeededFuture(rebuild()));
    }

    private ObjectNode rebuild() {
        List<String> missing = config.routes().keySet().stream().filter(n -> !lastGood.containsKey(n)).sorted()
                .toList();
        ObjectNode doc = OpenApiMerger.merge(new TreeMap<>(lastGood), missing, config.openapi().authServerUrl(),
                version);
        merged = doc;
        return doc;
    }

    private static Future<JsonNode> fetch(Upstream upstream) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(upstream.host())
                .setPort(upstream.port()).setURI("/q/openapi?format=json").setIdleTimeout(FETCH_TIMEOUT_MILLIS)
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        return upstream.client().request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("status " + response.statusCode()))
                .compose(body -> {
                    try {
                        return Future.succeededFuture(Json.mapper().readTree(body.getBytes()));
                    } catch (IOException e) {
                        return Future.failedFuture(e);
                    }
                });
    }
}
