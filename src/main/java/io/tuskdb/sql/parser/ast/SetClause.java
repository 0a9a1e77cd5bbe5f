package io.tuskdb.sql.parser.ast;

import java.util.List;

/**
 * {@code column[path] = value} in UPDATE and ON CONFLICT DO UPDATE; value may be {@link Expr.Default}.
 * {@code (a, b) = (x, y)} is split into one clause per column; {@code (a, b) = (SELECT ...)} gives clauses whose
 * values are {@link Expr.FieldSelect}s of the same {@link Expr.ScalarSubquery} numbered by {@code multiIndex}
 * (1-based; 0 for an ordinary clause), like PostgreSQL's MultiAssignRef.
 */
public record SetClause(String column, List<Indirection> path, Expr value, int multiIndex, int position) {

    public SetClause {
        path = List.copyOf(path);
    }
}
