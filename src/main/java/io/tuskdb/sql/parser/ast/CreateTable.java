package io.tuskdb.sql.parser.ast;

import java.util.List;

/**
 * {@code CREATE [TEMP | UNLOGGED] TABLE [IF NOT EXISTS] name (columns and table constraints) [INHERITS (...)]
 * [ON COMMIT ...]}.
 *
 * @param onCommit null, "preserve_rows", "delete_rows" or "drop"
 */
public record CreateTable(QualifiedName name, Persistence persistence, boolean ifNotExists, List<ColumnDef> columns,
                          List<Constraint> constraints, List<QualifiedName> inherits, String onCommit)
        implements Statement {

    public CreateTable {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        inherits = List.copyOf(inherits);
    }
}
