package dev.debrief.gateway.health;

import dev.debrief.gateway.resilience.Upstream;
import dev.debrief.gateway.resilience.Upstreams;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/** One readiness check per upstream: its own {@code /q/health/ready} answers 200 in time. */
@ApplicationScoped
public class UpstreamReadiness {

    private static final long TIMEOUT_MILLIS = 2_000;

    void register(@Observes StartupEvent event, @Readiness HealthRegistry registry, Upstreams upstreams) {
        var all = upstreams.all();
        for (Upstream upstream : all) {
            boolean replicated = all.stream().filter(u -> u.name().equals(upstream.name())).count() > 1;
            String name = "upstream " + upstream.name() + (replicated ? " " + upstream.base() : "");
            registry.register(name, () -> check(upstream, name));
        }
    }

    private static Uni<HealthCheckResponse> check(Upstream upstream, String name) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(upstream.host())
                .setPort(upstream.port()).setURI("/q/health/ready").setIdleTimeout(TIMEOUT_MILLIS);
        var probe = upstream.client().request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(ignored -> response.statusCode()));
        return Uni.createFrom().completionStage(probe.toCompletionStage())
                .ifNoItem().after(Duration.ofMillis(TIMEOUT_MILLIS + 500)).fail()
                .map(status -> HealthCheckResponse.named(name)
                        .status(status == 200).withData("url", upstream.base().toString())
                        .withData("status", status).build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named(name).down()
                        .withData("url", upstream.base().toString())
                        .withData("error", String.valueOf(e.getMessage())).build());
    }
}
