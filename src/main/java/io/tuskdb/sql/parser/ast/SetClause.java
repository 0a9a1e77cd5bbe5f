package io.tuskdb.sql.parser.ast;

import java.util.List;

/**
 * {@code column[path] = value} in UPDATE and ON CONFLICT DO UPDATE; value may be {@link Expr.Default}.
 * {@code (a, b) = (x, y)} and {@code (a, b) = ROW(x, y)} are split into one clause per column (multiIndex 0);
 * {@code (a, b) = (SELECT ...)} (and a ROW whose fields contain a {@code *}, expanded only by analysis) gives one
 * clause per column whose value is the same {@link Expr.ScalarSubquery} (or {@link Expr.RowExpr}) instance and whose
 * {@code multiIndex} is the 1-based column it takes (PostgreSQL's MultiAssignRef).
 */
public record SetClause(String column, List<Indirection> path, Expr value, int multiIndex, int position) {

    public SetClause {
        path = List.copyOf(path);
    }
}
