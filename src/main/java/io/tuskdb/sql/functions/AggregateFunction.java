package io.tuskdb.sql.functions;

import io.tuskdb.types.PgType;

import java.util.List;

/**
 * One overload of a built-in aggregate (pg_aggregate). count(*) is the overload with no arguments.
 * Nulls are skipped before {@link Accumulator#add} unless {@link #acceptsNulls()}.
 */
public interface AggregateFunction {
    String name();

    /** Declared argument types; a null entry means "any". */
    List<PgType> argumentTypes();

    PgType returnType();

    default boolean acceptsNulls() {
        return false;
    }

    Accumulator start();

    /** The running state of one group. */
    interface Accumulator {
        void add(Object[] arguments);

        /** The aggregate's value for the rows added so far (null for sum/min/max/avg of no rows). */
        Object result();
    }
}
