package io.tuskdb.sql.analyzer;

import io.tuskdb.sql.functions.Volatility;
import io.tuskdb.types.CastContext;
import io.tuskdb.types.Casts;
import io.tuskdb.types.PgType;

import java.util.EnumSet;
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
     * stays as it is: PostgreSQL simplifies CASE, COALESCE, AND and OR around it first, and a branch they drop is
     * never evaluated, so the error is left to execution (where those constructs short-circuit alike).
     */
    static BoundExpr fold(AnalyzerContext actx, BoundExpr e) {
        try {
            return evaluate(actx, e);
        } catch (io.tuskdb.error.PgException failed) {
            return e;
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
