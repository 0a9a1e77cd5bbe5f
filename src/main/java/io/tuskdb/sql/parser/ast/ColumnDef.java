package io.tuskdb.sql.parser.ast;

import java.util.List;

/** A column of CREATE TABLE / ALTER TABLE ADD COLUMN: name, type, optional COLLATE and constraints. */
public record ColumnDef(String name, TypeName type, List<String> collation, List<Constraint> constraints,
                        int position) {

    public ColumnDef {
        collation = collation == null ? null : List.copyOf(collation);
        constraints = List.copyOf(constraints);
    }
}
