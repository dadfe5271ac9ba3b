package dev.debrief.session.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Marks activity for the idle job without bumping the session's version: drafts and interjections are
 * appends by two people at once, and must not make the other's If-Match stale.
 */
@ApplicationScoped
public class SessionTouch {

    private final EntityManager entityManager;

    public SessionTouch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void touch(UUID sessionId, Instant now) {
        entityManager.createNativeQuery("update interview_session set last_activity_at = :now where id = :id")
                .setParameter("now", now).setParameter("id", sessionId).executeUpdate();
    }
}
