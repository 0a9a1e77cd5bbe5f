package io.tuskdb.sql.functions;

import io.tuskdb.sql.ExecutionContext;
import io.tuskdb.types.PgType;

import java.util.Arrays;
import java.util.List;

/**
 * pg_typeof("any"): the format_type name of the argument's type ("integer", "character varying", "unknown" for an
 * untyped literal), evaluated for NULL arguments too.
 *
 * <p>PostgreSQL's result type is regtype; TuskDB has no regtype yet, so the result is text with the same output.
 * The type is the one the analyzer resolved, handed over through {@link #forArgumentTypes}; a call that was not
 * bound (only possible when a caller skips that step) falls back to the type the Java value stands for.
 *
 * @param bound the argument's resolved type, null before binding
 */
record PgTypeof(PgType bound) implements ScalarFunction {
    private static final List<PgType> ANY = Arrays.asList((PgType) null);

    @Override
    public String name() {
        return "pg_typeof";
    }

    @Override
    public List<PgType> argumentTypes() {
        return ANY;
    }

    @Override
    public PgType returnType() {
        return PgType.TEXT;
    }

    @Override
    public boolean strict() {
        return false;
    }

    @Override
    public Volatility volatility() {
        return Volatility.STABLE;
    }

    @Override
    public ScalarFunction forArgumentTypes(List<PgType> actualTypes) {
        return actualTypes.size() == 1 && actualTypes.get(0) != null ? new PgTypeof(actualTypes.get(0)) : this;
    }

    @Override
    public Object call(ExecutionContext context, Object[] arguments) {
        if (bound != null) {
            return bound.sqlName();
        }
        Object value = arguments[0];
        return value == null ? PgType.UNKNOWN.sqlName() : AnyText.typeOf(value).sqlName();
    }
}
