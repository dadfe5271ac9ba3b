package dev.debrief.session.lifecycle;

import dev.debrief.session.CatalogStub;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every command from every status, on the aggregate alone: the legal ones move, the rest are 409 and change nothing. */
class SessionStateMachineTest {

    private static final Instant T0 = Instant.parse("2026-11-22T07:00:00Z");

    private static final Map<String, BiConsumer<InterviewSession, Instant>> COMMANDS = Map.of(
            "start", InterviewSession::start,
            "pause", InterviewSession::pause,
            "resume", InterviewSession::resume,
            "next", InterviewSession::next,
            "complete", InterviewSession::complete,
            "abandon", InterviewSession::abandon,
            "expire", InterviewSession::expire);

    /** What each command leads to, from each status; absent means refused. */
    private static final Map<SessionStatus, Map<String, SessionStatus>> LEGAL = Map.of(
            SessionStatus.SCHEDULED, Map.of("start", SessionStatus.IN_PROGRESS, "abandon", SessionStatus.ABANDONED,
                    "expire", SessionStatus.EXPIRED),
            SessionStatus.IN_PROGRESS, Map.of("pause", SessionStatus.PAUSED, "next", SessionStatus.IN_PROGRESS,
                    "complete", SessionStatus.COMPLETED, "abandon", SessionStatus.ABANDONED,
                    "expire", SessionStatus.EXPIRED),
            SessionStatus.PAUSED, Map.of("resume", SessionStatus.IN_PROGRESS, "abandon", SessionStatus.ABANDONED,
                    "expire", SessionStatus.EXPIRED),
            SessionStatus.COMPLETED, Map.of(),
            SessionStatus.ABANDONED, Map.of(),
            SessionStatus.EXPIRED, Map.of());

    @Test
    void shouldAllowExactlyTheLegalMovesFromEveryStatus() {
        for (SessionStatus from : SessionStatus.values()) {
            for (var command : COMMANDS.entrySet()) {
                InterviewSession session = sessionIn(from);
                SessionStatus expected = LEGAL.get(from).get(command.getKey());
                String what = command.getKey() + " from " + from;
                if (expected != null) {
                    command.getValue().accept(session, T0.plusSeconds(60));
                    assertEquals(expected, session.status, what);
                } else {
                    int index = session.currentIndex;
                    assertThrows(Refusal.Conflict.class,
                            () -> command.getValue().accept(session, T0.plusSeconds(60)), what);
                    assertEquals(from, session.status, what + " changed the status");
                    assertEquals(index, session.currentIndex, what + " changed the question");
                }
            }
        }
    }

    @Test
    void shouldDescribeTheSameTransitionsInTheStatusTable() {
        for (SessionStatus from : SessionStatus.values()) {
            Set<SessionStatus> targets = EnumSet.noneOf(SessionStatus.class);
            LEGAL.get(from).values().stream().filter(to -> to != from).forEach(targets::add);
            assertEquals(targets, from.next(), "table of " + from);
        }
    }

    @Test
    void shouldRefuseNextAfterTheLastQuestion() {
        InterviewSession session = sessionIn(SessionStatus.IN_PROGRESS);
        session.next(T0.plusSeconds(10));
        assertThrows(Refusal.Conflict.class, () -> session.next(T0.plusSeconds(20)));
        assertEquals(1, session.currentIndex);
    }

    /** A two-question session driven into the status by legal moves. */
    private static InterviewSession sessionIn(SessionStatus status) {
        InterviewSession s = InterviewSession.schedule("northwind", "cara", "cara", null, null,
                SessionMode.SELF_PRACTICE, null, T0);
        s.addRound(1, "Round 1", null, 600);
        s.questions.add(SessionQuestion.of(s, 0, 1, CatalogStub.question("FREE_TEXT")));
        s.questions.add(SessionQuestion.of(s, 1, 1, CatalogStub.question("FREE_TEXT")));
        List<String> path = switch (status) {
            case SCHEDULED -> List.of();
            case IN_PROGRESS -> List.of("start");
            case PAUSED -> List.of("start", "pause");
            case COMPLETED -> List.of("start", "complete");
            case ABANDONED -> List.of("abandon");
            case EXPIRED -> List.of("expire");
        };
        path.forEach(step -> COMMANDS.get(step).accept(s, T0.plusSeconds(1)));
        assertEquals(status, s.status);
        return s;
    }
}
