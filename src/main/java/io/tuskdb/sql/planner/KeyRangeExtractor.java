package io.tuskdb.sql.planner;

import io.tuskdb.catalog.TableDescriptor;
import io.tuskdb.sql.analyzer.BoundExpr;
import io.tuskdb.sql.functions.Builtins;
import io.tuskdb.sql.functions.Operator;
import io.tuskdb.types.PgType;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds primary-key access in a scan's predicate (indxpath.c, much simplified): equalities on a prefix of the key,
 * then one range (&lt;, &lt;=, &gt;, &gt;=) on the next column, or an IN list on the next column (several point
 * lookups). Comparisons qualify when one side is the bare key column and the other is row-independent and of the
 * column's type or of another integer / string type that converts exactly at run time.
 */
public final class KeyRangeExtractor {
    private KeyRangeExtractor() {
    }

    /** @param keys null when the predicate gives no key access; {@code residual} is the rest of it */
    public record Result(PlanNode.KeyAccess keys, BoundExpr residual) {
    }

    private record Comparison(BoundExpr original, BoundExpr conjunct, int column, String op, BoundExpr value) {
    }

    public static Result extract(TableDescriptor table, BoundExpr predicate) {
        int[] pk = table.primaryKey();
        List<BoundExpr> conjuncts = Exprs.conjuncts(predicate);
        if (pk.length == 0 || conjuncts.isEmpty()) {
            return new Result(null, predicate);
        }
        List<Comparison> comparisons = new ArrayList<>();
        List<BoundExpr.InList> ins = new ArrayList<>();
        for (BoundExpr c : conjuncts) {
            Comparison cmp = comparison(table, c);
            if (cmp != null) {
                comparisons.add(cmp);
            } else if (c instanceof BoundExpr.InList in && !in.negated() && keyColumn(table, in.arg()) >= 0
                    && in.items().stream().allMatch(i -> Exprs.rowIndependent(i) && compatible(i.type(), in.arg().type()))) {
                ins.add(in);
            }
        }
        List<BoundExpr> used = new ArrayList<>();
        List<BoundExpr> usedOriginals = new ArrayList<>();
        List<BoundExpr> prefix = new ArrayList<>();
        List<PlanNode.KeyRangeSpec> ranges = null;
        for (int k = 0; k < pk.length && ranges == null; k++) {
            int column = pk[k];
            Comparison eq = find(comparisons, column, "=");
            if (eq != null) {
                prefix.add(eq.value());
                used.add(eq.conjunct());
                usedOriginals.add(eq.original());
                continue;
            }
            BoundExpr.InList in = null;
            for (BoundExpr.InList candidate : ins) {
                if (keyColumn(table, candidate.arg()) == column) {
                    in = candidate;
                    break;
                }
            }
            if (in != null) {
                ranges = new ArrayList<>();
                for (BoundExpr item : in.items()) {
                    List<BoundExpr> point = new ArrayList<>(prefix);
                    point.add(item);
                    ranges.add(new PlanNode.KeyRangeSpec(point, true, point, true));
                }
                used.add(in);
                usedOriginals.add(in);
                break;
            }
            Comparison lower = find(comparisons, column, ">");
            if (lower == null) {
                lower = find(comparisons, column, ">=");
            }
            Comparison upper = find(comparisons, column, "<");
            if (upper == null) {
                upper = find(comparisons, column, "<=");
            }
            if (lower == null && upper == null) {
                break;
            }
            List<BoundExpr> lo = new ArrayList<>(prefix);
            List<BoundExpr> hi = new ArrayList<>(prefix);
            if (lower != null) {
                lo.add(lower.value());
                used.add(lower.conjunct());
                usedOriginals.add(lower.original());
            }
            if (upper != null) {
                hi.add(upper.value());
                used.add(upper.conjunct());
                usedOriginals.add(upper.original());
            }
            ranges = List.of(new PlanNode.KeyRangeSpec(lo, lower == null || lower.op().equals(">="), hi,
                    upper == null || upper.op().equals("<=")));
        }
        if (used.isEmpty()) {
            return new Result(null, predicate);
        }
        if (ranges == null) {
            ranges = List.of(new PlanNode.KeyRangeSpec(prefix, true, prefix, true));
        }
        List<BoundExpr> rest = new ArrayList<>();
        for (BoundExpr c : conjuncts) {
            if (!usedOriginals.contains(c)) {
                rest.add(c);
            }
        }
        return new Result(new PlanNode.KeyAccess(ranges, Exprs.and(used)), Exprs.and(rest));
    }

    private static Comparison find(List<Comparison> list, int column, String op) {
        for (Comparison c : list) {
            if (c.column() == column && c.op().equals(op)) {
                return c;
            }
        }
        return null;
    }

    private static Comparison comparison(TableDescriptor table, BoundExpr e) {
        if (!(e instanceof BoundExpr.OpCall call) || call.left() == null) {
            return null;
        }
        String op = call.operator().symbol();
        if (!(op.equals("=") || op.equals("<") || op.equals("<=") || op.equals(">") || op.equals(">="))) {
            return null;
        }
        int left = keyColumn(table, call.left());
        if (left >= 0 && Exprs.rowIndependent(call.right()) && compatible(call.right().type(), call.left().type())) {
            return new Comparison(e, e, left, op, call.right());
        }
        int right = keyColumn(table, call.right());
        if (right >= 0 && Exprs.rowIndependent(call.left()) && compatible(call.left().type(), call.right().type())) {
            String flipped = switch (op) {
                case "<" -> ">";
                case "<=" -> ">=";
                case ">" -> "<";
                case ">=" -> "<=";
                default -> op;
            };
            return new Comparison(e, commuted(call, flipped), right, flipped, call.left());
        }
        return null;
    }

    /** {@code 5 < id} as {@code id > 5}, the way PostgreSQL shows an index condition (its commutator). */
    private static BoundExpr commuted(BoundExpr.OpCall call, String flipped) {
        for (Operator op : Builtins.operators(flipped)) {
            if (op.leftType() == call.operator().rightType() && op.rightType() == call.operator().leftType()) {
                return new BoundExpr.OpCall(op, call.right(), call.left());
            }
        }
        return call;
    }

    /** The table column a key-side operand is (a bare column, or varchar relabelled as text), else -1. */
    private static int keyColumn(TableDescriptor table, BoundExpr e) {
        // relabelling varchar as text, or widening an integer, keeps the key's order and equality
        if (e instanceof BoundExpr.Cast c && c.typmod() < 0 && ((c.type() == PgType.TEXT && c.arg().type() == PgType.VARCHAR)
                || (isInt(c.arg().type()) && isInt(c.type()) && c.arg().type().typlen() <= c.type().typlen()))) {
            e = c.arg();
        }
        if (e instanceof BoundExpr.Column col) {
            for (int k : table.primaryKey()) {
                if (k == col.slot()) {
                    return k;
                }
            }
        }
        return -1;
    }

    /** Whether the comparison's value side orders like the key column (same type, integers, text types). */
    static boolean compatible(PgType value, PgType key) {
        if (value == key) {
            return true;
        }
        if (isInt(value) && isInt(key)) {
            return true;
        }
        return isText(value) && isText(key);
    }

    private static boolean isInt(PgType t) {
        return t == PgType.INT2 || t == PgType.INT4 || t == PgType.INT8;
    }

    private static boolean isText(PgType t) {
        return t == PgType.TEXT || t == PgType.VARCHAR;
    }
}
