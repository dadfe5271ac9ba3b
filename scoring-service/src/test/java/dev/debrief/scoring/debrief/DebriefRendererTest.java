package dev.debrief.scoring.debrief;

import dev.debrief.scoring.scorecards.Recommendation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** Issue 13, finding 5: a debrief's Markdown shows user text as text. */
class DebriefRendererTest {

    private static final String IMG = "<img src=x onerror=alert(1)>";
    private static final String LINK = "[x](javascript:alert(1))";

    @Test
    void shouldEscapeAnswersRubricNamesFeedbackAndTableCells() {
        var point = new Debrief.Point(1, "Clarity | " + IMG, 3.0, "I said " + LINK + "\n# and a heading", "*bold* `code`");
        var dimension = new Debrief.Dimension("clarity", "Clar|ity " + IMG, 1.0, 3.0, Map.of("coach:x|y", 3), List.of(), null);
        var round = new Debrief.Round(1, "rubric " + LINK, 2, 3.0, List.of(dimension), Map.of());
        var debrief = new Debrief(UUID.randomUUID(), "cara", 3.0, Recommendation.YES, Debrief.DECISION_RULE,
                List.of(round), List.of(point), List.of(), point,
                List.of(new Debrief.Dissent(1, "clarity", Map.of(), "apart " + IMG)), Instant.EPOCH);

        String md = DebriefRenderer.markdown(debrief);

        assertThat(md, not(containsString("<img")));
        assertThat(md, not(containsString("[x](")));
        assertThat(md, containsString("&lt;img src=x onerror=alert(1)&gt;"));
        assertThat(md, containsString("I said \\[x\\](javascript:alert(1)) # and a heading"));
        assertThat(md, containsString("\\*bold\\* \\`code\\`"));
        assertThat(md, containsString("(rubric \\[x\\](javascript:alert(1)) v2)"));
        // each table row keeps its three cells
        assertThat(md, containsString("| Clar\\|ity &lt;img src=x onerror=alert(1)&gt; | 3.00 | {coach:x\\|y=3} |"));
        md.lines().filter(l -> l.startsWith("| ")).forEach(row ->
                assertThat(row, row.replace("\\|", "").chars().filter(c -> c == '|').count() == 4,
                        org.hamcrest.Matchers.is(true)));
    }
}
