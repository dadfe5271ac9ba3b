package dev.debrief.session.lifecycle;

import dev.debrief.kit.security.SessionScope;
import dev.debrief.session.timeline.SessionRef;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One candidate's mock interview: a loop, a round or a hand-picked list of questions. The aggregate owns
 * the state machine and the clocks; it refuses an illegal move ({@link Refusal.Conflict}) and changes nothing when it does.
 */
@Entity
@Table(name = "interview_session")
public class InterviewSession extends PanacheEntityBase implements SessionRef {

    @Id
    public UUID id;

    /** The coaching firm the session runs in; null for a candidate practising outside any firm. */
    public String tenant;

    /** The candidate's user id (token subject). */
    @Column(nullable = false)
    public String candidate;

    @Column(name = "candidate_name")
    public String candidateName;

    /** The interviewing coach's user id; null in self-practice. */
    public String coach;

    @Column(name = "coach_name")
    public String coachName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionMode mode;

    @Column(name = "loop_slug")
    public String loopSlug;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionStatus status;

    /** The question being asked (or last asked); -1 before the start. */
    @Column(name = "current_index", nullable = false)
    public int currentIndex = -1;

    /** The ETag: bumped by every change of the session itself (not by timeline appends). */
    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "paused_at")
    public Instant pausedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "last_activity_at", nullable = false)
    public Instant lastActivityAt;

    @OneToMany(mappedBy = "session", cascade = CascadeType.PERSIST)
    @OrderBy("index")
    public List<SessionQuestion> questions = new ArrayList<>();

    @OneToMany(mappedBy = "session", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    public List<SessionRound> rounds = new ArrayList<>();

    /** The firm's coaches who score the session besides its coach (its panel); read by every access check. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "session_panelist", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "coach")
    public Set<String> panel = new HashSet<>();

    /** A round moved on from and the question asked next. */
    public record Advance(SessionRound completedRound, SessionQuestion asked) {
    }

    /**
     * The session with its own row locked for this transaction (serialises writers across replicas), or null.
     * Locks with a query on the one row, then loads: {@code findById(id, PESSIMISTIC_WRITE)} makes Hibernate 7
     * lock the eagerly joined panel in a follow-on query, which threw a NullPointerException under concurrent
     * writers (TableLock.applyLoadedState, seen in the soak run). {@code @Version} still guards an instance
     * loaded earlier in the same transaction.
     */
    public static InterviewSession findLocked(UUID id) {
        boolean exists = !getEntityManager()
                .createNativeQuery("select 1 from interview_session where id = :id for update")
                .setParameter("id", id)
                .getResultList().isEmpty();
        return exists ? findById(id) : null;
    }

    public static InterviewSession schedule(String tenant, String candidate, String candidateName, String coach,
            String coachName, SessionMode mode, String loopSlug, Instant now) {
        InterviewSession s = new InterviewSession();
        s.id = UUID.randomUUID();
        s.tenant = tenant;
        s.candidate = candidate;
        s.candidateName = candidateName;
        s.coach = coach;
        s.coachName = coachName;
        s.mode = mode;
        s.loopSlug = loopSlug;
        s.status = SessionStatus.SCHEDULED;
        s.createdAt = now;
        s.lastActivityAt = now;
        return s;
    }

    @Override
    public UUID sessionId() {
        return id;
    }

    @Override
    public String tenant() {
        return tenant;
    }

    /** Who takes part, for the one access rule. */
    public SessionScope scope() {
        return new SessionScope(tenant, candidate, coach, panel);
    }

    /**
     * Seats the panel: exactly these coaches (the session's own coach is its scorer already and is left out).
     * Only a session of a firm has one, since its members are the firm's coaches.
     */
    public void seatPanel(Set<String> coaches) {
        if (tenant == null) {
            throw new Refusal.Conflict("a session outside any firm has no panel");
        }
        panel.clear();
        coaches.stream().filter(c -> !c.equals(coach)).forEach(panel::add);
    }

    public SessionRound addRound(int position, String name, String roundType, int budgetSeconds) {
        SessionRound round = new SessionRound();
        round.id = UUID.randomUUID();
        round.session = this;
        round.position = position;
        round.name = name;
        round.roundType = roundType;
        round.budgetSeconds = budgetSeconds;
        rounds.add(round);
        return round;
    }

    public SessionQuestion start(Instant now) {
        requireStatus(SessionStatus.SCHEDULED, "start");
        moveTo(SessionStatus.IN_PROGRESS);
        startedAt = now;
        currentIndex = 0;
        SessionQuestion first = questions.get(0);
        ask(first, now);
        touch(now);
        return first;
    }

    public void pause(Instant now) {
        moveTo(SessionStatus.PAUSED);
        pausedAt = now;
        stopClocks(now);
        touch(now);
    }

    /** @return how long the session was paused */
    public Duration resume(Instant now) {
        requireStatus(SessionStatus.PAUSED, "resume");
        moveTo(SessionStatus.IN_PROGRESS);
        Duration paused = Duration.between(pausedAt, now);
        pausedAt = null;
        current().filter(SessionQuestion::open).ifPresent(q -> q.clock.start(now));
        currentRound().filter(r -> r.completedAt == null).ifPresent(r -> r.clock.start(now));
        refreshAutoDue();
        touch(now);
        return paused;
    }

    /** Closes the current question (answered or not) and asks the next, completing a round on the way. */
    public Advance next(Instant now) {
        requireInProgress("move to the next question");
        if (currentIndex + 1 >= questions.size()) {
            throw new Refusal.Conflict("The last question has been asked; complete the session instead");
        }
        SessionQuestion done = questions.get(currentIndex);
        done.finish(now);
        SessionQuestion upcoming = questions.get(currentIndex + 1);
        SessionRound completed = null;
        if (upcoming.roundPosition != done.roundPosition) {
            completed = round(done.roundPosition);
            completed.complete(now);
        }
        currentIndex++;
        ask(upcoming, now);
        touch(now);
        return new Advance(completed, upcoming);
    }

    /** @return the round this closes, if one was open */
    public Optional<SessionRound> complete(Instant now) {
        moveTo(SessionStatus.COMPLETED);
        current().ifPresent(q -> q.finish(now));
        Optional<SessionRound> open = currentRound().filter(r -> r.completedAt == null);
        open.ifPresent(r -> r.complete(now));
        end(now);
        return open;
    }

    /** @return the status it was abandoned from */
    public SessionStatus abandon(Instant now) {
        SessionStatus previous = status;
        moveTo(SessionStatus.ABANDONED);
        end(now);
        return previous;
    }

    public SessionStatus expire(Instant now) {
        SessionStatus previous = status;
        moveTo(SessionStatus.EXPIRED);
        end(now);
        return previous;
    }

    /** The question a candidate may answer now: the current one, open, while the session runs. */
    public SessionQuestion answerable(int index) {
        requireInProgress("answer");
        if (index != currentIndex || !questions.get(index).open()) {
            throw new Refusal.Conflict("Question " + index + " is not the open question (current: "
                    + currentIndex + ")");
        }
        return questions.get(index);
    }

    /** The question an interviewer may interject into now. */
    public SessionQuestion interjectable() {
        requireInProgress(status, "interject");
        return current().filter(SessionQuestion::open).orElseThrow(InterviewSession::noOpenQuestion);
    }

    public void answered(SessionQuestion question, Instant now) {
        question.finish(now);
        refreshAutoDue();
        touch(now);
    }

    /** The self-practice interjections whose moment has come, marked as fired. */
    public List<SessionQuestion.Interjection> dueInterjections(Instant now) {
        List<SessionQuestion.Interjection> due = new ArrayList<>();
        if (mode != SessionMode.SELF_PRACTICE || status != SessionStatus.IN_PROGRESS) {
            return due;
        }
        current().filter(SessionQuestion::open).ifPresent(q -> {
            List<SessionQuestion.Interjection> schedule = q.autoSchedule();
            long elapsed = q.elapsedSeconds(now);
            while (q.autoFired < schedule.size() && schedule.get(q.autoFired).atSecond() <= elapsed) {
                due.add(schedule.get(q.autoFired++));
            }
        });
        refreshAutoDue();
        return due;
    }

    public void touch(Instant now) {
        lastActivityAt = now;
    }

    public Optional<SessionQuestion> current() {
        return currentIndex < 0 ? Optional.empty() : Optional.of(questions.get(currentIndex));
    }

    public Optional<SessionRound> currentRound() {
        return current().map(q -> round(q.roundPosition));
    }

    public SessionRound round(int position) {
        return rounds.stream().filter(r -> r.position == position).findFirst()
                .orElseThrow(() -> new IllegalStateException("session " + id + " has no round " + position));
    }

    public long elapsedSeconds(Instant now) {
        return rounds.stream().mapToLong(r -> r.elapsedSeconds(now)).sum();
    }

    /** How many of the session's questions have a submitted answer (all of them, or those at these indexes). */
    public int answeredCount() {
        return answeredCount(questions.stream().map(q -> q.index).toList());
    }

    /**
     * Read from the answers' table by SQL: the answers feature builds on the session, so the session does not
     * import its entity (no package cycle).
     */
    public int answeredCount(List<Integer> indexes) {
        if (indexes.isEmpty()) {
            return 0;
        }
        return ((Number) getEntityManager().createNativeQuery("select count(*) from answer where session_id = :id"
                + " and submitted_at is not null and question_idx in (:indexes)")
                .setParameter("id", id).setParameter("indexes", indexes).getSingleResult()).intValue();
    }

    private void ask(SessionQuestion question, Instant now) {
        question.ask(now);
        round(question.roundPosition).begin(now);
        refreshAutoDue();
    }

    private void end(Instant now) {
        stopClocks(now);
        endedAt = now;
        touch(now);
    }

    private void stopClocks(Instant now) {
        current().ifPresent(q -> {
            q.clock.stop(now);
            q.nextAutoAt = null;
        });
        rounds.forEach(r -> r.clock.stop(now));
    }

    /** Kept on the question (not the session) so a self-practice tick does not change the session's ETag. */
    private void refreshAutoDue() {
        current().ifPresent(q -> q.nextAutoAt = mode == SessionMode.SELF_PRACTICE
                && status == SessionStatus.IN_PROGRESS ? q.nextAutoDue() : null);
    }

    /** The transitions that share a target status (start and resume both run) are told apart by their source. */
    private void requireStatus(SessionStatus required, String action) {
        if (status != required) {
            throw new Refusal.Conflict("Only a " + required + " session can " + action + "; this one is " + status);
        }
    }

    private void requireInProgress(String action) {
        requireInProgress(status, action);
    }

    public static void requireInProgress(SessionStatus status, String action) {
        if (status != SessionStatus.IN_PROGRESS) {
            throw new Refusal.Conflict("Cannot " + action + " while the session is " + status);
        }
    }

    public static Refusal.Conflict noOpenQuestion() {
        return new Refusal.Conflict("No question is open for an interjection");
    }

    private void moveTo(SessionStatus target) {
        if (!status.canMoveTo(target)) {
            throw new Refusal.Conflict("A " + status + " session cannot become " + target);
        }
        status = target;
    }
}
