package dev.debrief.scoring.calibration;

import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.security.Roles;
import dev.debrief.scoring.access.Access;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** How well a firm's scorers (coaches and the automated scorer) agree, who is lenient, and how that moves. */
@Path("/api/calibration")
@Transactional
public class CalibrationResource {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final Access access;
    private final RatingsQuery ratings;
    private final Clock clock;

    public CalibrationResource(Access access, RatingsQuery ratings, Clock clock) {
        this.access = access;
        this.ratings = ratings;
        this.clock = clock;
    }

    /** @param fromText inclusive, default 180 days before to; @param toText exclusive, default now */
    @GET
    @RolesAllowed({ Roles.ANALYST, Roles.FIRM_ADMIN })
    public Calibration.Report report(@QueryParam("from") String fromText, @QueryParam("to") String toText) {
        Window w = window(fromText, toText);
        return Calibration.of(ratings.ofFirm(access.firm(), w.start(), w.end()));
    }

    /**
     * A coach's own calibration: their leniency against the panel and their agreement with each scorer they
     * shared items with, over the items they rated. Nothing about pairs they are not part of.
     */
    @GET
    @Path("/me")
    @RolesAllowed(Roles.COACH)
    public Calibration.Report mine(@QueryParam("from") String fromText, @QueryParam("to") String toText) {
        Window w = window(fromText, toText);
        String me = access.caller().id();
        List<Calibration.Rating> firm = ratings.ofFirm(access.firm(), w.start(), w.end());
        Set<String> mine = firm.stream().filter(r -> r.scorer().equals(me)).map(Calibration.Rating::item)
                .collect(Collectors.toSet());
        Calibration.Report shared = Calibration.of(firm.stream().filter(r -> mine.contains(r.item())).toList());
        return new Calibration.Report(shared.items(), shared.ratings(), shared.scorers(), shared.alpha(),
                shared.pairs().stream().filter(p -> p.scorerA().equals(me) || p.scorerB().equals(me)).toList(),
                shared.leniency().stream().filter(l -> l.scorer().equals(me)).toList(),
                shared.drift().stream().filter(d -> d.scorer().equals(me)).toList());
    }

    private record Window(Instant start, Instant end) {
    }

    /**
     * The time window: {@code from} inclusive, default 180 days before {@code to}; {@code to} exclusive, default now.
     * Read here rather than by JAX-RS, whose failed conversion of a query parameter is a 404.
     */
    private Window window(String fromText, String toText) {
        Instant from = instant("query.from", fromText);
        Instant to = instant("query.to", toText);
        Instant end = to == null ? clock.instant().plusSeconds(1) : to;
        Instant start = from == null ? end.minus(Duration.ofDays(180)) : from;
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("query.from", "must be before to");
        }
        return new Window(start, end);
    }

    /** Years 1 to 9999: PostgreSQL and the arithmetic on them stay in range (Instant.MIN/MAX would not). */
    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant value;
        try {
            value = Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw ProblemException.badRequest(field, "must be between " + EARLIEST + " and " + LATEST);
        }
        return value;
    }
}
