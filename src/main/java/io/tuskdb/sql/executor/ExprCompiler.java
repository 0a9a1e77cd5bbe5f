package io.tuskdb.sql.executor;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.analyzer.BoundExpr;
import io.tuskdb.sql.analyzer.SpecialFunction;
import io.tuskdb.sql.functions.Operator;
import io.tuskdb.sql.functions.ScalarFunction;
import io.tuskdb.sql.planner.Planner;
import io.tuskdb.types.CastContext;
import io.tuskdb.types.Casts;
import io.tuskdb.types.PgType;

import java.time.LocalDateTime;
import java.util.List;

/** Compiles bound expressions, once per plan, into trees of small {@link Eval}s. */
public final class ExprCompiler {
    private ExprCompiler() {
    }

    public static Eval[] compileAll(List<? extends BoundExpr> exprs) {
        Eval[] out = new Eval[exprs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compile(exprs.get(i));
        }
        return out;
    }

    /** A predicate: null (no condition) compiles to null. */
    public static Eval compileNullable(BoundExpr e) {
        return e == null ? null : compile(e);
    }

    public static Eval compile(BoundExpr expr) {
        return switch (expr) {
            case BoundExpr.Const c -> {
                Object v = c.value();
                yield (row, st) -> v;
            }
            case BoundExpr.Param p -> {
                int i = p.index();
                yield (row, st) -> st.params[i];
            }
            case BoundExpr.Column c -> {
                int slot = c.slot();
                yield (row, st) -> row[slot];
            }
            case BoundExpr.OuterColumn c -> {
                int slot = c.slot();
                int levels = c.levelsUp();
                yield (row, st) -> st.outer(levels)[slot];
            }
            case BoundExpr.OpCall op -> compileOp(op);
            case BoundExpr.FuncCall f -> compileFunc(f.function(), compileAll(f.args()));
            case BoundExpr.Special s -> compileSpecial(s.function());
            case BoundExpr.Cast c -> compileCast(c);
            case BoundExpr.And a -> {
                Eval[] args = compileAll(a.args());
                yield (row, st) -> {
                    boolean sawNull = false;
                    for (Eval e : args) {
                        Object v = e.eval(row, st);
                        if (v == null) {
                            sawNull = true;
                        } else if (!(Boolean) v) {
                            return Boolean.FALSE;
                        }
                    }
                    return sawNull ? null : Boolean.TRUE;
                };
            }
            case BoundExpr.Or o -> {
                Eval[] args = compileAll(o.args());
                yield (row, st) -> {
                    boolean sawNull = false;
                    for (Eval e : args) {
                        Object v = e.eval(row, st);
                        if (v == null) {
                            sawNull = true;
                        } else if ((Boolean) v) {
                            return Boolean.TRUE;
                        }
                    }
                    return sawNull ? null : Boolean.FALSE;
                };
            }
            case BoundExpr.Not n -> {
                Eval arg = compile(n.arg());
                yield (row, st) -> {
                    Object v = arg.eval(row, st);
                    return v == null ? null : !(Boolean) v;
                };
            }
            case BoundExpr.IsNull n -> {
                Eval arg = compile(n.arg());
                boolean neg = n.negated();
                yield (row, st) -> (arg.eval(row, st) == null) != neg;
            }
            case BoundExpr.BoolTest b -> {
                Eval arg = compile(b.arg());
                Boolean want = b.value();
                boolean neg = b.negated();
                yield (row, st) -> java.util.Objects.equals(arg.eval(row, st), want) != neg;
            }
            case BoundExpr.DistinctFrom d -> {
                Eval l = compile(d.left());
                Eval r = compile(d.right());
                Operator eq = d.equals();
                boolean neg = d.negated();
                yield (row, st) -> {
                    Object a = l.eval(row, st);
                    Object b = r.eval(row, st);
                    boolean distinct;
                    if (a == null || b == null) {
                        distinct = (a == null) != (b == null);
                    } else {
                        distinct = !(Boolean) eq.apply(st.context, a, b);
                    }
                    return distinct != neg;
                };
            }
            case BoundExpr.Case c -> {
                Eval[] conds = new Eval[c.whens().size()];
                Eval[] results = new Eval[conds.length];
                for (int i = 0; i < conds.length; i++) {
                    conds[i] = compile(c.whens().get(i).condition());
                    results[i] = compile(c.whens().get(i).result());
                }
                Eval otherwise = c.otherwise() == null ? null : compile(c.otherwise());
                yield (row, st) -> {
                    for (int i = 0; i < conds.length; i++) {
                        if (Boolean.TRUE.equals(conds[i].eval(row, st))) {
                            return results[i].eval(row, st);
                        }
                    }
                    return otherwise == null ? null : otherwise.eval(row, st);
                };
            }
            case BoundExpr.Coalesce c -> {
                Eval[] args = compileAll(c.args());
                yield (row, st) -> {
                    for (Eval e : args) {
                        Object v = e.eval(row, st);
                        if (v != null) {
                            return v;
                        }
                    }
                    return null;
                };
            }
            case BoundExpr.NullIf n -> {
                Eval l = compile(n.left());
                Eval r = compile(n.right());
                Operator eq = n.equals();
                yield (row, st) -> {
                    Object a = l.eval(row, st);
                    Object b = r.eval(row, st);
                    if (a != null && b != null && (Boolean) eq.apply(st.context, a, b)) {
                        return null;
                    }
                    return a;
                };
            }
            case BoundExpr.MinMax m -> {
                Eval[] args = compileAll(m.args());
                PgType type = m.type();
                int sign = m.greatest() ? 1 : -1;
                yield (row, st) -> {
                    Object best = null;
                    for (Eval e : args) {
                        Object v = e.eval(row, st);
                        if (v != null && (best == null || sign * Casts.compare(type, v, best) > 0)) {
                            best = v;
                        }
                    }
                    return best;
                };
            }
            case BoundExpr.InList in -> {
                Eval arg = compile(in.arg());
                Eval[] items = compileAll(in.items());
                Operator[] eqs = in.equals().toArray(Operator[]::new);
                boolean neg = in.negated();
                yield (row, st) -> {
                    Object a = arg.eval(row, st);
                    if (a == null) {
                        return null;
                    }
                    boolean sawNull = false;
                    for (int i = 0; i < items.length; i++) {
                        Object b = items[i].eval(row, st);
                        if (b == null) {
                            sawNull = true;
                        } else if ((Boolean) eqs[i].apply(st.context, a, b)) {
                            return !neg;
                        }
                    }
                    return sawNull ? null : neg;
                };
            }
            case BoundExpr.Like l -> compileLike(l);
            case BoundExpr.ScalarSubquery s -> SubqueryEvals.scalar(Planner.planQuery(s.query()), s.correlated());
            case BoundExpr.Exists e -> SubqueryEvals.exists(Planner.planQuery(e.query()), e.negated(), e.correlated());
            case BoundExpr.InSubquery in -> SubqueryEvals.in(compile(in.arg()), in.equals(),
                    Planner.planQuery(in.query()), in.all(), in.negated(), in.correlated());
            case BoundExpr.Aggregate a -> throw new IllegalStateException("aggregate outside an Aggregate node");
        };
    }

