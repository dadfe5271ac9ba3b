package dev.debrief.question.drawing;

import dev.debrief.contracts.catalog.DrawRequest;
import dev.debrief.contracts.catalog.QuestionSnapshot;
import dev.debrief.kit.problem.ProblemException;
import dev.debrief.question.drawing.QuestionDraws.Pool;
import dev.debrief.question.loops.domain.Loop;
import dev.debrief.question.loops.domain.LoopRound;
import dev.debrief.question.snapshots.Snapshots;
import dev.debrief.question.taxonomy.Category;
import dev.debrief.question.taxonomy.Difficulty;
import dev.debrief.question.taxonomy.JobRole;
import dev.debrief.question.taxonomy.RoundType;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Draws questions for a round. By loop: each of the round's draws in turn (so many of this category),
 * preferring questions of the loop's company and role, then of its role, then any of the category; at most
 * {@code count} in all. By filters: {@code count} questions matching them. Never a question in
 * {@code exclude} or twice; the same seed over the same catalog gives the same questions.
 */
@ApplicationScoped
public class Drawing {

    static final int MAX_COUNT = 50;
    static final int MAX_EXCLUDE = 2000;

    private final QuestionDraws draws;

    public Drawing(QuestionDraws draws) {
        this.draws = draws;
    }

    public List<QuestionSnapshot> draw(DrawRequest r, String tenant, boolean answerKey) {
        if (r.count() < 1 || r.count() > MAX_COUNT) {
            throw ProblemException.badRequest("count", "must be between 1 and " + MAX_COUNT);
        }
        if (r.exclude() != null && r.exclude().size() > MAX_EXCLUDE) {
            throw ProblemException.badRequest("exclude", "at most " + MAX_EXCLUDE + " ids");
        }
        check("category", r.category(), Category.class);
        check("role", r.role(), JobRole.class);
        check("roundType", r.roundType(), RoundType.class);
        check("difficulty", r.difficulty(), Difficulty.class);
        if (r.company() != null && r.company().length() > 80) {
            throw ProblemException.badRequest("company", "must be at most 80 characters");
        }
        long seed = r.seed() != null ? r.seed() : ThreadLocalRandom.current().nextLong();
        Set<UUID> taken = new HashSet<>(r.exclude() == null ? List.of() : r.exclude());
        taken.remove(null);
        List<UUID> picked = r.loop() == null ? byFilters(r, tenant, taken, seed) : byLoop(r, tenant, taken, seed);
        return draws.current(picked).stream()
                .map(d -> Snapshots.of(d.id(), d.version(), d.slug(), d.content(), answerKey)).toList();
    }

    private List<UUID> byFilters(DrawRequest r, String tenant, Set<UUID> taken, long seed) {
        Pool pool = new Pool(tenant, r.category(), r.role(), r.company(), r.roundType(), r.difficulty());
        return draws.draw(pool, taken, r.count(), seed);
    }

    private List<UUID> byLoop(DrawRequest r, String tenant, Set<UUID> taken, long seed) {
        if (r.round() == null) {
            throw ProblemException.badRequest("round", "is required with loop");
        }
        if (r.loop().length() > 120) {
            throw ProblemException.badRequest("loop", "must be at most 120 characters");
        }
        Loop loop = Loop.visible(r.loop(), tenant).orElseThrow(() -> ProblemException.notFound("loop", r.loop()));
        LoopRound round = loop.round(r.round())
                .orElseThrow(() -> ProblemException.badRequest("round", "loop " + loop.slug + " has no round " + r.round()));
        List<UUID> picked = new ArrayList<>();
        String role = loop.role.name();
        for (LoopRound.Draw d : round.draws()) {
            int want = Math.min(d.count(), r.count() - picked.size());
            String category = d.category().name();
            List<Pool> preferences = loop.company == null
                    ? List.of(new Pool(tenant, category, role, null, null, null), new Pool(tenant, category, null, null, null, null))
                    : List.of(new Pool(tenant, category, role, loop.company, null, null),
                            new Pool(tenant, category, role, null, null, null),
                            new Pool(tenant, category, null, null, null, null));
            for (Pool pool : preferences) {
                if (want <= 0) {
                    break;
                }
                List<UUID> got = draws.draw(pool, taken, want, seed);
                picked.addAll(got);
                taken.addAll(got);
                want -= got.size();
            }
        }
        return picked;
    }

    private static <E extends Enum<E>> void check(String field, String value, Class<E> type) {
        if (value == null) {
            return;
        }
        try {
            Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "has an invalid value (one of "
                    + Arrays.toString(type.getEnumConstants()) + ")");
        }
    }
}
