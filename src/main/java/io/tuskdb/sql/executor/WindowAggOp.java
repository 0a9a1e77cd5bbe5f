package io.tuskdb.sql.executor;

import io.tuskdb.sql.analyzer.BoundQuery;
import io.tuskdb.sql.functions.AggregateFunction;
import io.tuskdb.types.PgType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WindowAgg (nodeWindowAgg.c, default frame): materialises its input, then per window function splits the rows
 * into partitions, orders each, and computes row_number / rank / dense_rank or a running aggregate over the rows
 * up to the current row's last peer (the whole partition without ORDER BY). Rows come out in input order, each
 * followed by its window values.
 */
final class WindowAggOp implements RowSource {
    /** One compiled window function. */
    record Spec(BoundQuery.WindowKind kind, AggregateFunction aggregate, Eval[] args, Eval[] partition,
                PgType[] partitionTypes, Eval[] order, Comparator<Object[]> orderComparator) {
        static Spec compile(BoundQuery.Window w) {
            int n = w.orderBy().size();
            int[] cols = new int[n];
            PgType[] types = new PgType[n];
            boolean[] desc = new boolean[n];
            boolean[] nullsFirst = new boolean[n];
            for (int i = 0; i < n; i++) {
                cols[i] = i;
                types[i] = w.orderBy().get(i).type();
                desc[i] = w.orderKeys().get(i).descending();
                nullsFirst[i] = w.orderKeys().get(i).nullsFirst();
            }
            return new Spec(w.kind(), w.aggregate(), ExprCompiler.compileAll(w.args()),
                    ExprCompiler.compileAll(w.partitionBy()),
                    w.partitionBy().stream().map(e -> e.type()).toArray(PgType[]::new), ExprCompiler.compileAll(w.orderBy()),
                    SortOp.comparator(cols, types, desc, nullsFirst));
        }
    }

    private final ExecState st;
    private final RowSource input;
    private final Spec[] specs;
    private List<Object[]> rows;
    private int pos;

    WindowAggOp(ExecState st, RowSource input, Spec[] specs) {
        this.st = st;
        this.input = input;
        this.specs = specs;
    }

    @Override
    public Object[] next() {
        if (rows == null) {
            compute();
        }
        return pos < rows.size() ? rows.get(pos++) : null;
    }

    private void compute() {
        List<Object[]> in = new ArrayList<>();
        for (Object[] r; (r = input.next()) != null; ) {
            st.context.checkForInterrupts();
            in.add(r);
        }
        Object[][] values = new Object[in.size()][specs.length];
        for (int w = 0; w < specs.length; w++) {
            Spec spec = specs[w];
            Map<ValueKey, List<Integer>> partitions = new LinkedHashMap<>();
            Object[][] orderValues = new Object[in.size()][];
            for (int i = 0; i < in.size(); i++) {
                partitions.computeIfAbsent(new ValueKey(spec.partitionTypes(),
                                PlanCompiler.project(spec.partition(), in.get(i), st)),
                        k -> new ArrayList<>()).add(i);
                orderValues[i] = PlanCompiler.project(spec.order(), in.get(i), st);
            }
            for (List<Integer> part : partitions.values()) {
                part.sort((a, b) -> spec.orderComparator().compare(orderValues[a], orderValues[b]));
                evaluate(spec, w, part, in, orderValues, values);
            }
        }
        rows = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            Object[] r = in.get(i);
            Object[] out = new Object[r.length + specs.length];
            System.arraycopy(r, 0, out, 0, r.length);
            System.arraycopy(values[i], 0, out, r.length, specs.length);
            rows.add(out);
        }
    }

    private void evaluate(Spec spec, int w, List<Integer> part, List<Object[]> in, Object[][] orderValues,
                          Object[][] values) {
        boolean ordered = spec.order().length > 0;
        AggregateFunction.Accumulator acc = spec.aggregate() == null ? null : spec.aggregate().start();
        if (acc != null && !ordered) {
            for (int i : part) {
                add(spec, acc, in.get(i));
            }
            Object result = acc.result();
            for (int i : part) {
                values[i][w] = result;
            }
            return;
        }
        long rank = 0;
        long dense = 0;
        int p = 0;
        while (p < part.size()) {
            // the peer group: rows equal in the ORDER BY values
            int end = p + 1;
            while (end < part.size()
                    && spec.orderComparator().compare(orderValues[part.get(p)], orderValues[part.get(end)]) == 0) {
                end++;
            }
            dense++;
            rank = p + 1;
            if (acc != null) {
                for (int k = p; k < end; k++) {
                    add(spec, acc, in.get(part.get(k)));
                }
            }
            Object groupValue = acc == null ? null : acc.result();
            for (int k = p; k < end; k++) {
                values[part.get(k)][w] = switch (spec.kind()) {
                    case ROW_NUMBER -> (long) (k + 1);
                    case RANK -> rank;
                    case DENSE_RANK -> dense;
                    case AGGREGATE -> groupValue;
                };
            }
            p = end;
        }
    }

    private void add(Spec spec, AggregateFunction.Accumulator acc, Object[] row) {
        Object[] args = PlanCompiler.project(spec.args(), row, st);
        if (!spec.aggregate().acceptsNulls()) {
            for (Object a : args) {
                if (a == null) {
                    return;
                }
            }
        }
        acc.add(args);
    }

    @Override
    public void close() {
        input.close();
    }
}
