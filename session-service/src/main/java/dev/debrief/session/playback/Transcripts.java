package dev.debrief.session.playback;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.kit.text.Markdown;
import dev.debrief.session.answers.Answer;
import dev.debrief.session.answers.AnswerView;
import dev.debrief.session.lifecycle.InterviewSession;
import dev.debrief.session.lifecycle.SessionQuestion;
import dev.debrief.session.timeline.Timeline;
import dev.debrief.session.timeline.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The session as a document: each question, what the interviewer interjected and when, the answer, its scores. */
@ApplicationScoped
public class Transcripts {

    private static final int MAX_ENTRIES = 10_000;

    private final Timeline timeline;

    public Transcripts(Timeline timeline) {
        this.timeline = timeline;
    }

    public record Transcript(UUID sessionId, String status, String mode, String candidate, String coach, String loop,
            Instant startedAt, Instant endedAt, List<Item> questions) {
    }

    public record Item(int index, int roundPosition, String title, String prompt, Instant askedAt,
            Long overtimeSeconds, List<Interjection> interjections, AnswerView answer) {
    }

    public record Interjection(String kind, String text, long atSecond, String by) {
    }

    public Transcript of(InterviewSession s) {
        List<TimelineEntry> entries = timeline.read(s.id, 0, MAX_ENTRIES);
        List<Item> items = new ArrayList<>();
        for (SessionQuestion q : s.questions) {
            if (!q.asked()) {
                continue;
            }
            List<Interjection> said = entries.stream()
                    .filter(e -> e.type.equals("follow-up-asked") || e.type.equals("constraint-introduced"))
                    .map(e -> AnswerView.read(e.data))
                    .filter(d -> d.path("questionIndex").asInt() == q.index)
                    .map(Transcripts::interjection).toList();
            items.add(new Item(q.index, q.roundPosition, q.snapshot().title(), q.snapshot().prompt(), q.askedAt,
                    q.overtimeSeconds, said, Answer.of(s.id, q.index).map(AnswerView::of).orElse(null)));
        }
        return new Transcript(s.id, s.status.name(), s.mode.name(), name(s.candidateName, s.candidate),
                s.coach == null ? null : name(s.coachName, s.coach), s.loopSlug, s.startedAt, s.endedAt, items);
    }

    public String markdown(Transcript t) {
        StringBuilder md = new StringBuilder();
        md.append("# Session ").append(t.sessionId()).append("\n\n");
        md.append("- Candidate: ").append(Markdown.inline(t.candidate())).append('\n');
        md.append("- Interviewer: ").append(t.coach() == null ? "self-practice" : Markdown.inline(t.coach())).append('\n');
        if (t.loop() != null) {
            md.append("- Loop: ").append(Markdown.inline(t.loop())).append('\n');
        }
        md.append("- Status: ").append(t.status()).append('\n');
        for (Item item : t.questions()) {
            md.append("\n## Question ").append(item.index() + 1).append(" (round ").append(item.roundPosition())
                    .append(")").append(item.title() == null ? "" : ": " + Markdown.inline(item.title())).append("\n\n");
            md.append(Markdown.quote(item.prompt())).append("\n\n");
            for (Interjection i : item.interjections()) {
                md.append("- **").append(i.kind().equals("follow-up-asked") ? "Follow-up" : "Constraint")
                        .append("** at ").append(i.atSecond()).append(" s (").append(Markdown.inline(i.by())).append("): ")
                        .append(Markdown.inline(i.text())).append('\n');
            }
            AnswerView a = item.answer();
            if (a == null || !a.submitted()) {
                md.append("\n*No final answer.*\n");
                continue;
            }
            md.append("\n### Answer (").append(a.elapsedSeconds()).append(" s");
            if (item.overtimeSeconds() != null && item.overtimeSeconds() > 0) {
                md.append(", ").append(item.overtimeSeconds()).append(" s over");
            }
            md.append(")\n\n");
            if (a.text() != null) {
                md.append(a.format().name().equals("SQL") ? Markdown.code("sql", a.text()) : Markdown.block(a.text()) + "\n");
            }
            if (a.structured() != null) {
                a.structured().path("metrics").forEach(m -> md.append("1. ").append(Markdown.inline(m.path("name").asText()))
                        .append(" (").append(Markdown.inline(m.path("kind").asText())).append(")\n"));
                md.append("\nDecision threshold: ").append(Markdown.inline(a.structured().path("decisionThreshold").asText()))
                        .append('\n');
            }
            for (JsonNode score : a.scores()) {
                md.append("\n**Score** ").append(Markdown.inline(score.path("overall").asText())).append(" by ")
                        .append(Markdown.inline(score.path("scorer").asText())).append('\n');
            }
        }
        return md.toString();
    }

    private static Interjection interjection(JsonNode d) {
        boolean followUp = d.has("prompt");
        return new Interjection(followUp ? "follow-up-asked" : "constraint-introduced",
                followUp ? d.path("prompt").asText() : d.path("text").asText(), d.path("atSecond").asLong(),
                followUp ? d.path("askedBy").asText() : d.path("introducedBy").asText());
    }

    private static String name(String name, String id) {
        return name != null ? name : id;
    }
}
