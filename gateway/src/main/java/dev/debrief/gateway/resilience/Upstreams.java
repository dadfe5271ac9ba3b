package dev.debrief.gateway.resilience;

import dev.debrief.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * The configured upstream services, each with one or more replicas; each replica has its own connection pools (one
 * per event loop) and circuit breaker. {@link #named} picks a replica per request (round robin over the replicas
 * that are ready and whose breaker is closed); the replicas of an upstream with several are probed on a schedule.
 */
@ApplicationScoped
public class Upstreams {

    private static final long PROBE_TIMEOUT_MILLIS = 1_000;

    private final Map<String, UpstreamGroup> byName = new LinkedHashMap<>();
    private final Vertx vertx;
    private final long healthEveryMillis;
    private long timer = -1;

    public Upstreams(GatewayConfig config, Vertx vertx) {
        this.vertx = vertx;
        this.healthEveryMillis = config.client().healthEvery().toMillis();
        var client = config.client();
        new TreeMap<>(config.upstream()).forEach((name, uris) -> {
            List<Upstream> replicas = new ArrayList<>();
            for (URI uri : uris) {
                var options = new HttpClientOptions()
                        .setConnectTimeout((int) client.connectTimeout().toMillis())
                        .setMaxPoolSize(client.maxPoolSize())
                        .setKeepAlive(true)
                        .setName("gateway-" + name + (uris.size() > 1 ? "-" + replicas.size() : ""));
                var breaker = new CircuitBreaker(config.breaker().failureThreshold(), config.breaker().openFor());
                replicas.add(new Upstream(name, uri, vertx, options, breaker, client.timeout().toMillis()));
            }
            byName.put(name, new UpstreamGroup(replicas));
        });
    }

    /** A replica of the upstream to send the next request to. */
    public Upstream named(String name) {
        UpstreamGroup group = byName.get(name);
        if (group == null) {
            throw new NoSuchElementException("debrief.gateway.routes." + name + " names no debrief.gateway.upstream."
                    + name);
        }
        return group.pick();
    }

    /** Every replica of every upstream. */
    public Collection<Upstream> all() {
        return byName.values().stream().flatMap(g -> g.replicas().stream()).toList();
    }

    void startProbing(@Observes StartupEvent event) {
        if (byName.values().stream().anyMatch(g -> g.replicas().size() > 1)) {
            timer = vertx.setPeriodic(healthEveryMillis, id -> probeAll());
        }
    }

    void stopProbing(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void probeAll() {
        for (UpstreamGroup group : byName.values()) {
            if (group.replicas().size() > 1) {
                group.replicas().forEach(Upstreams::probe);
            }
        }
    }

    /** Ready when its own readiness answers 200 within a second; anything else takes it out of the rotation. */
    private static void probe(Upstream replica) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(replica.host())
                .setPort(replica.port()).setURI("/q/health/ready").setIdleTimeout(PROBE_TIMEOUT_MILLIS);
        replica.client().request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .onComplete(result -> replica.markReady(result.succeeded() && result.result() == 200));
    }
}
