package dev.debrief.scoring.calibration;

import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.security.Roles;
import dev.debrief.scoring.access.Access;
import dev.debrief.scoring.answers.Answer;
import dev.debrief.scoring.calibration.Calibration.Rating;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/** Each dimension across a candidate's sessions over time. */
@Path("/api/progress")
@Transactional
public class ProgressResource {

    private final Access access;
    private final RatingsQuery ratings;

    public ProgressResource(Access access, RatingsQuery ratings) {
        this.access = access;
        this.ratings = ratings;
    }

    /**
     * One session's mean level on a dimension (every scorer, every round that scored it), and the scorers it comes
     * from: the automated scorer's name carries its version, so a figure from a re-score says so.
     */
    public record Point(UUID sessionId, Instant at, double level, int ratings, List<String> scorers) {
    }

    public record DimensionProgress(String dimension, List<Point> points, Double change) {
    }

    public record Progress(String candidate, int sessions, List<DimensionProgress> dimensions) {
    }

    /** A firm's mean level per dimension and month, over every candidate and scorer (named, with versions). */
    public record FirmMonth(String dimension, String month, double level, int ratings, List<String> scorers) {
    }

    @GET
    @RolesAllowed({ Roles.ANALYST, Roles.FIRM_ADMIN })
    public List<FirmMonth> firm() {
        Map<String, double[]> acc = new TreeMap<>();
        Map<String, Set<String>> scorers = new TreeMap<>();
        for (Rating r : ratings.ofFirm(access.firm(), Instant.EPOCH, Instant.now().plusSeconds(60))) {
            String dimension = r.item().split(":", 3)[2];
            String month = r.at().toString().substring(0, 7);
            double[] a = acc.computeIfAbsent(dimension + "|" + month, k -> new double[2]);
            a[0] += r.level();
            a[1]++;
            scorers.computeIfAbsent(dimension + "|" + month, k -> new TreeSet<>()).add(r.scorer());
        }
        List<FirmMonth> result = new ArrayList<>();
        acc.forEach((key, a) -> {
            String[] parts = key.split("\\|");
            result.add(new FirmMonth(parts[0], parts[1], Math.round(a[0] / a[1] * 100) / 100.0, (int) a[1],
                    List.copyOf(scorers.get(key))));
        });
        return result;
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.CANDIDATE)
    public Progress mine() {
        return progress(access.caller().id());
    }

    @GET
    @Path("/candidates/{candidate}")
    @RolesAllowed({ Roles.COACH, Roles.FIRM_ADMIN, Roles.ANALYST })
    public Progress ofCandidate(@PathParam("candidate") @Size(max = 100) String candidate) {
        Progress progress = progress(candidate);
        if (progress.sessions() == 0) {
            throw ProblemException.notFound("candidate", candidate);
        }
        return progress;
    }

    private Progress progress(String candidate) {
        Map<UUID, Instant> sessionTimes = new TreeMap<>();
        String firm = access.caller().is(Roles.CANDIDATE) ? null : access.firm();
        // a coach follows the candidate through the sessions they coach or sit on the panel of, not the whole firm's
        boolean wholeFirm = access.readsWholeFirm();
        Map<UUID, Boolean> seen = new java.util.HashMap<>();
        for (Answer a : Answer.<Answer>list("candidate", candidate)) {
            if (firm == null || firm.equals(a.tenant) && (wholeFirm || seen.computeIfAbsent(a.sessionId, access::sees))) {
                sessionTimes.merge(a.sessionId, a.submittedAt, (x, y) -> x.isBefore(y) ? x : y);
            }
        }
        Map<String, Map<UUID, double[]>> byDimension = new TreeMap<>();
        Map<String, Set<String>> scorers = new TreeMap<>();
        for (Rating r : ratings.ofCandidate(candidate)) {
            String[] parts = r.item().split(":", 3);
            UUID session = UUID.fromString(parts[0]);
            if (!sessionTimes.containsKey(session)) {
                continue;
            }
            double[] acc = byDimension.computeIfAbsent(parts[2], k -> new TreeMap<>()).computeIfAbsent(session, k -> new double[2]);
            acc[0] += r.level();
            acc[1]++;
            scorers.computeIfAbsent(parts[2] + "|" + session, k -> new TreeSet<>()).add(r.scorer());
        }
        List<DimensionProgress> dimensions = new ArrayList<>();
        byDimension.forEach((dimension, sessions) -> {
            List<Point> points = new ArrayList<>();
            sessions.forEach((session, acc) -> points.add(new Point(session, sessionTimes.get(session),
                    Math.round(acc[0] / acc[1] * 100) / 100.0, (int) acc[1],
                    List.copyOf(scorers.get(dimension + "|" + session)))));
            points.sort(Comparator.comparing(Point::at));
            Double change = points.size() < 2 ? null
                    : Math.round((points.get(points.size() - 1).level() - points.get(0).level()) * 100) / 100.0;
            dimensions.add(new DimensionProgress(dimension, points, change));
        });
        return new Progress(candidate, sessionTimes.size(), dimensions);
    }
}
