package io.tuskdb.sql.analyzer;

import io.tuskdb.error.Errors;
import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.FromItem;
import io.tuskdb.types.CastContext;
import io.tuskdb.types.PgType;

import java.util.ArrayList;
import java.util.List;

/**
 * generate_series, the set-returning function TuskDB has: in FROM (a Function Scan) or as a whole select-list
 * entry (ProjectSet), over integers or numerics.
 */
final class SetReturningFunctions {
    private SetReturningFunctions() {
    }

    static boolean isSeriesCall(Expr e) {
        return e instanceof Expr.FuncCall f && f.over() == null && f.name().get(f.name().size() - 1)
                .equals("generate_series") && (f.name().size() == 1 || f.name().get(0).equals("pg_catalog"));
    }

    /** generate_series arguments: integers or numerics, coerced to one type. */
    static BoundQuery.SetReturning seriesArgs(Expr.FuncCall call, ExprAnalyzer ea) {
        List<BoundExpr> args = ea.bindAll(call.args());
        List<PgType> types = ExprAnalyzer.types(args);
        if (args.size() < 2 || args.size() > 3) {
            throw TypeResolver.undefinedFunction("generate_series", types, call.position());
        }
        PgType t = PgType.INT4;
        for (PgType a : types) {
            if (a == PgType.INT8 && t == PgType.INT4) {
                t = PgType.INT8;
            } else if (a == PgType.NUMERIC) {
                t = PgType.NUMERIC;
            } else if (a != PgType.INT4 && a != PgType.INT2 && a != PgType.INT8 && a != PgType.UNKNOWN) {
                if (a == PgType.TIMESTAMP || a == PgType.TIMESTAMPTZ) {
                    throw Errors.featureNotSupported("generate_series over timestamps").withPosition(call.position());
                }
                throw TypeResolver.undefinedFunction("generate_series", types, call.position());
            }
        }
        List<BoundExpr> coerced = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            coerced.add(ea.coerceOrFail(args.get(i), t, -1, CastContext.IMPLICIT, call.args().get(i).position()));
        }
        return new BoundQuery.SetReturning(coerced, t);
    }

    /** generate_series over integers or numerics, the one set-returning function TuskDB has (in FROM only). */
    static BoundQuery.From inFrom(AnalyzerContext actx, Scope parent, FromItem.FunctionRef f, Scope scope, int offset,
                                  List<Scope.StarColumn> star) {
        if (!(f.function() instanceof Expr.FuncCall call) || f.lateral() || f.withOrdinality()
                || !isSeriesCall(call)) {
            throw Errors.featureNotSupported("functions in FROM other than generate_series").withPosition(f.position());
        }
        ExprAnalyzer ea = new ExprAnalyzer(actx, new Scope(parent));
        ea.aggregatesForbiddenIn = "functions in FROM";
        BoundQuery.SetReturning series = seriesArgs(call, ea);
        PgType t = series.type();
        List<BoundExpr> coerced = series.args();
        String alias = f.alias() != null ? f.alias().name() : "generate_series";
        String column = f.alias() != null && !f.alias().columns().isEmpty() ? f.alias().columns().get(0) : alias;
        BoundExpr.Column col = new BoundExpr.Column(offset, t, -1, column, 0, 0);
        QueryAnalyzer.addEntry(scope, new Scope.Entry(alias, null, List.of(col)), f.position());
        star.add(new Scope.StarColumn(column, col));
        return new BoundQuery.SeriesRef(coerced, t, alias, offset);
    }

}
