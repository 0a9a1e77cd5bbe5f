package io.tuskdb.sql.analyzer;

import io.tuskdb.error.Errors;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.functions.AggregateFunction;
import io.tuskdb.sql.functions.Builtins;
import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.types.CastContext;
import io.tuskdb.types.PgType;

import java.util.ArrayList;
import java.util.List;

/** Binding of window function calls for {@link ExprAnalyzer}: ranking functions and aggregates OVER (...). */
final class WindowFunctions {
    private WindowFunctions() {
    }

    /** A window function call (parse_func.c / parse_clause.c transformWindowDefinitions, default frame only). */
    static BoundExpr bind(ExprAnalyzer ea, Expr.FuncCall f) {
        String name = f.name().get(f.name().size() - 1);
        if (ea.windows == null || ea.probing || ea.insideAggregate) {
            String where = ea.aggregatesForbiddenIn != null ? ea.aggregatesForbiddenIn : "this context";
            throw new PgException(SqlState.WINDOWING_ERROR, "window functions are not allowed in " + where)
                    .withPosition(f.position());
        }
        var w = f.over();
        if (w.name() != null || w.refName() != null) {
            throw Errors.featureNotSupported("named windows").withPosition(f.position());
        }
        if (w.frame() != null) {
            throw Errors.featureNotSupported("window frame clauses").withPosition(f.position());
        }
        if (f.distinct()) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "DISTINCT is not implemented for window functions")
                    .withPosition(f.position());
        }
        if (f.filter() != null || !f.orderBy().isEmpty()) {
            throw Errors.featureNotSupported("FILTER or ORDER BY in window function calls").withPosition(f.position());
        }
        List<BoundQuery.Window> saved = ea.windows;
        ea.windows = null;
        BoundQuery.Window bound;
        try {
            List<BoundExpr> partition = ea.bindAll(w.partitionBy());
            List<BoundExpr> order = new ArrayList<>();
            List<BoundQuery.SortKey> keys = new ArrayList<>();
            for (io.tuskdb.sql.parser.ast.SortItem item : w.orderBy()) {
                if (item.direction() == io.tuskdb.sql.parser.ast.SortItem.Direction.USING) {
                    throw Errors.featureNotSupported("ORDER BY ... USING");
                }
                boolean desc = item.direction() == io.tuskdb.sql.parser.ast.SortItem.Direction.DESC;
                boolean nullsFirst = item.nulls() == io.tuskdb.sql.parser.ast.SortItem.Nulls.DEFAULT ? desc
                        : item.nulls() == io.tuskdb.sql.parser.ast.SortItem.Nulls.FIRST;
                keys.add(new BoundQuery.SortKey(order.size(), desc, nullsFirst));
                order.add(ea.resolveUnknown(ea.bind(item.expr())));
            }
            switch (name) {
                case "row_number", "rank", "dense_rank" -> {
                    if (!f.args().isEmpty() || f.star()) {
                        throw TypeResolver.undefinedFunction(name, ExprAnalyzer.types(ea.bindAll(f.args())), f.position());
                    }
                    BoundQuery.WindowKind kind = BoundQuery.WindowKind.valueOf(name.toUpperCase());
                    bound = new BoundQuery.Window(kind, null, List.of(), partition, order, keys,
                            PgType.INT8);
                }
                default -> {
                    if (!ExprAnalyzer.isBuiltinName(f.name()) || Builtins.aggregates(name).isEmpty()) {
                        if (!Builtins.functions(name).isEmpty()) {
                            throw new PgException(SqlState.WRONG_OBJECT_TYPE, "OVER specified, but " + name
                                    + " is not a window function nor an aggregate function").withPosition(f.position());
                        }
                        throw TypeResolver.undefinedFunction(name, ExprAnalyzer.types(ea.bindAll(f.args())), f.position());
                    }
                    List<BoundExpr> args = f.star() ? List.of() : ea.bindAll(f.args());
                    AggregateFunction fn = TypeResolver.resolveAggregate(name, ExprAnalyzer.types(args), f.position());
                    List<BoundExpr> coerced = new ArrayList<>();
                    for (int i = 0; i < args.size(); i++) {
                        coerced.add(ea.coerceOrFail(args.get(i), fn.argumentTypes().get(i), -1, CastContext.IMPLICIT,
                                f.args().get(i).position()));
                    }
                    bound = new BoundQuery.Window(BoundQuery.WindowKind.AGGREGATE, fn, coerced, partition, order, keys,
                            fn.returnType());
                }
            }
        } finally {
            ea.windows = saved;
        }
        int idx = ea.windows.indexOf(bound);
        if (idx < 0) {
            idx = ea.windows.size();
            ea.windows.add(bound);
        }
        return new BoundExpr.Column(ea.windowBase + idx, bound.type(), -1, name, 0, 0);
    }

}
