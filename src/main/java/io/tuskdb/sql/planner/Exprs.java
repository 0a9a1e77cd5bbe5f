package io.tuskdb.sql.planner;

import io.tuskdb.sql.analyzer.BoundExpr;
import io.tuskdb.sql.functions.Volatility;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.UnaryOperator;

/** Structural helpers over bound expressions used by the planner: slot shifting, slot sets, conjuncts. */
public final class Exprs {
    private Exprs() {
    }

    /** The expression with every column slot moved by {@code delta}. */
    public static BoundExpr shift(BoundExpr e, int delta) {
        if (delta == 0 || e == null) {
            return e;
        }
        return map(e, x -> x instanceof BoundExpr.Column c
                ? new BoundExpr.Column(c.slot() + delta, c.type(), c.typmod(), c.name(), c.tableOid(), c.attnum()) : null);
    }

    /** Rebuilds the tree bottom-up; {@code leaf} replaces a node when it returns non-null. Subqueries are opaque. */
    static BoundExpr map(BoundExpr e, UnaryOperator<BoundExpr> leaf) {
        if (e == null) {
            return null;
        }
        BoundExpr r = leaf.apply(e);
        if (r != null) {
            return r;
        }
        return switch (e) {
            case BoundExpr.Const c -> c;
            case BoundExpr.Param p -> p;
            case BoundExpr.Column c -> c;
            case BoundExpr.OuterColumn c -> c;
            case BoundExpr.Special s -> s;
            case BoundExpr.OpCall o -> new BoundExpr.OpCall(o.operator(), map(o.left(), leaf), map(o.right(), leaf));
            case BoundExpr.FuncCall f -> new BoundExpr.FuncCall(f.function(), mapAll(f.args(), leaf));
            case BoundExpr.Cast c -> new BoundExpr.Cast(map(c.arg(), leaf), c.type(), c.typmod(), c.context());
            case BoundExpr.And a -> new BoundExpr.And(mapAll(a.args(), leaf));
            case BoundExpr.Or o -> new BoundExpr.Or(mapAll(o.args(), leaf));
            case BoundExpr.Not n -> new BoundExpr.Not(map(n.arg(), leaf));
            case BoundExpr.IsNull n -> new BoundExpr.IsNull(map(n.arg(), leaf), n.negated());
            case BoundExpr.BoolTest b -> new BoundExpr.BoolTest(map(b.arg(), leaf), b.value(), b.negated());
            case BoundExpr.DistinctFrom d -> new BoundExpr.DistinctFrom(d.equals(), map(d.left(), leaf),
                    map(d.right(), leaf), d.negated());
            case BoundExpr.Case c -> {
                List<BoundExpr.When> whens = new ArrayList<>();
                for (BoundExpr.When w : c.whens()) {
                    whens.add(new BoundExpr.When(map(w.condition(), leaf), map(w.result(), leaf)));
                }
                yield new BoundExpr.Case(whens, map(c.otherwise(), leaf), c.type());
            }
            case BoundExpr.Coalesce c -> new BoundExpr.Coalesce(mapAll(c.args(), leaf), c.type());
            case BoundExpr.NullIf n -> new BoundExpr.NullIf(n.equals(), map(n.left(), leaf), map(n.right(), leaf));
            case BoundExpr.MinMax m -> new BoundExpr.MinMax(m.greatest(), mapAll(m.args(), leaf), m.type());
            case BoundExpr.InList in -> new BoundExpr.InList(map(in.arg(), leaf), in.equals(), mapAll(in.items(), leaf),
                    in.negated());
            case BoundExpr.Like l -> new BoundExpr.Like(map(l.arg(), leaf), map(l.pattern(), leaf), map(l.escape(), leaf),
                    l.caseInsensitive(), l.negated());
            case BoundExpr.ScalarSubquery s -> s;
            case BoundExpr.Exists x -> x;
            case BoundExpr.InSubquery in -> new BoundExpr.InSubquery(map(in.arg(), leaf), in.equals(), in.query(),
                    in.all(), in.negated(), in.correlated());
            case BoundExpr.Aggregate a -> new BoundExpr.Aggregate(a.function(), mapAll(a.args(), leaf), a.distinct(),
                    map(a.filter(), leaf));
        };
    }

    private static List<BoundExpr> mapAll(List<BoundExpr> list, UnaryOperator<BoundExpr> leaf) {
        List<BoundExpr> out = new ArrayList<>(list.size());
        for (BoundExpr e : list) {
            out.add(map(e, leaf));
        }
        return out;
    }

    /** The column slots an expression reads. */
    public static BitSet slots(BoundExpr e) {
        BitSet out = new BitSet();
        map(e, x -> {
            if (x instanceof BoundExpr.Column c) {
                out.set(c.slot());
                return x;
            }
            return null;
        });
        return out;
    }

    /** True when the value does not depend on the row and is the same all through a run (constants, $n, stable). */
    public static boolean rowIndependent(BoundExpr e) {
        boolean[] ok = {true};
        map(e, x -> {
            switch (x) {
                case BoundExpr.Column c -> ok[0] = false;
                case BoundExpr.FuncCall f -> {
                    if (f.function().volatility() == Volatility.VOLATILE) {
                        ok[0] = false;
                    }
                }
                case BoundExpr.ScalarSubquery s -> ok[0] = false;
                case BoundExpr.Exists s -> ok[0] = false;
                case BoundExpr.InSubquery s -> ok[0] = false;
                case BoundExpr.Aggregate a -> ok[0] = false;
                default -> {
                }
            }
            return null;
        });
        return ok[0];
    }

    /**
     * Whether the expression holds a correlated subquery: its outer references name slots of the full FROM row,
     * so it is evaluated there and not pushed down.
     */
    public static boolean hasCorrelatedSubquery(BoundExpr e) {
        boolean[] found = {false};
        map(e, x -> {
            switch (x) {
                case BoundExpr.ScalarSubquery s -> found[0] |= s.correlated();
                case BoundExpr.Exists s -> found[0] |= s.correlated();
                case BoundExpr.InSubquery s -> found[0] |= s.correlated();
                default -> {
                }
            }
            return null;
        });
        return found[0];
    }

    /** The AND-ed parts of a predicate. */
    public static List<BoundExpr> conjuncts(BoundExpr e) {
        List<BoundExpr> out = new ArrayList<>();
        if (e == null) {
            return out;
        }
        if (e instanceof BoundExpr.And a) {
            for (BoundExpr x : a.args()) {
                out.addAll(conjuncts(x));
            }
        } else {
            out.add(e);
        }
        return out;
    }

    /** AND of the parts, null for none. */
    public static BoundExpr and(List<BoundExpr> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        return parts.size() == 1 ? parts.get(0) : new BoundExpr.And(List.copyOf(parts));
    }
}
