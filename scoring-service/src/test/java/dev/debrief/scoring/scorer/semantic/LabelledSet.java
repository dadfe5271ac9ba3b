package dev.debrief.scoring.scorer.semantic;

import dev.debrief.contracts.AnswerFormat;
import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.Json;
import dev.debrief.scoring.rubrics.RubricDefinition;
import dev.debrief.scoring.rubrics.RubricSeeder;
import dev.debrief.scoring.scorer.AnswerScorer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The labelled answers ({@code labelled/answers.jsonl}): written for this, a level per dimension from a coach's
 * reading of the rubric, and a fixed split. The split is by prompt, so every test answer answers a question the
 * fit never saw, and a paraphrase never sits on the other side of its original. The first 207 answers' prompts keep
 * the split they were given; an answer to one of those prompts takes that prompt's split, and a prompt new to the
 * set is test when {@link #splitOfNewPrompt} says so (deterministic, from the prompt's text alone).
 */
public final class LabelledSet {

    public static final String RESOURCE = "labelled/answers.jsonl";

    /** One labelled answer. */
    public record Answer(String id, String split, String rubric, String category, String format, String prompt,
            String text, JsonNode structured, String quality, String hardCase, Map<String, Integer> expected) {

        public boolean isTest() {
            return "test".equals(split);
        }

        public AnswerScorer.AnswerInput input() {
            return new AnswerScorer.AnswerInput(AnswerFormat.orFreeText(format), prompt, text, structured);
        }

        /** SHA-256 of the answer's normalised content (text and structured part). */
        public String contentHash() {
            return LabelledSet.hash(normalise(text) + "|" + (structured == null ? "" : structured.toString()));
        }
    }

    private LabelledSet() {
    }

    public static List<Answer> load() {
        List<Answer> all = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                LabelledSet.class.getClassLoader().getResourceAsStream(RESOURCE), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = Json.mapper().readTree(line);
                Map<String, Integer> expected = new java.util.LinkedHashMap<>();
                row.path("expected").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asInt()));
                JsonNode structured = row.path("structured");
                all.add(new Answer(row.path("id").asText(), row.path("split").asText(), row.path("rubric").asText(),
                        row.path("category").asText(), row.path("answerFormat").asText(), row.path("prompt").asText(),
                        row.path("answer").asText(""), structured.isObject() ? structured : null,
                        row.path("quality").asText(), row.path("case").asText(""), Map.copyOf(expected)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(all);
    }

    public static Map<String, RubricDefinition> rubrics() {
        return RubricSeeder.read().stream().collect(Collectors.toMap(RubricDefinition::slug, Function.identity()));
    }

    /** The split of a prompt not in the set before: test when SHA-256 of the prompt, first 8 hex digits, mod 100 &lt; 40. */
    static String splitOfNewPrompt(String prompt) {
        long bucket = Long.parseLong(hash(prompt).substring(0, 8), 16) % 100;
        return bucket < 40 ? "test" : "train";
    }

    static String normalise(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
