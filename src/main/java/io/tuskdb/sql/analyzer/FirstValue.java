package io.tuskdb.sql.analyzer;

import io.tuskdb.sql.functions.AggregateFunction;
import io.tuskdb.types.PgType;

import java.util.List;

/**
 * Carries a column that is functionally dependent on the GROUP BY keys (the table's primary key is grouped)
 * through an aggregation: every row of the group has the same value, so the first one is it.
 */
record FirstValue(PgType type) implements AggregateFunction {
    @Override
    public String name() {
        return "first_value";
    }

    @Override
    public List<PgType> argumentTypes() {
        return List.of(type);
    }

    @Override
    public PgType returnType() {
        return type;
    }

    @Override
    public boolean acceptsNulls() {
        return true;
    }

    @Override
    public Accumulator start() {
        return new Accumulator() {
            private boolean seen;
            private Object value;

            @Override
            public void add(Object[] arguments) {
                if (!seen) {
                    seen = true;
                    value = arguments[0];
                }
            }

            @Override
            public Object result() {
                return value;
            }
        };
    }
}
