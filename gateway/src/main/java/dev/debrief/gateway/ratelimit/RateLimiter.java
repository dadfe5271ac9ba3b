package dev.debrief.gateway.ratelimit;

import dev.debrief.gateway.config.GatewayConfig;
import dev.debrief.gateway.security.TokenFacts;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Token buckets per OAuth client (or subject) and per tenant, in this gateway replica's memory. */
@ApplicationScoped
public class RateLimiter {

    /** Which budget ran out and when the next request would be let through. */
    public record Refusal(String scope, long retryAfterSeconds) {
    }

    private static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final GatewayConfig.RateLimit config;
    private final TenantPlans plans;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(GatewayConfig config, TenantPlans plans) {
        this.config = config.rateLimit();
        this.plans = plans;
    }

    public Optional<Refusal> admit(TokenFacts caller) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        long clientWait = bucket(caller.clientKey(), config.client().burst(), config.client().requestsPerMinute(), now)
                .take(now);
        if (clientWait > 0) {
            return Optional.of(new Refusal("client", seconds(clientWait)));
        }
        if (caller.tenant().isPresent()) {
            String tenant = caller.tenant().get();
            var plan = plans.of(tenant).orElse(new TenantPlans.Plan(config.tenant().requestsPerMinute(),
                    config.tenant().burst()));
            // the plan is part of the key: a changed plan starts a fresh bucket
            String key = "tenant:" + tenant + "@" + plan.requestsPerMinute() + "/" + plan.burst();
            long tenantWait = bucket(key, plan.burst(), plan.requestsPerMinute(), now).take(now);
            if (tenantWait > 0) {
                return Optional.of(new Refusal("tenant", seconds(tenantWait)));
            }
        }
        return Optional.empty();
    }

    private TokenBucket bucket(String key, int burst, int perMinute, long now) {
        return buckets.computeIfAbsent(key, k -> new TokenBucket(burst, perMinute, now));
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetIdleBuckets() {
        long now = System.nanoTime();
        buckets.entrySet().removeIf(e -> e.getValue().idleAndFull(now, IDLE_NANOS));
    }

    private static long seconds(long nanos) {
        return Math.max(1, (long) Math.ceil(nanos / 1e9));
    }
}
