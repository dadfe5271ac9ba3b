package dev.debrief.gateway.config;

import io.smallrye.config.ConfigMapping;

import java.net.URI;

@ConfigMapping(prefix = "debrief.gateway")
public interface GatewayConfig {

    Upstreams upstream();

    interface Upstreams {
        URI question();

        URI session();

        URI scoring();
    }
}
