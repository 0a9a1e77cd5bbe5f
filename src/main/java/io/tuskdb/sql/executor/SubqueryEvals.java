package io.tuskdb.sql.executor;

import io.tuskdb.sql.functions.Operator;
import io.tuskdb.sql.planner.PlanNode;

import java.util.ArrayList;
import java.util.List;

/** Uncorrelated subqueries in expressions: run once per execution, the result kept in the run's state. */
final class SubqueryEvals {
    private SubqueryEvals() {
    }

    static Eval scalar(PlanNode plan) {
        OpFactory f = PlanCompiler.compile(plan);
        Object none = new Object();
        return new Eval() {
            @Override
            public Object eval(Object[] row, ExecState st) {
                Object cached = st.subqueryResults.getOrDefault(this, none);
                if (cached != none) {
                    return cached;
                }
                Object value = null;
                try (RowSource src = f.open(st)) {
                    Object[] r = src.next();
                    if (r != null) {
                        value = r[0];
                        if (src.next() != null) {
                            throw ExprCompiler.cardinality();
                        }
                    }
                }
                st.subqueryResults.put(this, value);
                return value;
            }
        };
    }

    static Eval exists(PlanNode plan, boolean negated) {
        OpFactory f = PlanCompiler.compile(plan);
        return new Eval() {
            @Override
            public Object eval(Object[] row, ExecState st) {
                Object cached = st.subqueryResults.get(this);
                if (cached == null) {
                    try (RowSource src = f.open(st)) {
                        cached = src.next() != null;
                    }
                    st.subqueryResults.put(this, cached);
                }
                return (Boolean) cached != negated;
            }
        };
    }

    static Eval in(Eval arg, Operator equals, PlanNode plan, boolean negated) {
        OpFactory f = PlanCompiler.compile(plan);
        return new Eval() {
            @Override
            @SuppressWarnings("unchecked")
            public Object eval(Object[] row, ExecState st) {
                List<Object> values = (List<Object>) st.subqueryResults.get(this);
                if (values == null) {
                    values = new ArrayList<>();
                    try (RowSource src = f.open(st)) {
                        for (Object[] r; (r = src.next()) != null; ) {
                            st.context.checkForInterrupts();
                            values.add(r[0]);
                        }
                    }
                    st.subqueryResults.put(this, values);
                }
                Object a = arg.eval(row, st);
                if (values.isEmpty()) {
                    return negated;
                }
                if (a == null) {
                    return null;
                }
                boolean sawNull = false;
                for (Object b : values) {
                    if (b == null) {
                        sawNull = true;
                    } else if ((Boolean) equals.apply(a, b)) {
                        return !negated;
                    }
                }
                return sawNull ? null : negated;
            }
        };
    }
}
