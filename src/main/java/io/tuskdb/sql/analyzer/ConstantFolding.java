package io.tuskdb.sql.analyzer;

import io.tuskdb.sql.functions.Volatility;
import io.tuskdb.types.CastContext;
import io.tuskdb.types.Casts;
import io.tuskdb.types.PgType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Evaluates immutable operators, functions and casts over constants when the statement is analysed, as
 * PostgreSQL's eval_const_expressions does at plan time: {@code id = 2 + 3} is a key lookup on 5. Limited to types whose operations cannot depend on session settings
 * (no dates, times or intervals), so a plan stays valid when TimeZone or DateStyle change.
 */
final class ConstantFolding {
    private ConstantFolding() {
    }

    private static final Set<PgType> SETTING_FREE = EnumSet.of(PgType.BOOL, PgType.INT2, PgType.INT4, PgType.INT8,
            PgType.NUMERIC, PgType.FLOAT4, PgType.FLOAT8, PgType.TEXT, PgType.VARCHAR, PgType.BPCHAR, PgType.NAME,
            PgType.BYTEA, PgType.UUID, PgType.OID, PgType.CHAR);

    /**
     * The expression, evaluated now when it is an immutable call over constants. A call whose evaluation fails
     * stays as it is and its error is deferred ({@link AnalyzerContext#deferFoldError}): PostgreSQL simplifies
     * CASE, COALESCE, AND and OR around it first ({@link #simplified}), and only an error in a part that survives
     * that is raised when the statement is planned.
     */
    static BoundExpr fold(AnalyzerContext actx, BoundExpr e) {
        try {
            return evaluate(actx, e);
        } catch (io.tuskdb.error.PgException failed) {
            actx.deferFoldError(e, failed);
            return e;
        }
    }

    /**
     * Simplifies AND, OR, CASE and COALESCE on their constant parts as eval_const_expressions does, and forgets the
     * deferred errors of the parts it drops unevaluated: AND arguments next to a constant false (true ones vanish),
     * OR arguments next to a constant true (false ones vanish), CASE arms whose WHEN is a constant false or NULL
     * and everything after a constant true WHEN (which then gives the result), COALESCE arguments after the first
     * non-null constant (NULL constants vanish). The simpler tree also gives PostgreSQL's result typmods
     * ({@code CASE WHEN true THEN v END} is v).
     */
    static BoundExpr simplified(AnalyzerContext actx, BoundExpr e) {
        List<BoundExpr> kept = new ArrayList<>();
        List<BoundExpr> dropped = new ArrayList<>();
        BoundExpr result = switch (e) {
            case BoundExpr.And a -> shortCircuit(a.args(), false, kept, dropped);
            case BoundExpr.Or o -> shortCircuit(o.args(), true, kept, dropped);
            case BoundExpr.Coalesce c -> {
                List<BoundExpr> args = new ArrayList<>();
                boolean reached = false;
                for (BoundExpr arg : c.args()) {
                    if (reached) {
                        dropped.add(arg);
                        continue;
                    }
                    kept.add(arg);
                    if (arg instanceof BoundExpr.Const k && k.value() == null) {
                        continue;
                    }
                    args.add(arg);
                    reached = arg instanceof BoundExpr.Const;
                }
                // a leading non-null constant is the result; otherwise the COALESCE stays, even with one argument
                yield args.isEmpty() ? BoundExpr.Const.nullOf(c.type())
                        : args.get(0) instanceof BoundExpr.Const ? args.get(0)
                        : args.size() == c.args().size() ? c : new BoundExpr.Coalesce(args, c.type());
            }
            case BoundExpr.Case c -> {
                List<BoundExpr.When> whens = new ArrayList<>();
                BoundExpr otherwise = c.otherwise() == null ? BoundExpr.Const.nullOf(c.type()) : c.otherwise();
                boolean reached = false;
                for (BoundExpr.When w : c.whens()) {
                    if (reached) {
                        dropped.add(w.condition());
                        dropped.add(w.result());
                        continue;
                    }
                    kept.add(w.condition());
                    if (w.condition() instanceof BoundExpr.Const k && k.type() == PgType.BOOL) {
                        if (Boolean.TRUE.equals(k.value())) {
                            kept.add(w.result());
                            if (c.otherwise() != null) {
                                dropped.add(c.otherwise());
                            }
                            otherwise = w.result();
                            reached = true;
                        } else {
                            dropped.add(w.result());
                        }
                        continue;
                    }
                    kept.add(w.result());
                    whens.add(w);
                }
                if (!reached && c.otherwise() != null) {
                    kept.add(c.otherwise());
                }
                if (whens.isEmpty()) {
                    yield otherwise;
                }
                yield whens.size() == c.whens().size() && otherwise == c.otherwise() ? c
                        : new BoundExpr.Case(whens, otherwise, c.type());
            }
            default -> e;
        };
        if (!dropped.isEmpty() && actx.hasDeferredFoldErrors()) {
            Set<BoundExpr> keep = Collections.newSetFromMap(new IdentityHashMap<>());
            kept.forEach(k -> nodes(k, keep));
            Set<BoundExpr> drop = Collections.newSetFromMap(new IdentityHashMap<>());
            dropped.forEach(d -> nodes(d, drop));
            drop.removeAll(keep); // a simple CASE's operand is shared by its arms
            actx.forgetFoldErrors(drop);
        }
        return result;
    }

