package dev.debrief.session.lifecycle;

import dev.debrief.kit.security.Roles;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Read models: the list of what a viewer sees (the same rule as {@link Viewer#sees}), and single views. */
@ApplicationScoped
public class SessionQueries {

    private static final int LIST_LIMIT = 200;

    private final Clock clock;

    public SessionQueries(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public SessionView view(UUID id) {
        return SessionView.of(InterviewSession.findById(id), clock.instant());
    }

    @Transactional
    public List<InterviewSession> visibleTo(Viewer viewer, SessionStatus status) {
        List<String> any = new ArrayList<>();
        Parameters params = new Parameters();
        if (viewer.roles().contains(Roles.CANDIDATE)) {
            any.add("candidate = :me");
        }
        String tenant = viewer.tenant().orElse(null);
        if (viewer.roles().contains(Roles.COACH)) {
            any.add(tenant == null ? "(coach = :me and tenant is null)"
                    : "(tenant = :tenant and (coach = :me or :me member of panel))");
        }
        if (viewer.roles().contains(Roles.FIRM_ADMIN) && tenant != null) {
            any.add("tenant = :tenant");
        }
        if (any.isEmpty()) {
            return List.of();
        }
        String query = "(" + String.join(" or ", any) + ")";
        if (query.contains(":tenant")) {
            params.and("tenant", tenant);
        }
        if (query.contains(":me")) {
            params.and("me", viewer.id());
        }
        if (status != null) {
            query += " and status = :status";
            params.and("status", status);
        }
        return InterviewSession.<InterviewSession>find(query + " order by createdAt desc", params)
                .page(0, LIST_LIMIT).list();
    }
}
