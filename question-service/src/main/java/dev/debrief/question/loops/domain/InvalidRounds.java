package dev.debrief.question.loops.domain;

/** Rounds a loop cannot have (two at one position). */
public class InvalidRounds extends RuntimeException {

    InvalidRounds(String message) {
        super(message);
    }
}
