package io.tuskdb.sql.functions;

import io.tuskdb.sql.ExecutionContext;
import io.tuskdb.types.FormatSettings;
import io.tuskdb.types.PgType;

/** A pg_operator row backed by a Java function; {@link Body} sees the session's format settings. */
record BuiltinOperator(String symbol, PgType leftType, PgType rightType, PgType resultType, Body body)
        implements Operator {

    /** The operator's implementation function (pg_operator.oprcode). */
    @FunctionalInterface
    interface Body {
        Object apply(FormatSettings settings, Object left, Object right);
    }

    @Override
    public Object apply(Object left, Object right) {
        return body.apply(FormatSettings.DEFAULT, left, right);
    }

    @Override
    public Object apply(ExecutionContext context, Object left, Object right) {
        return body.apply(context == null ? FormatSettings.DEFAULT : context.formatSettings(), left, right);
    }

    @Override
    public String toString() {
        return (leftType == null ? "" : leftType.typname() + " ") + symbol + " " + rightType.typname();
    }
}
