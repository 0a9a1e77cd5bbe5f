package io.tuskdb.sql.functions;

import io.tuskdb.types.PgType;

import java.util.List;
import java.util.function.Supplier;

/** A pg_aggregate row: a factory of per-group accumulators. */
record BuiltinAggregate(String name, List<PgType> argumentTypes, PgType returnType, boolean acceptsNulls,
                        Supplier<Accumulator> factory) implements AggregateFunction {
    @Override
    public Accumulator start() {
        return factory.get();
    }

    @Override
    public String toString() {
        return name + argumentTypes;
    }
}
