package io.tuskdb.sql.parser.ast;

import java.util.List;

/** {@code [WITH ...] DELETE FROM [ONLY] table [[AS] alias] [USING ...] [WHERE ...] [RETURNING ...]}. */
public record Delete(WithClause with, QualifiedName table, boolean only, String alias, List<FromItem> using,
                     Expr where, List<TargetItem> returning) implements Statement {

    public Delete {
        using = List.copyOf(using);
        returning = List.copyOf(returning);
    }
}
