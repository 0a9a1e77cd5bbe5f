package io.tuskdb.sql.parser.ast;

import java.util.List;

/** An item of a FROM list (gram.y's table_ref). */
public sealed interface FromItem {

    /** A table, view or CTE name; {@code only} is {@code ONLY name}; {@code alias} may be null. */
    record TableRef(QualifiedName name, boolean only, Alias alias) implements FromItem {
    }

    enum JoinType { INNER, LEFT, RIGHT, FULL, CROSS }

    /**
     * A join. Exactly one of {@code natural}, {@code on} and {@code using} applies for non-CROSS joins;
     * {@code usingAlias} is {@code USING (...) AS name} (may be null), {@code alias} is {@code (a JOIN b) AS x}.
     */
    record JoinRef(JoinType type, boolean natural, FromItem left, FromItem right, Expr on, List<String> using,
                   String usingAlias, Alias alias, int position) implements FromItem {
        public JoinRef {
            using = using == null ? null : List.copyOf(using);
        }
    }

    /** {@code [LATERAL] (SELECT ...) [AS] alias} (PostgreSQL 15 requires the alias). */
    record SubqueryRef(Select query, Alias alias, boolean lateral, int position) implements FromItem {
    }

    /** {@code [LATERAL] f(...) [WITH ORDINALITY] [AS] alias}, e.g. {@code generate_series(1, 10) g}. */
    record FunctionRef(Expr function, boolean withOrdinality, Alias alias, boolean lateral, int position)
            implements FromItem {
    }
}
