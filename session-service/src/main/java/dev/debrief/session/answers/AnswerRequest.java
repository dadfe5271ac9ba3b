package dev.debrief.session.answers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * An answer or a draft of one: {@code text} (free text, or the query of a SQL answer, or notes) and,
 * for metric-design questions, {@code structured}. Text is limited to 20,000 characters (400 beyond);
 * a body over 256 KB is refused with 413 (see {@code web.BodyLimit}).
 */
public record AnswerRequest(@Size(max = 20_000) String text, @Valid StructuredMetrics structured) {
}
