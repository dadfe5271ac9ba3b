package dev.debrief.scoring.debrief;

import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.scores.SessionDebriefed;
import dev.debrief.kit.inbox.Inbox;
import dev.debrief.kit.outbox.Outbox;
import dev.debrief.scoring.answers.Answer;
import dev.debrief.scoring.answers.AnswerScoreRow;
import dev.debrief.scoring.rubrics.Rubric;
import dev.debrief.scoring.scorecards.Scorecard;
import dev.debrief.scoring.scorecards.ScorecardVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Builds debriefs on demand, and publishes one when session-service says a session completed. */
@ApplicationScoped
public class SessionDebriefing {

    public static final String CONSUMER = "scoring.session-completed";

    private final Inbox inbox;
    private final Outbox outbox;
    private final Clock clock;

    public SessionDebriefing(Inbox inbox, Outbox outbox, Clock clock) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The debrief as it stands now; call inside a transaction. Empty when nothing of the session is known. */
    public Optional<Debrief> build(UUID sessionId) {
        List<Answer> answers = Answer.ofSession(sessionId);
        if (answers.isEmpty()) {
            return Optional.empty();
        }
        String tenant = answers.get(0).tenant;
        List<DebriefBuilder.CoachCard> cards = Scorecard.ofSession(sessionId).stream().map(card -> {
            ScorecardVersion v = ScorecardVersion.current(card);
            return new DebriefBuilder.CoachCard(card.roundPosition, card.scorer, v.recommendation, v.ratings());
        }).toList();
        return Optional.of(DebriefBuilder.build(sessionId, answers, AnswerScoreRow.ofSession(sessionId), cards,
                (slug, version) -> Rubric.version(slug, tenant, version).or(() -> Rubric.version(slug, null, version))
                        .map(Rubric::parsed), clock.instant()));
    }

    public void onSessionCompleted(String eventId, UUID sessionId, String tenant) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!inbox.firstDelivery(CONSUMER, eventId)) {
                return;
            }
            build(sessionId).ifPresent(debrief -> publish(debrief, tenant));
        });
    }

    private void publish(Debrief d, String tenant) {
        DebriefRow row = DebriefRow.findById(d.sessionId());
        if (row == null) {
            row = new DebriefRow();
            row.sessionId = d.sessionId();
            row.tenant = tenant;
            row.candidate = d.candidate();
        }
        row.document = Json.write(d);
        row.debriefedAt = d.generatedAt();
        row.persist();
        outbox.publish(EventType.SESSION_DEBRIEFED, d.sessionId(), tenant, new SessionDebriefed(d.sessionId(),
                d.candidate(), d.overall(), d.recommendation().name(), d.decisionRule(),
                d.rounds().stream().map(r -> new SessionDebriefed.RoundResult(r.roundPosition(), r.rubric(), r.overall(),
                        r.dimensions().stream().map(x -> new SessionDebriefed.DimensionLevel(x.key(), x.level())).toList()))
                        .toList(),
                d.strengths().stream().map(p -> p.dimension() + ": " + p.evidence()).toList(),
                d.concerns().stream().map(p -> p.dimension() + ": " + p.evidence()).toList(),
                d.oneThingToChange() == null ? null : d.oneThingToChange().feedback(), d.dissent().size(),
                d.generatedAt()));
    }
}
