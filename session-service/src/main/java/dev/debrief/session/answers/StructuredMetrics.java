package dev.debrief.session.answers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A structured answer to a metric-design question: a ranked metric list (one primary decision metric,
 * guardrails, secondary metrics) and the decision threshold stated before the results.
 */
public record StructuredMetrics(
        @Size(max = 20) List<@Valid @NotNull Metric> metrics,
        @Size(max = 500) String decisionThreshold) {

    public enum Kind {
        PRIMARY, GUARDRAIL, SECONDARY
    }

    public record Metric(@NotBlank @Size(max = 200) String name, @Min(1) @Max(100) int rank, @NotNull Kind kind) {
    }

    /** @return why this cannot be a final answer (field, message), or null when it can */
    public String[] incompleteness() {
        if (metrics == null || metrics.isEmpty()) {
            return new String[] { "structured.metrics", "a final structured answer names at least one metric" };
        }
        if (metrics.stream().noneMatch(m -> m.kind() == Kind.PRIMARY)) {
            return new String[] { "structured.metrics", "a final structured answer names a PRIMARY metric" };
        }
        if (metrics.stream().map(Metric::rank).distinct().count() != metrics.size()) {
            return new String[] { "structured.metrics", "ranks must be distinct" };
        }
        if (decisionThreshold == null || decisionThreshold.isBlank()) {
            return new String[] { "structured.decisionThreshold", "a final structured answer states its threshold" };
        }
        return null;
    }
}