    private static Eval compileOp(BoundExpr.OpCall op) {
        Operator o = op.operator();
        Eval r = compile(op.right());
        if (op.left() == null) {
            return (row, st) -> {
                Object b = r.eval(row, st);
                return b == null ? null : o.apply(st.context, null, b);
            };
        }
        Eval l = compile(op.left());
        return (row, st) -> {
            Object a = l.eval(row, st);
            if (a == null) {
                return null;
            }
            Object b = r.eval(row, st);
            return b == null ? null : o.apply(st.context, a, b);
        };
    }

    private static Eval compileFunc(ScalarFunction f, Eval[] args) {
        boolean strict = f.strict();
        return (row, st) -> {
            Object[] values = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                Object v = args[i].eval(row, st);
                if (v == null && strict) {
                    return null;
                }
                values[i] = v;
            }
            return f.call(st.context, values);
        };
    }

    private static Eval compileCast(BoundExpr.Cast c) {
        Eval arg = compile(c.arg());
        PgType from = c.arg().type();
        PgType to = c.type();
        int typmod = c.typmod();
        CastContext context = c.context();
        if (from == to) {
            if (typmod < 0) {
                return arg;
            }
            boolean explicit = context == CastContext.EXPLICIT;
            return (row, st) -> {
                Object v = arg.eval(row, st);
                return v == null ? null : Casts.applyTypmod(to, v, typmod, explicit);
            };
        }
        return (row, st) -> {
            Object v = arg.eval(row, st);
            return v == null ? null : Casts.cast(v, from, to, typmod, context, st.format);
        };
    }

    private static Eval compileSpecial(SpecialFunction f) {
        return switch (f) {
            case CURRENT_TIMESTAMP -> (row, st) -> transactionStart(st);
            case CURRENT_DATE -> (row, st) -> local(st).toLocalDate();
            case LOCALTIMESTAMP -> (row, st) -> local(st);
            case LOCALTIME, CURRENT_TIME -> (row, st) -> local(st).toLocalTime();
            case CURRENT_USER -> (row, st) -> st.context.currentUser();
            case SESSION_USER -> (row, st) -> st.context.sessionUser();
            case CURRENT_SCHEMA -> (row, st) -> {
                List<String> path = st.context.searchPath();
                return path.isEmpty() ? null : path.get(0);
            };
            case CURRENT_CATALOG -> (row, st) -> st.context.databaseName();
        };
    }

    private static LocalDateTime local(ExecState st) {
        return LocalDateTime.ofInstant(transactionStart(st), st.format.timeZone());
    }

    /** PostgreSQL timestamps are whole microseconds; the session clock may carry nanoseconds (now() truncates too). */
    private static java.time.Instant transactionStart(ExecState st) {
        return st.context.transactionStartTimestamp().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static Eval compileLike(BoundExpr.Like l) {
        Eval arg = compile(l.arg());
        boolean ci = l.caseInsensitive();
        boolean neg = l.negated();
        if (l.pattern() instanceof BoundExpr.Const p && p.value() != null
                && (l.escape() == null || l.escape() instanceof BoundExpr.Const e && e.value() != null)) {
            LikeMatcher m = LikeMatcher.compile((String) p.value(),
                    l.escape() == null ? null : (String) ((BoundExpr.Const) l.escape()).value(), ci);
            return (row, st) -> {
                Object v = arg.eval(row, st);
                return v == null ? null : m.matches((String) v) != neg;
            };
        }
        Eval pattern = compile(l.pattern());
        Eval escape = l.escape() == null ? null : compile(l.escape());
        return (row, st) -> {
            Object v = arg.eval(row, st);
            Object p = pattern.eval(row, st);
            Object e = escape == null ? null : escape.eval(row, st);
            if (v == null || p == null || (escape != null && e == null)) {
                return null;
            }
            return LikeMatcher.compile((String) p, (String) e, ci).matches((String) v) != neg;
        };
    }

    /** 22P02-style failures raised while evaluating keep PostgreSQL's wording; anything else is a bug. */
    static PgException cardinality() {
        return new PgException(SqlState.CARDINALITY_VIOLATION, "more than one row returned by a subquery used as an expression");
    }
}
