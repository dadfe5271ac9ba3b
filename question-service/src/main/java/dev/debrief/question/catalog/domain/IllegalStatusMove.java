package dev.debrief.question.catalog.domain;

/** A status move the question's life does not allow as it stands (publish a published one, retire a draft). */
public class IllegalStatusMove extends RuntimeException {

    IllegalStatusMove(String message) {
        super(message);
    }
}
