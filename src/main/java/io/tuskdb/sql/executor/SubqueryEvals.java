package io.tuskdb.sql.executor;

import io.tuskdb.sql.functions.Operator;
import io.tuskdb.sql.planner.PlanNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Subqueries in expressions. An uncorrelated one runs once per execution, its result kept in the run's state; a
 * correlated one runs for each outer row, which it reads through the run's outer-row stack.
 */
final class SubqueryEvals {
    private SubqueryEvals() {
    }

    /** Evaluates {@code body} over the subquery's rows: cached once per run, or per outer row when correlated. */
    private static Eval run(PlanNode plan, boolean correlated, Function<RowSource, Object> body) {
        OpFactory f = PlanCompiler.compile(plan);
        Object none = new Object();
        return new Eval() {
            @Override
            public Object eval(Object[] row, ExecState st) {
                if (correlated) {
                    st.pushOuter(row);
                    try (RowSource src = f.open(st)) {
                        return body.apply(src);
                    } finally {
                        st.popOuter();
                    }
                }
                Object cached = st.subqueryResults.getOrDefault(this, none);
                if (cached == none) {
                    try (RowSource src = f.open(st)) {
                        cached = body.apply(src);
                    }
                    st.subqueryResults.put(this, cached);
                }
                return cached;
            }
        };
    }

    static Eval scalar(PlanNode plan, boolean correlated) {
        return run(plan, correlated, src -> {
            Object[] r = src.next();
            if (r == null) {
                return null;
            }
            if (src.next() != null) {
                throw ExprCompiler.cardinality();
            }
            return r[0];
        });
    }

    static Eval exists(PlanNode plan, boolean negated, boolean correlated) {
        Eval found = run(plan, correlated, src -> src.next() != null);
        return (row, st) -> (Boolean) found.eval(row, st) != negated;
    }

    /** x op ANY|ALL (subquery): ANY is true on the first true comparison, ALL false on the first false one. */
    static Eval in(Eval arg, Operator op, PlanNode plan, boolean all, boolean negated, boolean correlated) {
        Eval values = run(plan, correlated, src -> {
            List<Object> out = new ArrayList<>();
            for (Object[] r; (r = src.next()) != null; ) {
                out.add(r[0]);
            }
            return out;
        });
        return (row, st) -> {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) values.eval(row, st);
            if (list.isEmpty()) {
                return all != negated;
            }
            Object a = arg.eval(row, st);
            if (a == null) {
                return null;
            }
            boolean sawNull = false;
            for (Object b : list) {
                if (b == null) {
                    sawNull = true;
                } else if ((Boolean) op.apply(a, b) != all) {
                    return !all != negated;
                }
            }
            return sawNull ? null : all != negated;
        };
    }
}
