package io.tuskdb.session;

import io.tuskdb.sql.PreparedPlan;

/**
 * A prepared statement (PostgreSQL's CachedPlanSource): the SQL text and its plan. {@code plan} is null for an
 * empty query string, which executes as EmptyQueryResponse.
 */
public record PreparedStatement(String name, String sql, PreparedPlan plan) {
    public boolean isEmpty() {
        return plan == null;
    }

    /** Parameter type OIDs (none for an empty query). */
    public int[] parameterTypes() {
        return plan == null ? new int[0] : plan.parameterTypes();
    }
}
