package dev.debrief.scoring.sql;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Runs a SQL answer and its reference query in the read-only sandbox and compares their results. */
@ApplicationScoped
public class SandboxComparison {

    private final SqlSandbox sandbox;

    public SandboxComparison(SqlSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** The comparison, or an outcome that says why the answer could not be run (unparsed, refused). */
    public SqlOutcome compare(String answerText, String prompt, String referenceSql) {
        SqlInspector.Report report = new SqlInspector().inspect(answerText, prompt);
        if (!report.parsed()) {
            return new SqlOutcome(false, false, SandboxRefusal.Code.SYNTAX.code(), 0, 0, List.of(report.error()));
        }
        try {
            SqlSandbox.Rows reference = sandbox.run(referenceSql);
            SqlSandbox.Rows candidate = sandbox.run(report.finalQuery().sql());
            return ResultComparator.compare(candidate, reference, report.traps());
        } catch (SandboxRefusal e) {
            // a code and a fixed sentence only: the database's own message can quote data (SqlSandbox logs it)
            return new SqlOutcome(false, false, e.reason(), 0, 0, List.of("The sandbox did not run it: "
                    + e.getMessage()));
        }
    }
}
