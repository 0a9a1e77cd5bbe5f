package io.tuskdb.sql.functions;

import io.tuskdb.sql.ExecutionContext;
import io.tuskdb.types.PgType;

import java.util.List;

/** A pg_proc row backed by a Java function. */
record BuiltinFunction(String name, List<PgType> argumentTypes, PgType variadicType, PgType returnType,
                       boolean strict, Volatility volatility, Body body) implements ScalarFunction {

    /** The function's implementation (pg_proc.prosrc). */
    @FunctionalInterface
    interface Body {
        Object call(ExecutionContext context, Object[] arguments);
    }

    @Override
    public Object call(ExecutionContext context, Object[] arguments) {
        return body.call(context, arguments);
    }

    @Override
    public String toString() {
        return name + argumentTypes;
    }
}