    /** simplify_and_arguments / simplify_or_arguments: {@code decisive} is false for AND, true for OR. */
    private static BoundExpr shortCircuit(List<BoundExpr> args, boolean decisive, List<BoundExpr> kept,
                                          List<BoundExpr> dropped) {
        if (args.stream().anyMatch(a -> a instanceof BoundExpr.Const k && k.type() == PgType.BOOL
                && Boolean.valueOf(decisive).equals(k.value()))) {
            dropped.addAll(args);
            return new BoundExpr.Const(decisive, PgType.BOOL, -1);
        }
        kept.addAll(args);
        List<BoundExpr> rest = new ArrayList<>();
        boolean sawNull = false;
        for (BoundExpr a : args) {
            if (a instanceof BoundExpr.Const k && k.type() == PgType.BOOL) {
                sawNull |= k.value() == null;
                continue; // the neutral constant vanishes; a NULL is kept once, at the end
            }
            rest.add(a);
        }
        if (sawNull) {
            rest.add(BoundExpr.Const.nullOf(PgType.BOOL));
        }
        if (rest.isEmpty()) {
            return new BoundExpr.Const(!decisive, PgType.BOOL, -1);
        }
        if (rest.size() == 1) {
            return rest.get(0);
        }
        if (rest.size() == args.size()) {
            return decisive ? new BoundExpr.Or(args) : new BoundExpr.And(args);
        }
        return decisive ? new BoundExpr.Or(rest) : new BoundExpr.And(rest);
    }

    /** Every node of the tree into {@code into} (subqueries are opaque: their own errors stay). */
    private static void nodes(BoundExpr e, Set<BoundExpr> into) {
        if (e == null || !into.add(e)) {
            return;
        }
        switch (e) {
            case BoundExpr.Const c -> {
            }
            case BoundExpr.Param p -> {
            }
            case BoundExpr.Column c -> {
            }
            case BoundExpr.OuterColumn c -> {
            }
            case BoundExpr.Special s -> {
            }
            case BoundExpr.ScalarSubquery s -> {
            }
            case BoundExpr.Exists x -> {
            }
            case BoundExpr.OpCall o -> {
                nodes(o.left(), into);
                nodes(o.right(), into);
            }
            case BoundExpr.FuncCall f -> f.args().forEach(a -> nodes(a, into));
            case BoundExpr.Cast c -> nodes(c.arg(), into);
            case BoundExpr.And a -> a.args().forEach(x -> nodes(x, into));
            case BoundExpr.Or o -> o.args().forEach(x -> nodes(x, into));
            case BoundExpr.Not n -> nodes(n.arg(), into);
            case BoundExpr.IsNull n -> nodes(n.arg(), into);
            case BoundExpr.BoolTest b -> nodes(b.arg(), into);
            case BoundExpr.DistinctFrom d -> {
                nodes(d.left(), into);
                nodes(d.right(), into);
            }
            case BoundExpr.Case c -> {
                for (BoundExpr.When w : c.whens()) {
                    nodes(w.condition(), into);
                    nodes(w.result(), into);
                }
                nodes(c.otherwise(), into);
            }
            case BoundExpr.Coalesce c -> c.args().forEach(x -> nodes(x, into));
            case BoundExpr.NullIf n -> {
                nodes(n.left(), into);
                nodes(n.right(), into);
            }
            case BoundExpr.MinMax m -> m.args().forEach(x -> nodes(x, into));
            case BoundExpr.InList in -> {
                nodes(in.arg(), into);
                in.items().forEach(x -> nodes(x, into));
            }
            case BoundExpr.Like l -> {
                nodes(l.arg(), into);
                nodes(l.pattern(), into);
                nodes(l.escape(), into);
            }
            case BoundExpr.InSubquery in -> nodes(in.arg(), into);
            case BoundExpr.Aggregate a -> {
                a.args().forEach(x -> nodes(x, into));
                nodes(a.filter(), into);
            }
        }
    }

    private static BoundExpr evaluate(AnalyzerContext actx, BoundExpr e) {
        return switch (e) {
            case BoundExpr.OpCall o when constant(o.left(), true) && constant(o.right(), false)
                    && SETTING_FREE.contains(o.type()) -> {
                Object l = o.left() == null ? null : ((BoundExpr.Const) o.left()).value();
                Object r = ((BoundExpr.Const) o.right()).value();
                boolean isNull = r == null || (o.left() != null && l == null);
                yield new BoundExpr.Const(isNull ? null : o.operator().apply(actx.context, l, r), o.type(), -1);
            }
            case BoundExpr.FuncCall f when f.function().volatility() == Volatility.IMMUTABLE
                    && SETTING_FREE.contains(f.type()) && f.args().stream().allMatch(a -> constant(a, false)) -> {
                Object[] args = new Object[f.args().size()];
                boolean anyNull = false;
                for (int i = 0; i < args.length; i++) {
                    args[i] = ((BoundExpr.Const) f.args().get(i)).value();
                    anyNull |= args[i] == null;
                }
                yield new BoundExpr.Const(anyNull && f.function().strict() ? null
                        : f.function().call(actx.context, args), f.type(), -1);
            }
            case BoundExpr.Cast c when constant(c.arg(), false) && SETTING_FREE.contains(c.type()) -> {
                Object v = ((BoundExpr.Const) c.arg()).value();
                if (v != null) {
                    v = c.arg().type() == c.type()
                            ? Casts.applyTypmod(c.type(), v, c.typmod(), c.context() == CastContext.EXPLICIT)
                            : Casts.cast(v, c.arg().type(), c.type(), c.typmod(), c.context(),
                            actx.context.formatSettings());
                }
                yield new BoundExpr.Const(v, c.type(), c.typmod());
            }
            default -> e;
        };
    }

    /** A typed constant of a setting-free type (a prefix operator's absent left operand counts when allowed). */
    private static boolean constant(BoundExpr e, boolean absentAllowed) {
        if (e == null) {
            return absentAllowed;
        }
        return e instanceof BoundExpr.Const c && c.type() != PgType.UNKNOWN && SETTING_FREE.contains(c.type());
    }
}
