package dev.debrief.session.panel;

import dev.debrief.contracts.EventType;
import dev.debrief.contracts.sessions.SessionPanelChanged;
import dev.debrief.kit.security.Roles;
import dev.debrief.session.firm.FirmMembership;
import dev.debrief.session.lifecycle.InterviewSession;
import dev.debrief.session.lifecycle.Refusal;
import dev.debrief.session.lifecycle.SessionAccess;
import dev.debrief.session.timeline.SessionEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Seats a session's panel: the coaches of the firm who score it besides its coach. The session's coach and
 * the firm's admin (coach scope) seat it; every panelist must be a coach of the session's firm. The change is
 * announced (session.panel-changed) so scoring-service lets exactly these coaches file scorecards.
 */
@ApplicationScoped
public class SessionPanel {

    public static final int MAX = 10;

    private final SessionAccess access;
    private final FirmMembership membership;
    private final SessionEvents events;
    private final Clock clock;

    public SessionPanel(SessionAccess access, FirmMembership membership, SessionEvents events, Clock clock) {
        this.access = access;
        this.membership = membership;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public InterviewSession seat(UUID id, List<String> coaches) {
        InterviewSession s = access.forAppend(id);
        if (!s.scope().inCoachScope(access.viewer().who())) {
            throw new Refusal.NotAllowed("the session's coach and the firm's admin seat its panel");
        }
        if (coaches == null) {
            throw new Refusal.Invalid("coaches", "must not be null");
        }
        Set<String> panel = new LinkedHashSet<>(coaches);
        int i = 0;
        for (String coach : coaches) {
            if (!coach.equals(s.coach)) {
                membership.require(s.tenant, coach, Roles.COACH, "coaches[" + i + "]");
            }
            i++;
        }
        s.seatPanel(panel);
        Instant now = clock.instant();
        events.record(s, EventType.SESSION_PANEL_CHANGED, access.viewer().actorIn(s), now,
                new SessionPanelChanged(s.id, List.copyOf(s.panel), access.viewer().actorIn(s), now));
        return s;
    }
}
