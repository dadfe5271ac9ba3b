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
    private final Map<String, TokenBucket> clientBuckets = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> tenantBuckets = new ConcurrentHashMap<>();
    private final TenantPlans.Plan defaultPlan;

    public RateLimiter(GatewayConfig config, TenantPlans plans) {
        this.config = config.rateLimit();
        this.plans = plans;
        this.defaultPlan = new TenantPlans.Plan(this.config.tenant().requestsPerMinute(), this.config.tenant().burst());
    }

    public Optional<Refusal> admit(TokenFacts caller) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        long clientWait = bucket(clientBuckets, caller.clientKey(), config.client().burst(),
                config.client().requestsPerMinute(), now).take(now);
        if (clientWait > 0) {
            return Optional.of(new Refusal("client", seconds(clientWait)));
        }
        if (caller.tenant().isPresent()) {
            String tenant = caller.tenant().get();
            var plan = plans.of(tenant).orElse(defaultPlan);
            long tenantWait = bucket(tenantBuckets, tenant, plan.burst(), plan.requestsPerMinute(), now).take(now);
            if (tenantWait > 0) {
                return Optional.of(new Refusal("tenant", seconds(tenantWait)));
            }
        }
        return Optional.empty();
    }

    /** The key's bucket; a changed budget (a firm's new plan) starts a fresh one. */
    private static TokenBucket bucket(Map<String, TokenBucket> buckets, String key, int burst, int perMinute,
            long now) {
        TokenBucket bucket = buckets.get(key);
        if (bucket != null && bucket.hasBudget(burst, perMinute)) {
            return bucket;
        }
        return buckets.compute(key, (k, old) -> old != null && old.hasBudget(burst, perMinute)
                ? old
                : new TokenBucket(burst, perMinute, now));
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetIdleBuckets() {
        long now = System.nanoTime();
        clientBuckets.values().removeIf(bucket -> bucket.idleAndFull(now, IDLE_NANOS));
        tenantBuckets.values().removeIf(bucket -> bucket.idleAndFull(now, IDLE_NANOS));
    }

    private static long seconds(long nanos) {
        return Math.max(1, (long) Math.ceil(nanos / 1e9));
    }
}
