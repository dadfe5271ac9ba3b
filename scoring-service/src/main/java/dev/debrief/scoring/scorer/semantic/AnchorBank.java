package dev.debrief.scoring.scorer.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.debrief.contracts.Json;
import dev.debrief.scoring.rubrics.RubricDefinition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The embedded anchors of every rubric dimension: the rubric's own level descriptors (each sentence of the
 * level-1 to level-4 anchors) and, for the seeded rubrics, the exemplar statements for and against from
 * {@code scorer/exemplars.json}. A firm's own rubric has only its level descriptors ("anchors only").
 * Embedded once per distinct dimension text and kept; the seeded rubrics are embedded at start.
 */
public final class AnchorBank {

    static final String EXEMPLARS = "scorer/exemplars.json";
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z('])");

    /** One statement and its vector. */
    public record Anchor(String text, float[] vector) {
    }

    /** A dimension's anchors: levels.get(k - 1) are the level-k descriptors; forAnchors/against may be empty. */
    public record DimensionAnchors(List<List<Anchor>> levels, List<Anchor> forAnchors, List<Anchor> against,
            boolean anchorsOnly) {

        /** What its vectors and texts hold on the heap, about. */
        long bytes() {
            List<List<Anchor>> all = new ArrayList<>(levels);
            all.add(forAnchors);
            all.add(against);
            long bytes = 0;
            for (List<Anchor> statements : all) {
                for (Anchor a : statements) {
                    bytes += 4L * a.vector().length + 2L * a.text().length() + 64;
                }
            }
            return bytes;
        }
    }

    private final SentenceEncoder encoder;
    private final JsonNode exemplars;
    private final String exemplarsVersion;
    /**
     * Firms keep adding and revising rubrics: bounded by what the vectors hold (a statement's is 1.5 KB), the least
     * used re-embedded on demand (a few ms each). 16 MB is about 10,000 statements: every seeded dimension (about
     * 1 MB together) and a thousand firm dimensions. A bound on their number (20,000 before) let a firm's rubrics
     * with long anchors outgrow the heap.
     */
    static final long MAX_BYTES = 16L << 20;
    /**
     * Sentences of one level's anchor that are embedded (the seeded anchors have at most 3): an anchor may be 2,000
     * characters, which cut into tiny sentences would cost seconds to embed and megabytes to keep.
     */
    static final int MAX_SENTENCES_PER_LEVEL = 12;

    private final Cache<String, DimensionAnchors> cache;
    private final List<Anchor> background;

    public AnchorBank(SentenceEncoder encoder) {
        this(encoder, MAX_BYTES);
    }

    AnchorBank(SentenceEncoder encoder, long maxBytes) {
        this.encoder = encoder;
        this.cache = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((String key, DimensionAnchors anchors) -> (int) Math.min(Integer.MAX_VALUE, anchors.bytes()))
                .build();
        try (InputStream in = AnchorBank.class.getClassLoader().getResourceAsStream(EXEMPLARS)) {
            JsonNode root = Json.mapper().readTree(in);
            exemplars = root.path("rubrics");
            exemplarsVersion = root.path("version").asText();
            List<String> texts = new ArrayList<>();
            root.path("background").forEach(t -> texts.add(t.asText()));
            float[][] vectors = encoder.encode(texts);
            List<Anchor> bg = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                bg.add(new Anchor(texts.get(i), vectors[i]));
            }
            background = List.copyOf(bg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Small talk and platitudes: what a sentence that says nothing about the question is close to. */
    public List<Anchor> background() {
        return background;
    }

    public String exemplarsVersion() {
        return exemplarsVersion;
    }

    /** Every exemplar statement of the seeded rubrics, for the memorisation check. */
    public List<String> exemplarTexts() {
        List<String> all = new ArrayList<>(background.stream().map(Anchor::text).toList());
        exemplars.forEach(rubric -> rubric.forEach(dimension -> {
            dimension.path("for").forEach(t -> all.add(t.asText()));
            dimension.path("against").forEach(t -> all.add(t.asText()));
        }));
        return all;
    }

    /** Embeds a rubric's anchors now (the seeded rubrics at start), so the first answer pays nothing. */
    public void warm(RubricDefinition rubric) {
        rubric.dimensions().forEach(d -> of(rubric.slug(), d));
    }

    public DimensionAnchors of(String rubricSlug, RubricDefinition.Dimension dimension) {
        JsonNode own = exemplars.path(rubricSlug).path(dimension.key());
        StringBuilder key = new StringBuilder(rubricSlug).append('|').append(dimension.key());
        dimension.levels().forEach(l -> key.append('|').append(l.level()).append(l.anchor()));
        return cache.get(key.toString(), k -> build(dimension, own));
    }

    private DimensionAnchors build(RubricDefinition.Dimension dimension, JsonNode own) {
        List<String> texts = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int level = 1; level <= 4; level++) {
            String anchor = dimension.level(level).map(RubricDefinition.Level::anchor).orElse("");
            for (String sentence : sentences(anchor).stream().limit(MAX_SENTENCES_PER_LEVEL).toList()) {
                texts.add(sentence);
                owner.add(level);
            }
        }
        own.path("for").forEach(t -> {
            texts.add(t.asText());
            owner.add(5);
        });
        own.path("against").forEach(t -> {
            texts.add(t.asText());
            owner.add(6);
        });
        float[][] vectors = encoder.encode(texts);
        List<List<Anchor>> levels = new ArrayList<>();
        for (int level = 0; level < 4; level++) {
            levels.add(new ArrayList<>());
        }
        List<Anchor> forAnchors = new ArrayList<>();
        List<Anchor> against = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Anchor a = new Anchor(texts.get(i), vectors[i]);
            int o = owner.get(i);
            if (o <= 4) {
                levels.get(o - 1).add(a);
            } else if (o == 5) {
                forAnchors.add(a);
            } else {
                against.add(a);
            }
        }
        return new DimensionAnchors(levels.stream().map(List::copyOf).toList(), List.copyOf(forAnchors),
                List.copyOf(against), own.isMissingNode() || own.isEmpty());
    }

    /** What the kept dimensions' anchors hold, about (after pending evictions). */
    long bytes() {
        cache.cleanUp();
        return cache.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    /** The sentences of an anchor; a short anchor is one sentence. */
    static List<String> sentences(String anchor) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE_END.split(anchor.trim())) {
            if (s.length() > 3) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
