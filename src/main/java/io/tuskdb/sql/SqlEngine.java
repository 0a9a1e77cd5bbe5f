package io.tuskdb.sql;

import java.util.List;

/**
 * The SQL engine's entry: text to statements, statements to plans. Stateless and shared by all sessions.
 */
public final class SqlEngine {

    /** Splits and parses a query string; 42601 with position on a syntax error. An empty string gives no statements. */
    public List<ParsedStatement> parse(String sql) {
        throw new UnsupportedOperationException("SqlEngine.parse");
    }

    /**
     * Analyses and plans one statement. {@code parameterTypes} are the OIDs the client gave (0 = infer; may be
     * shorter than the number of parameters used).
     */
    public PreparedPlan prepare(ParsedStatement statement, int[] parameterTypes, ExecutionContext context) {
        throw new UnsupportedOperationException("SqlEngine.prepare");
    }
}
