package io.tuskdb.sql.executor;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.analyzer.BoundExpr;
import io.tuskdb.sql.analyzer.BoundQuery;
import io.tuskdb.sql.functions.AggregateFunction;
import io.tuskdb.sql.planner.PlanNode;
import io.tuskdb.storage.KeyRange;
import io.tuskdb.storage.TableLayout;
import io.tuskdb.types.PgType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Compiles a plan, once, into {@link OpFactory}s whose expressions are compiled {@link Eval}s. */
public final class PlanCompiler {
    private PlanCompiler() {
    }

    public static OpFactory compile(PlanNode node) {
        return switch (node) {
            case PlanNode.Series s -> {
                Eval[] args = ExprCompiler.compileAll(s.args());
                yield st -> new SeriesOp(st, s.type(), project(args, null, st));
            }
            case PlanNode.Result r -> st -> new RowSource() {
                private boolean done;

                @Override
                public Object[] next() {
                    if (done) {
                        return null;
                    }
                    done = true;
                    return new Object[0];
                }
            };
            case PlanNode.Values v -> {
                Eval[][] rows = new Eval[v.rows().size()][];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = ExprCompiler.compileAll(v.rows().get(i));
                }
                yield st -> new RowSource() {
                    private int pos;

                    @Override
                    public Object[] next() {
                        return pos < rows.length ? project(rows[pos++], null, st) : null;
                    }
                };
            }
            case PlanNode.Scan s -> {
                TableLayout layout = s.table().layout();
                Eval filter = ExprCompiler.compileNullable(recheck(s.keys(), s.filter()));
                KeyRanges ranges = s.keys() == null ? null : new KeyRanges(s.table(), s.keys());
                yield st -> new ScanOp(st, layout, ranges == null ? List.of(KeyRange.ALL) : ranges.evaluate(st), filter,
                        s.lock());
            }
            case PlanNode.Filter f -> {
                OpFactory input = compile(f.input());
                Eval cond = ExprCompiler.compile(f.condition());
                yield st -> {
                    RowSource in = input.open(st);
                    return new RowSource() {
                        @Override
                        public Object[] next() {
                            for (Object[] r; (r = in.next()) != null; ) {
                                if (Boolean.TRUE.equals(cond.eval(r, st))) {
                                    return r;
                                }
                            }
                            return null;
                        }

                        @Override
                        public void close() {
                            in.close();
                        }
                    };
                };
            }
            case PlanNode.Project p -> {
                OpFactory input = compile(p.input());
                Eval[] exprs = ExprCompiler.compileAll(p.exprs());
                yield st -> {
                    RowSource in = input.open(st);
                    return new RowSource() {
                        @Override
                        public Object[] next() {
                            Object[] r = in.next();
                            return r == null ? null : project(exprs, r, st);
                        }

                        @Override
                        public void close() {
                            in.close();
                        }
                    };
                };
            }
            case PlanNode.NestedLoop j -> {
                OpFactory left = compile(j.left());
                OpFactory right = compile(j.right());
                Eval cond = ExprCompiler.compileNullable(j.condition());
                yield st -> new JoinOp(st, j.kind(), left.open(st), right.open(st), j.leftWidth(), j.rightWidth(), cond);
            }
            case PlanNode.HashJoin j -> {
                OpFactory left = compile(j.left());
                OpFactory right = compile(j.right());
                Eval[] lk = ExprCompiler.compileAll(j.leftKeys());
                Eval[] rk = ExprCompiler.compileAll(j.rightKeys());
                Eval residual = ExprCompiler.compileNullable(j.residual());
                PgType[] keyTypes = j.leftKeys().stream().map(BoundExpr::type).toArray(PgType[]::new);
                yield st -> new HashJoinOp(st, j.kind(), left.open(st), right.open(st), j.leftWidth(), j.rightWidth(),
                        lk, rk, residual, keyTypes);
            }
            case PlanNode.Aggregate a -> {
                OpFactory input = compile(a.input());
                Eval[] keys = ExprCompiler.compileAll(a.groupKeys());
                int n = a.aggregates().size();
                AggregateFunction[] functions = new AggregateFunction[n];
                Eval[][] args = new Eval[n][];
                boolean[] distinct = new boolean[n];
                Eval[] filters = new Eval[n];
                for (int i = 0; i < n; i++) {
                    BoundExpr.Aggregate agg = a.aggregates().get(i);
                    functions[i] = agg.function();
                    args[i] = ExprCompiler.compileAll(agg.args());
                    distinct[i] = agg.distinct();
                    filters[i] = ExprCompiler.compileNullable(agg.filter());
                }
                PgType[] keyTypes = a.groupKeys().stream().map(BoundExpr::type).toArray(PgType[]::new);
                PgType[][] argTypes = a.aggregates().stream()
                        .map(agg -> agg.args().stream().map(BoundExpr::type).toArray(PgType[]::new))
                        .toArray(PgType[][]::new);
                yield st -> new AggregateOp(st, input.open(st), keys, keyTypes, functions, args, argTypes, distinct,
                        filters);
            }
            case PlanNode.ProjectSet p -> {
                OpFactory input = compile(p.input());
                Eval[][] args = p.functions().stream().map(f -> ExprCompiler.compileAll(f.args())).toArray(Eval[][]::new);
                PgType[] types = p.functions().stream().map(f -> f.type()).toArray(PgType[]::new);
                yield st -> new ProjectSetOp(st, input.open(st), args, types);
            }
            case PlanNode.WindowAgg w -> {
                OpFactory input = compile(w.input());
                WindowAggOp.Spec[] specs = w.windows().stream().map(WindowAggOp.Spec::compile)
                        .toArray(WindowAggOp.Spec[]::new);
                yield st -> new WindowAggOp(st, input.open(st), specs);
            }
            case PlanNode.Sort s -> {
                OpFactory input = compile(s.input());
                int k = s.keys().size();
                int[] cols = new int[k];
                boolean[] desc = new boolean[k];
                boolean[] nullsFirst = new boolean[k];
                for (int i = 0; i < k; i++) {
                    BoundQuery.SortKey key = s.keys().get(i);
                    cols[i] = key.index();
                    desc[i] = key.descending();
                    nullsFirst[i] = key.nullsFirst();
                }
                Comparator<Object[]> cmp = SortOp.comparator(cols, s.keyTypes().toArray(PgType[]::new), desc, nullsFirst);
                yield st -> new SortOp(st, input.open(st), cmp);
            }
            case PlanNode.Distinct d -> {
                OpFactory input = compile(d.input());
                int[] keys = d.keys() == null ? null : d.keys().stream().mapToInt(Integer::intValue).toArray();
                PgType[] keyTypes = d.types().toArray(PgType[]::new);
                yield st -> {
                    RowSource in = input.open(st);
                    Set<ValueKey> seen = new HashSet<>();
                    return new RowSource() {
                        @Override
                        public Object[] next() {
                            for (Object[] r; (r = in.next()) != null; ) {
                                st.context.checkForInterrupts();
                                if (seen.add(new ValueKey(keyTypes, keys == null ? r : pick(r, keys)))) {
                                    return r;
                                }
                            }
                            return null;
                        }

                        @Override
                        public void close() {
                            in.close();
                        }
                    };
                };
            }
            case PlanNode.Limit l -> {
                OpFactory input = compile(l.input());
                Eval limit = ExprCompiler.compileNullable(l.limit());
                Eval offset = ExprCompiler.compileNullable(l.offset());
                yield st -> limit(st, input.open(st), limit, offset);
            }
            case PlanNode.SetOp s -> {
                OpFactory left = compile(s.left());
                OpFactory right = compile(s.right());
                PgType[] types = s.types().toArray(PgType[]::new);
                yield st -> new SetOpOp(st, s.kind(), s.all(), left.open(st), right.open(st), types);
            }
            case PlanNode.Insert i -> {
                OpFactory source = compile(i.source());
                TableLayout layout = i.table().layout();
                Eval[] returning = i.returning() == null ? null : ExprCompiler.compileAll(i.returning());
                InsertOp.Conflict conflict = InsertOp.Conflict.compile(i.onConflict());
                // INSERT ... SELECT from the target itself must not see its own new rows: read them all first
                boolean materialize = reads(i.source(), i.table().oid());
                yield st -> new InsertOp(st, i.table(), layout,
                        materialize ? materialized(st, source.open(st)) : source.open(st), conflict, returning);
            }
            case PlanNode.Update u -> {
                OpFactory scan = u.joined() != null ? compile(u.joined())
                        : compile(new PlanNode.Scan(u.table(), u.alias(), u.keys(), u.filter()));
                TableLayout layout = u.table().layout();
                Eval[] assignments = new Eval[u.assignments().size()];
                for (int c = 0; c < assignments.length; c++) {
                    BoundExpr e = u.assignments().get(c);
                    assignments[c] = e == null ? null : ExprCompiler.compile(e);
                }
                Eval[] returning = u.returning() == null ? null : ExprCompiler.compileAll(u.returning());
                yield st -> new UpdateOp(st, u.table(), layout, scan.open(st), assignments, returning);
            }
            case PlanNode.Delete d -> {
                OpFactory scan = d.joined() != null ? compile(d.joined())
                        : compile(new PlanNode.Scan(d.table(), d.alias(), d.keys(), d.filter()));
                TableLayout layout = d.table().layout();
                Eval[] returning = d.returning() == null ? null : ExprCompiler.compileAll(d.returning());
                yield st -> new UpdateOp(st, d.table(), layout, scan.open(st), null, returning);
            }
        };
    }

    /** The scan's full filter: the key condition is re-checked (ranges may have widened at run time). */
    private static BoundExpr recheck(PlanNode.KeyAccess keys, BoundExpr filter) {
        if (keys == null || keys.condition() == null) {
            return filter;
        }
        if (filter == null) {
            return keys.condition();
        }
        List<BoundExpr> both = new ArrayList<>();
        both.add(keys.condition());
        both.add(filter);
        return new BoundExpr.And(both);
    }

    /** Whether a plan scans the table (subqueries in expressions aside). */
    static boolean reads(PlanNode node, int tableOid) {
        return switch (node) {
            case PlanNode.Scan s -> s.table().oid() == tableOid;
            case PlanNode.Result r -> false;
            case PlanNode.Values v -> false;
            case PlanNode.Series s -> false;
            case PlanNode.Filter f -> reads(f.input(), tableOid);
            case PlanNode.Project p -> reads(p.input(), tableOid);
            case PlanNode.NestedLoop j -> reads(j.left(), tableOid) || reads(j.right(), tableOid);
            case PlanNode.HashJoin j -> reads(j.left(), tableOid) || reads(j.right(), tableOid);
            case PlanNode.Aggregate a -> reads(a.input(), tableOid);
            case PlanNode.WindowAgg w -> reads(w.input(), tableOid);
            case PlanNode.ProjectSet p -> reads(p.input(), tableOid);
            case PlanNode.Sort s -> reads(s.input(), tableOid);
            case PlanNode.Distinct d -> reads(d.input(), tableOid);
            case PlanNode.Limit l -> reads(l.input(), tableOid);
            case PlanNode.SetOp s -> reads(s.left(), tableOid) || reads(s.right(), tableOid);
            case PlanNode.Insert i -> true;
            case PlanNode.Update u -> true;
            case PlanNode.Delete d -> true;
        };
    }

    private static RowSource materialized(ExecState st, RowSource in) {
        java.util.List<Object[]> rows = new ArrayList<>();
        for (Object[] r; (r = in.next()) != null; ) {
            st.context.checkForInterrupts();
            rows.add(r);
        }
        in.close();
        java.util.Iterator<Object[]> it = rows.iterator();
        return () -> it.hasNext() ? it.next() : null;
    }

    private static Object[] pick(Object[] row, int[] keys) {
        Object[] out = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = row[keys[i]];
        }
        return out;
    }

    static Object[] project(Eval[] exprs, Object[] row, ExecState st) {
        Object[] out = new Object[exprs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = exprs[i].eval(row, st);
        }
        return out;
    }

    private static RowSource limit(ExecState st, RowSource in, Eval limitEval, Eval offsetEval) {
        Object lv = limitEval == null ? null : limitEval.eval(null, st);
        Object ov = offsetEval == null ? null : offsetEval.eval(null, st);
        long limit = lv == null ? Long.MAX_VALUE : ((Number) lv).longValue();
        long offset = ov == null ? 0 : ((Number) ov).longValue();
        if (limit < 0) {
            throw new PgException(SqlState.INVALID_ROW_COUNT_IN_LIMIT_CLAUSE, "LIMIT must not be negative");
        }
        if (offset < 0) {
            throw new PgException(SqlState.INVALID_ROW_COUNT_IN_RESULT_OFFSET_CLAUSE, "OFFSET must not be negative");
        }
        return new RowSource() {
            private long skipped;
            private long returned;

            @Override
            public Object[] next() {
                if (returned >= limit) {
                    return null;
                }
                while (skipped < offset) {
                    if (in.next() == null) {
                        return null;
                    }
                    skipped++;
                }
                Object[] r = in.next();
                if (r != null) {
                    returned++;
                }
                return r;
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }
}
