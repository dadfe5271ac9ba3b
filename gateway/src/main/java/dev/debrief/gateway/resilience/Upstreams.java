package dev.debrief.gateway.resilience;

import dev.debrief.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/** The configured upstream services, each with its own connection pools (one per event loop) and circuit breaker. */
@ApplicationScoped
public class Upstreams {

    private final Map<String, Upstream> byName = new LinkedHashMap<>();

    public Upstreams(GatewayConfig config, Vertx vertx) {
        var client = config.client();
        new TreeMap<>(config.upstream()).forEach((name, uri) -> {
            var options = new HttpClientOptions()
                    .setConnectTimeout((int) client.connectTimeout().toMillis())
                    .setMaxPoolSize(client.maxPoolSize())
                    .setKeepAlive(true)
                    .setName("gateway-" + name);
            var breaker = new CircuitBreaker(config.breaker().failureThreshold(), config.breaker().openFor());
            byName.put(name, new Upstream(name, uri, vertx, options, breaker, client.timeout().toMillis()));
        });
    }

    public Upstream named(String name) {
        Upstream upstream = byName.get(name);
        if (upstream == null) {
            throw new NoSuchElementException("debrief.gateway.routes." + name + " names no debrief.gateway.upstream."
                    + name);
        }
        return upstream;
    }

    public Collection<Upstream> all() {
        return byName.values();
    }
}
