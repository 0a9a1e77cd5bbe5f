package io.tuskdb.sql.functions;

import io.tuskdb.sql.ExecutionContext;
import io.tuskdb.types.PgType;

/**
 * One built-in operator (a pg_operator row); all are strict and immutable. A prefix operator has a null
 * {@link #leftType()}.
 */
public interface Operator {
    String symbol();

    PgType leftType();

    PgType rightType();

    PgType resultType();

    /** Applies to non-null operands already of the declared types (left is null for a prefix operator). */
    Object apply(Object left, Object right);

    /**
     * Applies within a session. Operators whose result depends on the session's TimeZone (timestamptz ± interval,
     * comparisons between timestamp and timestamptz or date and timestamptz) use {@code context}'s settings;
     * {@link #apply(Object, Object)} evaluates those in UTC. The executor should call this form.
     */
    default Object apply(ExecutionContext context, Object left, Object right) {
        return apply(left, right);
    }
}
