package io.tuskdb.sql.analyzer;

import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.QueryBody;

/** Result column names for select-list entries without an alias (parse_target.c FigureColname). */
final class ColumnNames {
    private ColumnNames() {
    }

    static String of(Expr e) {
        String n = figure(e);
        return n == null ? "?column?" : n;
    }

    private static String figure(Expr e) {
        return switch (e) {
            case Expr.ColumnRef r -> r.names().isEmpty() ? null : r.names().get(r.names().size() - 1);
            case Expr.FuncCall f -> f.name().get(f.name().size() - 1);
            case Expr.Cast c -> strong(c.expr()) ? figure(c.expr()) : typeLabel(c.type());
            case Expr.TypedLiteral t -> typeLabel(t.type());
            // a CASE is named after its ELSE result when that has a strong name (column, function, ...)
            case Expr.Case c -> c.elseExpr() != null && strong(c.elseExpr()) ? figure(c.elseExpr()) : "case";
            case Expr.Coalesce c -> "coalesce";
            case Expr.NullIf n -> "nullif";
            case Expr.Greatest g -> "greatest";
            case Expr.Least l -> "least";
            case Expr.Exists x -> "exists";
            case Expr.ArraySubquery a -> "array";
            case Expr.ArrayExpr a -> "array";
            case Expr.RowExpr r -> "row";
            case Expr.ScalarSubquery s -> s.query().body() instanceof QueryBody.SimpleSelect ss && !ss.targets().isEmpty()
                    ? (ss.targets().get(0).alias() != null ? ss.targets().get(0).alias() : figure(ss.targets().get(0).expr()))
                    : null;
            case Expr.Collate c -> figure(c.expr());
            case Expr.SpecialValue s -> switch (s.kind()) {
                case USER -> "user";
                default -> s.kind().name().toLowerCase();
            };
            case Expr.Grouping g -> "grouping";
            default -> null;
        };
    }

    /** Whether the inner expression's name beats a cast's type name (FigureColnameInternal strength 2). */
    private static boolean strong(Expr e) {
        return switch (e) {
            case Expr.ColumnRef r -> true;
            case Expr.FuncCall f -> true;
            case Expr.Case c -> c.elseExpr() != null && strong(c.elseExpr());
            case Expr.Coalesce c -> true;
            case Expr.NullIf n -> true;
            case Expr.Greatest g -> true;
            case Expr.Least l -> true;
            case Expr.Exists x -> true;
            case Expr.SpecialValue s -> true;
            case Expr.ScalarSubquery s -> figure(s) != null;
            case Expr.Cast c -> strong(c.expr());
            default -> false;
        };
    }

    private static String typeLabel(io.tuskdb.sql.parser.ast.TypeName t) {
        String n = t.name();
        return switch (n) {
            case "bpchar" -> t.isSystemTypeName() ? "bpchar" : n;
            default -> n;
        };
    }
}
