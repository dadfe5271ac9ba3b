package dev.debrief.scoring.scorer.semantic;

import dev.debrief.scoring.rubrics.RubricDefinition.Dimension;
import dev.debrief.scoring.rubrics.RubricDefinition.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attack: a firm's coach writes rubrics whose level anchors are as long as validation allows (2,000 characters)
 * and cut into as many sentences as possible, and revises them again and again, each version a new entry. What
 * one dimension embeds is capped, and what the bank keeps stays within its bound.
 */
class AnchorBankBoundsTest {

    static SentenceEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = new SentenceEncoder(new SentenceEncoder.Threads(1, 1));
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void shouldEmbedAtMostTwelveSentencesOfALevelAnchor() {
        AnchorBank bank = new AnchorBank(encoder, AnchorBank.MAX_BYTES);
        AnchorBank.DimensionAnchors anchors = bank.of("firm-rubric", longest("clarity", 0));
        assertTrue(AnchorBank.sentences(manySentences(0)).size() > 200, "the anchor has hundreds of sentences");
        anchors.levels().forEach(level -> assertEquals(AnchorBank.MAX_SENTENCES_PER_LEVEL, level.size()));
    }

    @Test
    void shouldKeepNoMoreThanItsBoundAcrossRevisions() {
        long bound = 256 * 1024;
        AnchorBank bank = new AnchorBank(encoder, bound);
        IntStream.range(0, 12).forEach(revision -> bank.of("firm-rubric", longest("clarity", revision)));
        assertTrue(bank.bytes() <= bound, "the bank holds about " + bank.bytes() + " bytes");
        assertTrue(bank.bytes() > 0);
    }

    /** A dimension whose four level anchors are each 2,000 characters of short sentences; revision makes them new. */
    static Dimension longest(String key, int revision) {
        return new Dimension(key, "Clarity", null, 1.0, IntStream.rangeClosed(1, 4)
                .mapToObj(level -> new Level(level, manySentences(revision * 10 + level))).toList(), null);
    }

    static String manySentences(int seed) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 1990; i++) {
            text.append("Go ").append((char) ('a' + (i + seed) % 26)).append(". ");
        }
        return text.substring(0, Math.min(text.length(), 2000)).trim();
    }
}
