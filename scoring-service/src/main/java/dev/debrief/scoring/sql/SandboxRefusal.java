package dev.debrief.scoring.sql;

import java.util.Locale;

/**
 * The sandbox would not run a statement, or the database stopped it. What a candidate sees is only the {@link Code}
 * and its fixed sentence (plus, for a refused function, table or type, a name taken from their own statement): never
 * PostgreSQL's message, which can carry data (a failed cast quotes the value it could not read).
 */
public class SandboxRefusal extends RuntimeException {

    /** The closed vocabulary of refusals (the guard said no) and errors (the database stopped the run). */
    public enum Code {
        STATEMENTS("sql.refused.statements", "Exactly one statement is allowed."),
        READ_ONLY("sql.refused.read-only", "Only a SELECT that writes nothing may run in the sandbox."),
        TABLE("sql.refused.table", "Only the fixture tables titles, members, sessions and plays (or the query's own "
                + "CTEs) can be read."),
        FUNCTION("sql.refused.function", "The statement calls a function the sandbox does not allow."),
        TYPE("sql.refused.type", "The statement casts to a type the sandbox does not allow."),
        CONSTRUCT("sql.refused.construct", "The statement uses a construct the sandbox does not allow."),
        SYNTAX("sql.error.syntax", "The statement does not parse as SQL."),
        TIMEOUT("sql.error.timeout", "The statement ran longer than the sandbox allows and was stopped."),
        PERMISSION("sql.error.permission", "The sandbox's database role may not do that."),
        RESOURCES("sql.error.resources", "The statement needed more memory, disk or result size than the sandbox "
                + "allows."),
        QUERY("sql.error.query", "The statement failed while it ran (for example a bad cast, a division by zero or an "
                + "unknown column)."),
        UNAVAILABLE("sql.error.unavailable", "The sandbox database could not be reached; the query was not run.");

        private final String code;
        private final String sentence;

        Code(String code, String sentence) {
            this.code = code;
            this.sentence = sentence;
        }

        public String code() {
            return code;
        }

        public String sentence() {
            return sentence;
        }
    }

    private final Code code;

    public SandboxRefusal(Code code) {
        super(code.sentence());
        this.code = code;
    }

    /** {@code subject} is a name from the candidate's own statement (a function, table or type), never data. */
    public SandboxRefusal(Code code, String subject) {
        super(code.sentence() + " (" + shortened(subject.toLowerCase(Locale.ROOT)) + ")");
        this.code = code;
    }

    private static String shortened(String name) {
        return name.length() <= 63 ? name : name.substring(0, 63) + "…"; // PostgreSQL's identifier length
    }

    public Code code() {
        return code;
    }

    /** The stable code, e.g. {@code sql.refused.function}. */
    public String reason() {
        return code.code();
    }
}
