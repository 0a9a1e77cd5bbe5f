package io.tuskdb.sql;

import java.util.List;

/**
 * A statement analysed and planned once, executed many times (a prepared statement's plan). Immutable and
 * shareable; all per-run state lives in the {@link Execution}.
 */
public interface PreparedPlan {
    /** Parameter type OIDs, including those inferred for parameters the client left unspecified. */
    int[] parameterTypes();

    /** True when the statement returns rows (RowDescription), false for NoData. */
    boolean returnsRows();

    /** The result columns when {@link #returnsRows()}. */
    List<ResultColumn> resultColumns();

    ParsedStatement statement();

    /** Starts a run with bound parameter values (already converted to the parameter types). */
    Execution execute(ExecutionContext context, Object[] parameters);
}
