package io.tuskdb.sql.functions;

import io.tuskdb.sql.ExecutionContext;
import io.tuskdb.types.PgType;

import java.util.List;

/**
 * One overload of a built-in scalar function (a pg_proc row). The analyzer picks an overload among
 * {@link Builtins#functions(String)} by PostgreSQL's function-resolution rules and casts the arguments to
 * {@link #argumentTypes()} before calling.
 */
public interface ScalarFunction {
    String name();

    /** Declared argument types; a null entry means PostgreSQL's "any". */
    List<PgType> argumentTypes();

    /** When non-null, the function takes any number of further arguments of this type (VARIADIC). */
    default PgType variadicType() {
        return null;
    }

    PgType returnType();

    /** STRICT: a null argument gives null without a call. */
    boolean strict();

    Volatility volatility();

    /** Evaluates with arguments already of the declared types. */
    Object call(ExecutionContext context, Object[] arguments);

    /**
     * This function bound to the arguments' types as the analyzer resolved them (before coercion to the declared
     * types; unknown literals as {@link PgType#UNKNOWN}). Functions whose result depends on the static type of a
     * "any" argument, such as pg_typeof, return a specialised instance; the analyzer calls this once per call site.
     */
    default ScalarFunction forArgumentTypes(List<PgType> actualTypes) {
        return this;
    }
}
