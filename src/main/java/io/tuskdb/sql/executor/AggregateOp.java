package io.tuskdb.sql.executor;

import io.tuskdb.sql.functions.AggregateFunction;
import io.tuskdb.types.PgType;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Aggregate / HashAggregate: groups the input by its keys; outputs keys followed by aggregate results. */
final class AggregateOp implements RowSource {
    private final ExecState st;
    private final RowSource input;
    private final Eval[] keys;
    private final PgType[] keyTypes;
    private final PgType[][] argTypes;
    private final AggregateFunction[] functions;
    private final Eval[][] args;
    private final boolean[] distinct;
    private final Eval[] filters;
    private java.util.Iterator<Group> output;

    private final class Group {
        final Object[] keyValues;
        final AggregateFunction.Accumulator[] accumulators = new AggregateFunction.Accumulator[functions.length];
        final Set<ValueKey>[] seen;

        @SuppressWarnings("unchecked")
        Group(Object[] keyValues) {
            this.keyValues = keyValues;
            this.seen = new Set[functions.length];
            for (int i = 0; i < functions.length; i++) {
                accumulators[i] = functions[i].start();
                if (distinct[i]) {
                    seen[i] = new HashSet<>();
                }
            }
        }
    }

    AggregateOp(ExecState st, RowSource input, Eval[] keys, PgType[] keyTypes, AggregateFunction[] functions,
                Eval[][] args, PgType[][] argTypes, boolean[] distinct, Eval[] filters) {
        this.keyTypes = keyTypes;
        this.argTypes = argTypes;
        this.st = st;
        this.input = input;
        this.keys = keys;
        this.functions = functions;
        this.args = args;
        this.distinct = distinct;
        this.filters = filters;
    }

    @Override
    public Object[] next() {
        if (output == null) {
            Map<ValueKey, Group> groups = new LinkedHashMap<>();
            for (Object[] row; (row = input.next()) != null; ) {
                st.context.checkForInterrupts();
                Object[] kv = new Object[keys.length];
                for (int i = 0; i < kv.length; i++) {
                    kv[i] = keys[i].eval(row, st);
                }
                Group g = groups.computeIfAbsent(new ValueKey(keyTypes, kv), k -> new Group(kv));
                accumulate(g, row);
            }
            if (keys.length == 0 && groups.isEmpty()) {
                groups.put(new ValueKey(keyTypes, new Object[0]), new Group(new Object[0]));
            }
            output = groups.values().iterator();
        }
        if (!output.hasNext()) {
            return null;
        }
        Group g = output.next();
        Object[] out = new Object[keys.length + functions.length];
        System.arraycopy(g.keyValues, 0, out, 0, keys.length);
        for (int i = 0; i < functions.length; i++) {
            out[keys.length + i] = g.accumulators[i].result();
        }
        return out;
    }

    private void accumulate(Group g, Object[] row) {
        for (int a = 0; a < functions.length; a++) {
            if (filters[a] != null && !Boolean.TRUE.equals(filters[a].eval(row, st))) {
                continue;
            }
            Eval[] ae = args[a];
            Object[] values = new Object[ae.length];
            boolean hasNull = false;
            for (int i = 0; i < ae.length; i++) {
                values[i] = ae[i].eval(row, st);
                hasNull |= values[i] == null;
            }
            if (hasNull && !functions[a].acceptsNulls()) {
                continue;
            }
            if (distinct[a] && !g.seen[a].add(new ValueKey(argTypes[a], values))) {
                continue;
            }
            g.accumulators[a].add(values);
        }
    }

    @Override
    public void close() {
        input.close();
    }
}
