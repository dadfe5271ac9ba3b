package dev.debrief.scoring.sql;

import java.util.List;

/**
 * What happened when the final query and the reference query ran in the sandbox.
 *
 * @param ran the candidate's query executed without error
 * @param matches its rows equal the reference's (as a multiset, numbers to two decimals)
 * @param error a {@link SandboxRefusal.Code} such as {@code sql.refused.function}, never the database's message;
 *              null when both ran
 * @param differences why the results differ, most telling first; empty when they match
 */
public record SqlOutcome(boolean ran, boolean matches, String error, int candidateRows, int referenceRows,
        List<String> differences) {
}
