package io.tuskdb.sql.parser.ast;

import java.util.List;

/**
 * A query (gram.y's SelectStmt): a {@link QueryBody} with the clauses that apply to the whole of it. Also used for
 * subqueries, CTE bodies and INSERT sources. A parenthesised query with its own WITH / ORDER BY / LIMIT / locking
 * inside a set operation is a {@link QueryBody.NestedSelect}.
 *
 * @param with         WITH clause or null
 * @param orderBy      ORDER BY items (empty when none)
 * @param limit        LIMIT / FETCH FIRST count, or null (LIMIT ALL is null too)
 * @param offset       OFFSET, or null
 * @param withTies     FETCH FIRST ... WITH TIES
 * @param locking      FOR UPDATE / SHARE ... clauses
 * @param position     1-based position of the query's first token
 */
public record Select(WithClause with, QueryBody body, List<SortItem> orderBy, Expr limit, Expr offset, boolean withTies,
                     List<LockingClause> locking, int position) implements Statement {

    public Select {
        orderBy = List.copyOf(orderBy);
        locking = List.copyOf(locking);
    }

    /** A query that is just {@code body}. */
    public static Select of(QueryBody body, int position) {
        return new Select(null, body, List.of(), null, null, false, List.of(), position);
    }

    /** True when only the body is set (no WITH, ORDER BY, LIMIT, OFFSET or locking). */
    public boolean isPlain() {
        return with == null && orderBy.isEmpty() && limit == null && offset == null && locking.isEmpty();
    }
}
