package dev.debrief.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Remembers which events a consumer has applied. Call {@link #firstDelivery} in the transaction that
 * applies the event: if the event was seen before it answers false and the caller skips it, and if the
 * transaction rolls back the mark goes with it.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;
    private final Clock clock;

    public Inbox(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        int inserted = entityManager.createNativeQuery("""
                insert into processed_event (event_id, consumer, processed_at) values (:id, :consumer, :at)
                on conflict do nothing""")
                .setParameter("id", eventId)
                .setParameter("consumer", consumer)
                .setParameter("at", clock.instant())
                .executeUpdate();
        return inserted == 1;
    }
}
