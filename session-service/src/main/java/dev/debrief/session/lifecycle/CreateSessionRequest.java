package dev.debrief.session.lifecycle;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * A new session: from a loop (all rounds, or {@code round}), or from hand-picked questions. A candidate
 * creates their own (naming a coach for a coached session); a coach or firm admin names the candidate.
 */
public record CreateSessionRequest(
        @Size(max = 120) @Pattern(regexp = "[a-z0-9][a-z0-9-]*") String loop,
        @Min(1) @Max(50) Integer round,
        @Size(max = 40) List<@Valid @NotNull QuestionPick> questions,
        @NotNull SessionMode mode,
        @Size(max = 64) String candidateId,
        @Size(max = 120) String candidateName,
        @Size(max = 64) String coachId,
        @Size(max = 120) String coachName) {

    /** A question by id, at a version or (without one) its current version. */
    public record QuestionPick(@NotNull UUID id, @Min(1) Integer version) {
    }
}
