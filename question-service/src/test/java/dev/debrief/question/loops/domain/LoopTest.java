package dev.debrief.question.loops.domain;

import dev.debrief.question.taxonomy.Category;
import dev.debrief.question.taxonomy.JobRole;
import dev.debrief.question.taxonomy.RoundType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A loop's definition alone: rounds at distinct positions, and an event only for a real change. */
class LoopTest {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    private static LoopRound round(int position, int minutes) {
        return new LoopRound(position, "Round " + position, RoundType.DATA_CASE, minutes, null,
                List.of(new LoopRound.Draw(Category.SQL, 1)));
    }

    private static LoopDefinition definition(LoopRound... rounds) {
        return new LoopDefinition("data-pm", "Data PM", "Netflix", JobRole.DATA_PM, null, List.of(rounds));
    }

    @Test
    void shouldAnnounceARevisionOnlyWhenTheDefinitionChanges() {
        Loop loop = Loop.create(null, definition(round(2, 60), round(1, 30)), NOW);
        assertEquals(List.of(1, 2), loop.published().rounds().stream().map(LoopRound::position).toList());

        assertEquals(Optional.empty(), loop.revise(definition(round(1, 30), round(2, 60)), NOW));
        LoopEvent revised = loop.revise(definition(round(1, 45), round(2, 60)), NOW).orElseThrow();
        assertEquals(LoopEvent.Kind.REVISED, revised.kind());
        assertEquals(2, revised.version());
    }

    @Test
    void shouldRefuseTwoRoundsAtOnePosition() {
        assertThrows(InvalidRounds.class, () -> Loop.create(null, definition(round(1, 30), round(1, 45)), NOW));
        Loop loop = Loop.create(null, definition(round(1, 30)), NOW);
        assertThrows(InvalidRounds.class, () -> loop.revise(definition(round(1, 30), round(1, 45)), NOW));
        assertEquals(1, loop.version);
    }
}
