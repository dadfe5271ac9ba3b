package dev.debrief.scoring.rubrics;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Optional;

/**
 * A rubric as data: weighted dimensions, four anchored levels each, and the phrases that signal a level.
 * This is the seed file's shape and the shape firms submit their own rubrics in.
 */
public record RubricDefinition(
        @NotBlank @Size(max = 120) @Pattern(regexp = "[a-z0-9][a-z0-9-]*") String slug,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 60) String> appliesTo,
        @NotEmpty @Size(max = 12) List<@Valid @NotNull Dimension> dimensions) {

    public record Dimension(
            @NotBlank @Size(max = 60) @Pattern(regexp = "[a-z0-9][a-z0-9-]*") String key,
            @NotBlank @Size(max = 120) String name,
            @Size(max = 2000) String description,
            @DecimalMin("0.0") @DecimalMax("1.0") double weight,
            @NotNull @Size(min = 4, max = 4) List<@Valid @NotNull Level> levels,
            @Valid Signals signals) {

        public Signals signalsOrEmpty() {
            return signals == null ? new Signals(List.of(), List.of()) : signals;
        }

        public Optional<Level> level(int level) {
            return levels.stream().filter(l -> l.level() == level).findFirst();
        }
    }

    public record Level(@Min(1) @Max(4) int level, @NotBlank @Size(max = 2000) String anchor) {
    }

    public record Signals(@Size(max = 60) List<@NotBlank @Size(max = 80) String> positive,
            @Size(max = 60) List<@NotBlank @Size(max = 80) String> negative) {

        public Signals {
            positive = positive == null ? List.of() : List.copyOf(positive);
            negative = negative == null ? List.of() : List.copyOf(negative);
        }
    }

    /**
     * What a candidate may read: the dimensions, their descriptions and weights, without the anchored levels
     * and the signal phrases (the answer key the scorer matches against).
     */
    public RubricDefinition withoutAnswerKey() {
        return new RubricDefinition(slug, title, description, appliesTo, dimensions.stream()
                .map(d -> new Dimension(d.key(), d.name(), d.description(), d.weight(), List.of(), null)).toList());
    }

    public Optional<Dimension> dimension(String key) {
        return dimensions.stream().filter(d -> d.key().equals(key)).findFirst();
    }

    public double totalWeight() {
        double total = dimensions.stream().mapToDouble(Dimension::weight).sum();
        return total > 0 ? total : dimensions.size();
    }

    /** A dimension's weight, or equal weights when a rubric gives none. */
    public double weightOf(Dimension dimension) {
        boolean unweighted = dimensions.stream().allMatch(d -> d.weight() == 0);
        return unweighted ? 1.0 : dimension.weight();
    }
}
