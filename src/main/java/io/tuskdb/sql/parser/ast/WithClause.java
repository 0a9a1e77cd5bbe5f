package io.tuskdb.sql.parser.ast;

import java.util.List;

/** {@code WITH [RECURSIVE] name [(cols)] AS [[NOT] MATERIALIZED] (query), ...}. */
public record WithClause(boolean recursive, List<CommonTableExpr> ctes) {

    public WithClause {
        ctes = List.copyOf(ctes);
    }

    public enum Materialized { DEFAULT, MATERIALIZED, NOT_MATERIALIZED }

    /** One CTE; {@code query} is a {@link Select} or an INSERT / UPDATE / DELETE (with RETURNING). */
    public record CommonTableExpr(String name, List<String> columns, Materialized materialized, Statement query,
                                  int position) {
        public CommonTableExpr {
            columns = List.copyOf(columns);
        }
    }
}
