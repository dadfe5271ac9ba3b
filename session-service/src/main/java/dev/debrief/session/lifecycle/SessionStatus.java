package dev.debrief.session.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/** Where a session is in its life; each status names the statuses it may move to. */
public enum SessionStatus {
    SCHEDULED, IN_PROGRESS, PAUSED, COMPLETED, ABANDONED, EXPIRED;

    public Set<SessionStatus> next() {
        return switch (this) {
            case SCHEDULED -> EnumSet.of(IN_PROGRESS, ABANDONED, EXPIRED);
            case IN_PROGRESS -> EnumSet.of(PAUSED, COMPLETED, ABANDONED, EXPIRED);
            case PAUSED -> EnumSet.of(IN_PROGRESS, ABANDONED, EXPIRED);
            case COMPLETED, ABANDONED, EXPIRED -> EnumSet.noneOf(SessionStatus.class);
        };
    }

    public boolean canMoveTo(SessionStatus target) {
        return next().contains(target);
    }

    public boolean isLive() {
        return !next().isEmpty();
    }
}
