package dev.debrief.scoring.scorecards;

/** A hiring recommendation, from a coach's scorecard or the debrief's decision rule. */
public enum Recommendation {
    STRONG_NO, NO, YES, STRONG_YES;

    public boolean hire() {
        return this == YES || this == STRONG_YES;
    }
}
