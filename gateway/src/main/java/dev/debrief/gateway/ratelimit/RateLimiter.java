package dev.debrief.gateway.ratelimit;

import dev.debrief.gateway.config.GatewayConfig;
import dev.debrief.gateway.security.TokenFacts;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Token buckets in this gateway replica's memory, one per user ({@code sub}), one per integration client
 * and one per firm. A person is never limited by the frontend client ({@code azp}) they share with every
 * other user, so one user's burst spends only their own budget (and a share of their firm's).
 */
@ApplicationScoped
public class RateLimiter {

    /** Which budget ran out ({@code user}, {@code client} or {@code tenant}) and when to try again. */
    public record Refusal(String scope, long retryAfterSeconds) {
    }

    private static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final GatewayConfig.RateLimit config;
    private final TenantPlans plans;
    private final LongSupplier nanoClock;
    private final Map<String, TokenBucket> userBuckets = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> clientBuckets = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> tenantBuckets = new ConcurrentHashMap<>();
    private final TenantPlans.Plan defaultPlan;

    @Inject
    public RateLimiter(GatewayConfig config, TenantPlans plans) {
        this(config.rateLimit(), plans, System::nanoTime);
    }

    /** With a clock of its own, so a test counts requests rather than waiting on time. */
    RateLimiter(GatewayConfig.RateLimit config, TenantPlans plans, LongSupplier nanoClock) {
        this.config = config;
        this.plans = plans;
        this.nanoClock = nanoClock;
        this.defaultPlan = new TenantPlans.Plan(config.tenant().requestsPerMinute(), config.tenant().burst());
    }

    public Optional<Refusal> admit(TokenFacts caller) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        long now = nanoClock.getAsLong();
        long userWait = bucket(userBuckets, caller.subject(), config.user().burst(),
                config.user().requestsPerMinute(), now).take(now);
        if (userWait > 0) {
            return Optional.of(new Refusal("user", seconds(userWait)));
        }
        if (caller.integrationClient().isPresent()) {
            long clientWait = bucket(clientBuckets, caller.integrationClient().get(), config.client().burst(),
                    config.client().requestsPerMinute(), now).take(now);
            if (clientWait > 0) {
                return Optional.of(new Refusal("client", seconds(clientWait)));
            }
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
        long now = nanoClock.getAsLong();
        userBuckets.values().removeIf(bucket -> bucket.idleAndFull(now, IDLE_NANOS));
        clientBuckets.values().removeIf(bucket -> bucket.idleAndFull(now, IDLE_NANOS));
        tenantBuckets.values().removeIf(bucket -> bucket.idleAndFull(now, IDLE_NANOS));
    }

    private static long seconds(long nanos) {
        return Math.max(1, (long) Math.ceil(nanos / 1e9));
    }
}
