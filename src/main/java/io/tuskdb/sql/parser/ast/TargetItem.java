package io.tuskdb.sql.parser.ast;

/**
 * One item of a SELECT list or RETURNING list: an expression (a {@link Expr.ColumnRef} with {@code star} for
 * {@code *} and {@code t.*}) with an optional alias (null when none; the analyzer derives the column name then,
 * as PostgreSQL's FigureColname).
 */
public record TargetItem(Expr expr, String alias) {
}
