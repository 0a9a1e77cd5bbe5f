package io.tuskdb.sql.analyzer;

import io.tuskdb.sql.functions.AggregateFunction;
import io.tuskdb.sql.functions.Operator;
import io.tuskdb.sql.functions.ScalarFunction;
import io.tuskdb.types.CastContext;
import io.tuskdb.types.PgType;

import java.util.List;

/**
 * A typed, fully resolved expression. Column references are slots in the row the expression is evaluated
 * against (the concatenated FROM row, or an aggregation's output row). Records carry no source positions, so
 * structurally equal expressions compare equal (GROUP BY matching, ORDER BY reuse of select-list entries).
 */
public sealed interface BoundExpr {
    PgType type();

    default int typmod() {
        return -1;
    }

    /** A constant; an untyped literal ('abc', NULL) has type UNKNOWN and a String (or null) value. */
    record Const(Object value, PgType type, int typmod) implements BoundExpr {
        public static Const nullOf(PgType type) {
            return new Const(null, type, -1);
        }
    }

    /** $n (index 0-based). */
    record Param(int index, PgType type) implements BoundExpr {
    }

    /** A column of the input row; {@code tableOid}/{@code attnum} describe its origin for RowDescription. */
    record Column(int slot, PgType type, int typmod, String name, int tableOid, int attnum) implements BoundExpr {
    }

    record OpCall(Operator operator, BoundExpr left, BoundExpr right) implements BoundExpr {
        @Override
        public PgType type() {
            return operator.resultType();
        }
    }

    record FuncCall(ScalarFunction function, List<BoundExpr> args) implements BoundExpr {
        @Override
        public PgType type() {
            return function.returnType();
        }
    }

    /** An engine-provided function (CURRENT_USER, CURRENT_TIMESTAMP, ...), see {@link SpecialFunction}. */
    record Special(SpecialFunction function) implements BoundExpr {
        @Override
        public PgType type() {
            return function.type();
        }
    }

    record Cast(BoundExpr arg, PgType type, int typmod, CastContext context) implements BoundExpr {
    }

    record And(List<BoundExpr> args) implements BoundExpr {
        @Override
        public PgType type() {
            return PgType.BOOL;
        }
    }

    record Or(List<BoundExpr> args) implements BoundExpr {
        @Override
        public PgType type() {
            return PgType.BOOL;
        }
    }

    record Not(BoundExpr arg) implements BoundExpr {
        @Override
        public PgType type() {
            return PgType.BOOL;
        }
    }

    /** IS [NOT] NULL */
    record IsNull(BoundExpr arg, boolean negated) implements BoundExpr {
        @Override
        public PgType type() {
            return PgType.BOOL;
        }
    }

    /** IS [NOT] TRUE / FALSE / UNKNOWN */
    record BoolTest(BoundExpr arg, Boolean value, boolean negated) implements BoundExpr {
        @Override
        public PgType type() {
            return PgType.BOOL;
        }
    }

    /** IS [NOT] DISTINCT FROM, with the resolved equality operator. */
    record DistinctFrom(Operator equals, BoundExpr left, BoundExpr right, boolean negated) implements BoundExpr {
        @Override
        public PgType type() {
            return PgType.BOOL;
        }
    }

    /** Searched CASE (a simple CASE is rewritten into equality tests). */
    record Case(List<When> whens, BoundExpr otherwise, PgType type) implements BoundExpr {
        /** exprTypmod: the typmod every result (ELSE included) agrees on, else -1 (also without ELSE). */
        @Override
        public int typmod() {
            if (otherwise == null || otherwise.type() != type) {
                return -1;
            }
            int t = otherwise.typmod();
            for (When w : whens) {
                if (w.result().type() != type || w.result().typmod() != t) {
                    return -1;
                }
            }
            return t;
        }
    }

    record When(BoundExpr condition, BoundExpr result) {
    }

    record Coalesce(List<BoundExpr> args, PgType type) implements BoundExpr {
        /** exprTypmod: the typmod all arguments agree on, else -1. */
        @Override
        public int typmod() {
            int t = args.get(0).typmod();
            for (BoundExpr a : args) {
                if (a.type() != type || a.typmod() != t) {
                    return -1;
                }
            }
            return t;
        }
    }

    /** NULLIF(a, b): null when a = b, else a. */
    record NullIf(Operator equals, BoundExpr left, BoundExpr right) implements BoundExpr {
        @Override
        public PgType type() {
            return left.type();
        }
    }

    /** GREATEST / LEAST: nulls ignored, compared with the type's total order. */
    record MinMax(boolean greatest, List<BoundExpr> args, PgType type) implements BoundExpr {
    }

    /** x [NOT] IN (a, b, ...) with the resolved equality operator per item. */
    record InList(BoundExpr arg, List<Operator> equals, List<BoundExpr> items, boolean negated) implements BoundExpr {
        @Override
        public PgType type() {
            return PgType.BOOL;
        }
    }

    /** [NOT] LIKE / ILIKE with an optional escape (null means the default backslash). */
    record Like(BoundExpr arg, BoundExpr pattern, BoundExpr escape, boolean caseInsensitive, boolean negated)
            implements BoundExpr {
        @Override
        public PgType type() {
            return PgType.BOOL;
        }
    }

    /**
     * A column of an enclosing query's row ({@code levelsUp} queries out), read by a correlated subquery from the
     * outer rows its evaluation was given.
     */
    record OuterColumn(int levelsUp, int slot, PgType type, int typmod, String name) implements BoundExpr {
    }

    /**
     * (SELECT ...) returning one column; null when it returns no row, 21000 when more than one. A subquery that
     * reads outer columns ({@code correlated}) runs once per outer row, others once per execution.
     */
    record ScalarSubquery(BoundQuery query, PgType type, boolean correlated) implements BoundExpr {
    }

    /** [NOT] EXISTS (SELECT ...) */
    record Exists(BoundQuery query, boolean negated, boolean correlated) implements BoundExpr {
        @Override
        public PgType type() {
            return PgType.BOOL;
        }
    }

    /**
     * x op ANY|ALL (SELECT ...), and x [NOT] IN (SELECT ...) as {@code = ANY} (negated for NOT IN), with
     * PostgreSQL's NULL semantics.
     */
    record InSubquery(BoundExpr arg, Operator equals, BoundQuery query, boolean all, boolean negated,
                      boolean correlated) implements BoundExpr {
        @Override
        public PgType type() {
            return PgType.BOOL;
        }
    }

    /** An aggregate call, only inside {@link BoundQuery.Select#aggregates()}. */
    record Aggregate(AggregateFunction function, List<BoundExpr> args, boolean distinct, BoundExpr filter)
            implements BoundExpr {
        @Override
        public PgType type() {
            return function.returnType();
        }
    }
}
