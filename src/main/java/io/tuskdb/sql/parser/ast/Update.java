package io.tuskdb.sql.parser.ast;

import java.util.List;

/** {@code [WITH ...] UPDATE [ONLY] table [[AS] alias] SET ... [FROM ...] [WHERE ...] [RETURNING ...]}. */
public record Update(WithClause with, QualifiedName table, boolean only, String alias, List<SetClause> set,
                     List<FromItem> from, Expr where, List<TargetItem> returning) implements Statement {

    public Update {
        set = List.copyOf(set);
        from = List.copyOf(from);
        returning = List.copyOf(returning);
    }
}
