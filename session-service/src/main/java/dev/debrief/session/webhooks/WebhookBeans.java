package dev.debrief.session.webhooks;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.net.InetAddress;

/** The plain classes of the feature, made beans from its configuration. */
public class WebhookBeans {

    @Produces
    @Singleton
    DestinationPolicy destinationPolicy(WebhooksConfig config) {
        return new DestinationPolicy(InetAddress::getAllByName, config.allowHttpLocalhost());
    }

    @Produces
    @Singleton
    RetrySchedule retrySchedule(WebhooksConfig config) {
        return new RetrySchedule(config.retryBase(), config.retryMaxDelay(), config.retryWindow());
    }
}
