package io.tuskdb.sql.functions;

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
}
