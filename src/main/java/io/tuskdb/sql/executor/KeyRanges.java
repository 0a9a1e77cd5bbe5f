package io.tuskdb.sql.executor;

import io.tuskdb.catalog.TableDescriptor;
import io.tuskdb.sql.planner.PlanNode;
import io.tuskdb.storage.KeyRange;
import io.tuskdb.types.Casts;
import io.tuskdb.types.PgType;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a plan's key-range specs into storage {@link KeyRange}s at run time, converting each bound value to its
 * key column's type. A value that does not convert exactly ends the prefix there (the range widens; the
 * condition is re-checked on every row), a NULL bound makes the range empty (a comparison with NULL is never true).
 */
final class KeyRanges {
    private static final Object INEXACT = new Object();

    private final PgType[] keyTypes;
    private final PgType[][] lowerTypes;
    private final PgType[][] upperTypes;
    private final Eval[][] lower;
    private final Eval[][] upper;
    private final boolean[] lowerInclusive;
    private final boolean[] upperInclusive;

    KeyRanges(TableDescriptor table, PlanNode.KeyAccess access) {
        int[] pk = table.primaryKey();
        keyTypes = new PgType[pk.length];
        for (int i = 0; i < pk.length; i++) {
            keyTypes[i] = table.columns().get(pk[i]).type();
        }
        int n = access.ranges().size();
        lower = new Eval[n][];
        upper = new Eval[n][];
        lowerTypes = new PgType[n][];
        upperTypes = new PgType[n][];
        lowerInclusive = new boolean[n];
        upperInclusive = new boolean[n];
        for (int i = 0; i < n; i++) {
            PlanNode.KeyRangeSpec spec = access.ranges().get(i);
            lower[i] = ExprCompiler.compileAll(spec.lower());
            upper[i] = ExprCompiler.compileAll(spec.upper());
            lowerTypes[i] = spec.lower().stream().map(e -> e.type()).toArray(PgType[]::new);
            upperTypes[i] = spec.upper().stream().map(e -> e.type()).toArray(PgType[]::new);
            lowerInclusive[i] = spec.lowerInclusive();
            upperInclusive[i] = spec.upperInclusive();
        }
    }

    /** The ranges for this run, sorted and without duplicates when they are points (IN lists). */
    List<KeyRange> evaluate(ExecState st) {
        List<KeyRange> out = new ArrayList<>(lower.length);
        for (int i = 0; i < lower.length; i++) {
            Object[] lo = bound(lower[i], lowerTypes[i], st);
            Object[] hi = bound(upper[i], upperTypes[i], st);
            if (lo == null || hi == null) {
                continue;
            }
            boolean loInc = lowerInclusive[i] || lo.length < lower[i].length;
            boolean hiInc = upperInclusive[i] || hi.length < upper[i].length;
            out.add(new KeyRange(lo.length == 0 ? null : lo, loInc, hi.length == 0 ? null : hi, hiInc));
        }
        if (out.size() > 1) {
            out.sort((a, b) -> comparePrefix(a.lower(), b.lower()));
            List<KeyRange> dedup = new ArrayList<>();
            for (KeyRange r : out) {
                KeyRange last = dedup.isEmpty() ? null : dedup.get(dedup.size() - 1);
                if (last == null || comparePrefix(last.lower(), r.lower()) != 0
                        || comparePrefix(last.upper(), r.upper()) != 0) {
                    dedup.add(r);
                }
            }
            out = dedup;
        }
        return out;
    }

    private int comparePrefix(Object[] a, Object[] b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = Casts.compare(keyTypes[i], a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /** null: the range is empty; shorter than asked: widened at the first inexact value. */
    private Object[] bound(Eval[] evals, PgType[] types, ExecState st) {
        Object[] values = new Object[evals.length];
        for (int i = 0; i < evals.length; i++) {
            Object v = evals[i].eval(null, st);
            if (v == null) {
                return null;
            }
            Object k = convert(v, types[i], keyTypes[i]);
            if (k == INEXACT) {
                return java.util.Arrays.copyOf(values, i);
            }
            values[i] = k;
        }
        return values;
    }

    /** Exact conversion of a bound value to the key column's type, or INEXACT. */
    static Object convert(Object v, PgType from, PgType to) {
        if (from == to) {
            return v;
        }
        if (isInteger(from) && isInteger(to)) {
            long x = ((Number) v).longValue();
            return switch (to) {
                case INT2 -> x >= Short.MIN_VALUE && x <= Short.MAX_VALUE ? (Object) (short) x : INEXACT;
                case INT4 -> x >= Integer.MIN_VALUE && x <= Integer.MAX_VALUE ? (Object) (int) x : INEXACT;
                default -> (Object) x;
            };
        }
        if ((from == PgType.TEXT || from == PgType.VARCHAR) && (to == PgType.TEXT || to == PgType.VARCHAR)) {
            return v;
        }
        return INEXACT;
    }

    static boolean isInteger(PgType t) {
        return t == PgType.INT2 || t == PgType.INT4 || t == PgType.INT8;
    }
}
