package dev.debrief.question.index;

import dev.debrief.contracts.AnswerFormat;
import dev.debrief.question.taxonomy.Category;
import dev.debrief.question.taxonomy.Competency;
import dev.debrief.question.taxonomy.Difficulty;
import dev.debrief.question.taxonomy.JobRole;
import dev.debrief.question.taxonomy.Level;
import dev.debrief.question.taxonomy.RoundType;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The catalog's closed vocabularies (the taxonomy's enums and a question's status), and their words in a packed row
 * as one byte each. About a quarter of a row was these words spelt out, in the one doc values file every list reads
 * at random, so all of it stays in memory under load; read back, a word is the enum's own string, not a new one.
 * A value outside the vocabularies (a row written before a value was renamed, say) is written out in full.
 */
final class ClosedWords {

    /** Each closed facet's values in declaration order, as the enums list them. */
    static final Map<String, List<String>> BY_FIELD = Map.of(
            Fields.CATEGORY, names(Category.values()), Fields.ROLE, names(JobRole.values()),
            Fields.LEVEL, names(Level.values()), Fields.ROUND_TYPE, names(RoundType.values()),
            Fields.COMPETENCY, names(Competency.values()), Fields.DIFFICULTY, names(Difficulty.values()),
            Fields.ANSWER_FORMAT, names(AnswerFormat.values()));

    /**
     * A question's statuses, spelt out: the catalog's enum is out of the index's reach (the catalog uses the index);
     * one added there and not here is only written in full.
     */
    private static final List<String> STATUSES = List.of("DRAFT", "PUBLISHED", "RETIRED");
    /** Every word once; a word's code is its place here plus one (0: the value follows in full). */
    private static final List<String> WORDS = Stream.concat(BY_FIELD.values().stream().flatMap(List::stream),
            STATUSES.stream()).distinct().sorted().toList();
    private static final Map<String, Integer> CODES = codes();

    private ClosedWords() {
    }

    static void write(DataOutput out, String value) throws IOException {
        Integer code = CODES.get(value);
        if (code == null) {
            out.writeVInt(0);
            out.writeString(value);
        } else {
            out.writeVInt(code);
        }
    }

    static String read(DataInput in) throws IOException {
        int code = in.readVInt();
        return code == 0 ? in.readString() : WORDS.get(code - 1);
    }

    private static Map<String, Integer> codes() {
        Map<String, Integer> codes = new HashMap<>();
        for (int i = 0; i < WORDS.size(); i++) {
            codes.put(WORDS.get(i), i + 1);
        }
        return Map.copyOf(codes);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
