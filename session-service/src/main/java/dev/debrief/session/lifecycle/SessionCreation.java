package dev.debrief.session.lifecycle;

import dev.debrief.contracts.EventType;
import dev.debrief.contracts.catalog.DrawRequest;
import dev.debrief.contracts.catalog.LoopSnapshot;
import dev.debrief.contracts.catalog.QuestionSnapshot;
import dev.debrief.contracts.sessions.SessionCreated;
import dev.debrief.session.catalog.Catalog;
import dev.debrief.session.catalog.NotInCatalog;
import dev.debrief.session.timeline.SessionEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Creates a session in two steps: snapshot every question from the catalog first (no transaction open,
 * nothing written), then write the session, its rounds, its questions and the created event in one
 * transaction. A catalog that is down or slow therefore leaves nothing behind: unavailable (503) and no rows.
 */
@ApplicationScoped
public class SessionCreation {

    private static final Logger LOG = Logger.getLogger(SessionCreation.class);

    private final Catalog catalog;
    private final SessionEvents events;
    private final Clock clock;
    private final SessionsConfig config;

    public SessionCreation(Catalog catalog, SessionEvents events, Clock clock, SessionsConfig config) {
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
        this.config = config;
    }

    /** What to create: people and mode, and either a loop (optionally one round of it) or picked questions. */
    public record Plan(String tenant, String candidate, String candidateName, String coach, String coachName,
            SessionMode mode, String loop, Integer round, List<Pick> picks) {
    }

    public record Pick(UUID id, Integer version) {
    }

    private record PlannedRound(int position, String name, String roundType, int budgetSeconds,
            List<QuestionSnapshot> questions) {
    }

    public UUID create(Plan plan, Viewer creator) {
        List<PlannedRound> rounds = snapshot(plan);
        int total = rounds.stream().mapToInt(r -> r.questions().size()).sum();
        if (total == 0) {
            throw new Refusal.Invalid(plan.loop() != null ? "loop" : "questions",
                    "the catalog has no questions for it");
        }
        if (total > config.maxQuestions()) {
            throw new Refusal.Invalid(plan.loop() != null ? "loop" : "questions",
                    "a session holds at most " + config.maxQuestions() + " questions, this would have " + total);
        }
        return QuarkusTransaction.requiringNew().call(() -> persist(plan, rounds, creator));
    }

    private UUID persist(Plan plan, List<PlannedRound> planned, Viewer creator) {
        Instant now = clock.instant();
        InterviewSession session = InterviewSession.schedule(plan.tenant(), plan.candidate(), plan.candidateName(),
                plan.coach(), plan.coachName(), plan.mode(), plan.loop(), now);
        List<SessionCreated.Round> roundRefs = new ArrayList<>();
        List<SessionCreated.QuestionRef> questionRefs = new ArrayList<>();
        int index = 0;
        for (PlannedRound r : planned) {
            session.addRound(r.position(), r.name(), r.roundType(), r.budgetSeconds());
            roundRefs.add(new SessionCreated.Round(r.position(), r.name(), r.roundType(), r.budgetSeconds()));
            for (QuestionSnapshot q : r.questions()) {
                session.questions.add(SessionQuestion.of(session, index, r.position(), q));
                questionRefs.add(new SessionCreated.QuestionRef(index++, r.position(), q.id(), q.version()));
            }
        }
        session.persist();
        InterviewSession.flush();
        events.record(session, EventType.SESSION_CREATED, creator.actorIn(session), now,
                new SessionCreated(session.id, session.candidate, session.coach, session.mode.name(), session.loopSlug,
                        roundRefs, questionRefs, now));
        return session.id;
    }

    private List<PlannedRound> snapshot(Plan plan) {
        try {
            return plan.loop() != null ? fromLoop(plan) : fromPicks(plan);
        } catch (NotInCatalog e) {
            throw new Refusal.Invalid(plan.loop() != null ? "loop" : "questions",
                    "not found in the catalog: " + e.getMessage());
        } catch (Refusal e) {
            throw e;
        } catch (CircuitBreakerOpenException e) {
            throw new Refusal.Unavailable("The question catalog failed repeatedly and is not being called for a"
                    + " few seconds; nothing was created, try again shortly");
        } catch (RuntimeException e) {
            LOG.warnf("Catalog unavailable while creating a session: %s", e.toString());
            throw new Refusal.Unavailable("The question catalog is unavailable; nothing was created, try again");
        }
    }

    private List<PlannedRound> fromLoop(Plan plan) {
        LoopSnapshot loop = catalog.loop(plan.tenant(), plan.loop());
        List<LoopSnapshot.Round> rounds = loop.rounds() == null ? List.of() : loop.rounds().stream()
                .filter(r -> plan.round() == null || r.position() == plan.round()).toList();
        if (rounds.isEmpty()) {
            throw new Refusal.Invalid("round", "loop " + plan.loop() + " has no round " + plan.round());
        }
        List<UUID> drawn = new ArrayList<>();
        List<PlannedRound> planned = new ArrayList<>();
        for (LoopSnapshot.Round round : rounds) {
            DrawRequest request = new DrawRequest(plan.loop(), round.position(), null, null, null, null,
                    null, Math.max(1, round.questionCount()), null, List.copyOf(drawn));
            List<QuestionSnapshot> questions = catalog.draw(plan.tenant(), request);
            questions.forEach(q -> drawn.add(q.id()));
            planned.add(new PlannedRound(round.position(), round.name(), round.roundType(), round.minutes() * 60,
                    questions));
        }
        return planned;
    }

    private List<PlannedRound> fromPicks(Plan plan) {
        List<QuestionSnapshot> questions = plan.picks().stream()
                .map(p -> catalog.question(plan.tenant(), p.id(), p.version())).toList();
        int budget = questions.stream().mapToInt(QuestionSnapshot::timeBudgetSeconds).sum();
        return List.of(new PlannedRound(1, "Hand-picked questions", null, budget, questions));
    }
}
