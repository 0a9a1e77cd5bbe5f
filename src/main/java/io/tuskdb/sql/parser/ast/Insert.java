package io.tuskdb.sql.parser.ast;

import java.util.List;

/**
 * {@code [WITH ...] INSERT INTO table [AS alias] [(cols)] [OVERRIDING ...] source [ON CONFLICT ...] [RETURNING ...]}.
 *
 * @param alias       null when none
 * @param columns     target columns (empty when not written)
 * @param overriding  null, "system" or "user" (OVERRIDING SYSTEM|USER VALUE)
 * @param onConflict  null when absent
 * @param returning   empty when absent
 */
public record Insert(WithClause with, QualifiedName table, String alias, List<InsertColumn> columns, String overriding,
                     InsertSource source, OnConflict onConflict, List<TargetItem> returning) implements Statement {

    public Insert {
        columns = List.copyOf(columns);
        returning = List.copyOf(returning);
    }

    /** A target column, optionally with a subscript / field path ({@code a[1]}, {@code c.f}). */
    public record InsertColumn(String name, List<Indirection> path, int position) {
        public InsertColumn {
            path = List.copyOf(path);
        }
    }

    /** Where the rows come from. */
    public sealed interface InsertSource {
    }

    /** A plain {@code VALUES (...), (...)} (no ORDER BY / LIMIT / WITH of its own); items may be {@link Expr.Default}. */
    public record Values(List<List<Expr>> rows, int position) implements InsertSource {
        public Values {
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** Any other query. */
    public record Query(Select select) implements InsertSource {
    }

    /** {@code DEFAULT VALUES}. */
    public record DefaultValues() implements InsertSource {
    }

    /**
     * {@code ON CONFLICT [(cols) [WHERE ...] | ON CONSTRAINT name] DO NOTHING | DO UPDATE SET ... [WHERE ...]}.
     * {@code targetColumns} may be empty; {@code set} is empty for DO NOTHING.
     */
    public record OnConflict(List<String> targetColumns, Expr targetWhere, String constraintName, boolean doNothing,
                             List<SetClause> set, Expr where) {
        public OnConflict {
            targetColumns = List.copyOf(targetColumns);
            set = List.copyOf(set);
        }
    }
}
