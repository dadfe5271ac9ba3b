package dev.debrief.scoring.scorecards;

import dev.debrief.contracts.Json;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.scores.ScorecardSubmitted;
import dev.debrief.contracts.scores.ScorecardSubmitted.DimensionRating;
import dev.debrief.kit.outbox.Outbox;
import dev.debrief.kit.problem.ProblemException;
import dev.debrief.scoring.access.Access;
import dev.debrief.scoring.answers.Answer;
import dev.debrief.scoring.rubrics.Rubric;
import dev.debrief.scoring.rubrics.RubricDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The use case behind a scorer's scorecard: checks it against the session, the round and the round's rubric, stores
 * it as a new version, then records {@code score.scorecard-submitted} in the outbox, in the caller's transaction.
 * Failures are problems: 404/403 from {@link Access}, 400 for a round or dimension the session or rubric lacks,
 * 409 for a second card on one round, 412 for a revision of a stale version.
 */
@ApplicationScoped
public class ScorecardFiling {

    private final Access access;
    private final Outbox outbox;
    private final Clock clock;

    public ScorecardFiling(Access access, Outbox outbox, Clock clock) {
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A scorecard and the version just filed. */
    public record Filed(Scorecard card, ScorecardVersion version) {
    }

    /** The caller's first scorecard for a round of the session. */
    public Filed file(UUID sessionId, int roundPosition, Recommendation recommendation, List<DimensionRating> ratings,
            String notes) {
        List<Answer> answers = access.scoredBy(sessionId);
        Answer round = answers.stream().filter(a -> a.roundPosition == roundPosition).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("body.roundPosition", "the session has no answer in round "
                        + roundPosition));
        if (Scorecard.count("sessionId = ?1 and roundPosition = ?2 and scorer = ?3", sessionId,
                roundPosition, access.caller().id()) > 0) {
            throw ProblemException.conflict("you already scored this round: revise your scorecard instead");
        }
        Rubric rubric = Rubric.latest(round.rubricSlug, round.tenant)
                .orElseThrow(() -> ProblemException.conflict("rubric " + round.rubricSlug + " is unknown"));
        checkKeys(rubric.parsed(), ratings);
        Instant now = clock.instant();
        Scorecard card = new Scorecard();
        card.id = UUID.randomUUID();
        card.tenant = round.tenant;
        card.sessionId = round.sessionId;
        card.roundPosition = round.roundPosition;
        card.candidate = round.candidate;
        card.scorer = access.caller().id();
        card.scorerName = access.caller().username();
        card.rubricSlug = rubric.slug;
        card.rubricVersion = rubric.version;
        card.currentVersion = 1;
        card.createdAt = now;
        card.updatedAt = now;
        card.persist();
        ScorecardVersion version = ScorecardVersion.first(card, recommendation, Json.write(ratings), notes, now);
        version.persist();
        publish(card, version);
        return new Filed(card, version);
    }

    /** A new version of the caller's own scorecard, based on the version the caller read. */
    public Filed revise(UUID id, int basedOnVersion, Recommendation recommendation, List<DimensionRating> ratings,
            String notes) {
        Scorecard card = Scorecard.findById(id);
        if (card == null || !access.caller().sameTenant(card.tenant) || !card.scorer.equals(access.caller().id())) {
            throw ProblemException.notFound("scorecard", id);
        }
        if (!access.scores(card.sessionId)) {
            throw ProblemException.forbidden("you no longer score this session");
        }
        Rubric.version(card.rubricSlug, card.tenant, card.rubricVersion).or(() -> Rubric.version(card.rubricSlug, null,
                card.rubricVersion)).ifPresent(r -> checkKeys(r.parsed(), ratings));
        ScorecardVersion version;
        try {
            version = card.revise(basedOnVersion, recommendation, Json.write(ratings), notes, clock.instant());
        } catch (Scorecard.StaleScorecardException e) {
            throw ProblemException.preconditionFailed(e.getMessage());
        }
        version.persist();
        publish(card, version);
        return new Filed(card, version);
    }

    private static void checkKeys(RubricDefinition rubric, List<DimensionRating> ratings) {
        for (int i = 0; i < ratings.size(); i++) {
            if (rubric.dimension(ratings.get(i).key()).isEmpty()) {
                throw ProblemException.badRequest("body.dimensions[" + i + "].key", "not a dimension of rubric "
                        + rubric.slug());
            }
        }
    }

    private void publish(Scorecard card, ScorecardVersion v) {
        outbox.publish(EventType.SCORECARD_SUBMITTED, card.sessionId, card.tenant, new ScorecardSubmitted(card.id,
                v.key.version, card.sessionId, card.roundPosition, card.candidate, card.scorer, card.rubricSlug,
                card.rubricVersion, v.recommendation.name(), v.ratings(), v.createdAt));
    }
}
