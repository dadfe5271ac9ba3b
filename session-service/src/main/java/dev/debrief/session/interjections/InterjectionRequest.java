package dev.debrief.session.interjections;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the interviewer says: a follow-up question or a new constraint. */
public record InterjectionRequest(@NotBlank @Size(max = 2000) String text) {
}
