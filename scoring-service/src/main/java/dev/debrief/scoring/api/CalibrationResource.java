package dev.debrief.scoring.api;

import dev.debrief.kit.security.Roles;
import dev.debrief.scoring.domain.Calibration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** How well a firm's scorers (coaches and the automated scorer) agree, who is lenient, and how that moves. */
@Path("/api/calibration")
@Transactional
public class CalibrationResource {

    private final Access access;
    private final RatingsQuery ratings;
    private final Clock clock;

    public CalibrationResource(Access access, RatingsQuery ratings, Clock clock) {
        this.access = access;
        this.ratings = ratings;
        this.clock = clock;
    }

    /** @param from inclusive, default 180 days ago; @param to exclusive, default now */
    @GET
    @RolesAllowed({ Roles.ANALYST, Roles.FIRM_ADMIN })
    public Calibration.Report report(@QueryParam("from") Instant from, @QueryParam("to") Instant to) {
        Instant end = to == null ? clock.instant().plusSeconds(1) : to;
        Instant start = from == null ? end.minus(Duration.ofDays(180)) : from;
        return Calibration.of(ratings.ofFirm(access.firm(), start, end));
    }
}
