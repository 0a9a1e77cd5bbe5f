package io.tuskdb.sql.parser.ast;

import java.util.List;

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table [USING method] (elements)
 * [INCLUDE (...)] [NULLS [NOT] DISTINCT] [WHERE ...]}.
 *
 * @param name   null when not given (PostgreSQL chooses one)
 * @param method null when not given (btree)
 */
public record CreateIndex(String name, QualifiedName table, boolean unique, boolean concurrently, boolean ifNotExists,
                          String method, List<Element> elements, List<String> include, boolean nullsNotDistinct,
                          Expr where) implements Statement {

    public CreateIndex {
        elements = List.copyOf(elements);
        include = List.copyOf(include);
    }

    /** A column ({@code column} set) or an expression ({@code expr} set) with its ordering. */
    public record Element(String column, Expr expr, List<String> collation, List<String> opclass,
                          SortItem.Direction direction, SortItem.Nulls nulls) {
    }
}
