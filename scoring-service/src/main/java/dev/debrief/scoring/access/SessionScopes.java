package dev.debrief.scoring.access;

import dev.debrief.kit.inbox.Inbox;
import dev.debrief.kit.security.SessionScope;
import dev.debrief.scoring.answers.Answer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The projection of each session's parties (coach, panel) from session-service's events, and the lookup the
 * access rule reads. A session known only from its answers (created before this projection existed) has no
 * coach and no panel: its candidate and the firm's admin see it, no coach does.
 */
@ApplicationScoped
public class SessionScopes {

    public static final String CONSUMER = "scoring.session-scope";

    private final Inbox inbox;

    public SessionScopes(Inbox inbox) {
        this.inbox = inbox;
    }

    public void onSessionCreated(String eventId, UUID sessionId, String tenant, String candidate, String coach) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!inbox.firstDelivery(CONSUMER, eventId)) {
                return;
            }
            SessionScopeRow row = SessionScopeRow.findById(sessionId);
            if (row == null) {
                row = new SessionScopeRow();
                row.sessionId = sessionId;
            }
            row.tenant = tenant;
            row.candidate = candidate;
            row.coach = coach;
            row.persist();
        });
    }

    /** The whole panel each time; a panel older than the one held is ignored. */
    public void onPanelChanged(String eventId, UUID sessionId, List<String> panel, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!inbox.firstDelivery(CONSUMER, eventId)) {
                return;
            }
            SessionScopeRow row = SessionScopeRow.findById(sessionId);
            if (row == null || (row.panelAt != null && row.panelAt.isAfter(at))) {
                return;
            }
            row.panel.clear();
            row.panel.addAll(new HashSet<>(panel));
            row.panelAt = at;
        });
    }

    /** The session's parties; call inside a transaction. Empty when nothing of the session is known. */
    public Optional<SessionScope> of(UUID sessionId, List<Answer> answers) {
        SessionScopeRow row = SessionScopeRow.findById(sessionId);
        if (row != null) {
            return Optional.of(row.scope());
        }
        return answers.isEmpty() ? Optional.empty()
                : Optional.of(new SessionScope(answers.get(0).tenant, answers.get(0).candidate, null, null));
    }
}
