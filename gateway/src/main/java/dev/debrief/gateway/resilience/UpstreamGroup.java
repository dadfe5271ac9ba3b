package dev.debrief.gateway.resilience;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The replicas of one upstream. Requests go round robin to the replicas that are ready (their last readiness probe
 * answered 200) and whose breaker is closed; when none is, round robin over all of them, so that each replica's breaker
 * answers for it (a 503 with Retry-After) and a trial request can find one that came back.
 */
final class UpstreamGroup {

    private final List<Upstream> replicas;
    private final AtomicInteger next = new AtomicInteger();

    UpstreamGroup(List<Upstream> replicas) {
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("an upstream needs at least one address");
        }
        this.replicas = List.copyOf(replicas);
    }

    List<Upstream> replicas() {
        return replicas;
    }

    Upstream pick() {
        int size = replicas.size();
        if (size == 1) {
            return replicas.get(0);
        }
        int start = Math.floorMod(next.getAndIncrement(), size);
        for (int i = 0; i < size; i++) {
            Upstream candidate = replicas.get((start + i) % size);
            if (candidate.ready() && !candidate.breaker().isOpen()) {
                return candidate;
            }
        }
        return replicas.get(start);
    }
}
