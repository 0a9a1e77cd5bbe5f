package io.tuskdb.sql.parser;

import io.tuskdb.sql.parser.ast.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL-standard function syntaxes gram.y rewrites into calls of pg_catalog functions (func_expr_common_subexpr):
 * {@code EXTRACT(f FROM x)} → extract('f', x), {@code POSITION(a IN b)} → position(b, a),
 * {@code SUBSTRING(x FROM a FOR b)} → substring(x, a, b), {@code TRIM(LEADING c FROM s)} → ltrim(s, c),
 * {@code OVERLAY(x PLACING y FROM a FOR b)} → overlay(x, y, a, b).
 */
final class SpecialFunctions {
    private SpecialFunctions() {
    }

    private static List<String> system(String name) {
        return List.of("pg_catalog", name);
    }

    static Expr parse(PrimaryParser ps, Token t, int p) {
        ps.advance();
        return switch (t.text()) {
            case "extract" -> extract(ps, p);
            case "position" -> position(ps, p);
            case "substring" -> substring(ps, p);
            case "trim" -> trim(ps, p);
            default -> overlay(ps, p);
        };
    }

    private static Expr extract(PrimaryParser ps, int p) {
        ps.expectSelf('(');
        Token f = ps.cur();
        String field;
        if (f.kind() == Token.Kind.IDENT || f.kind() == Token.Kind.STRING) {
            field = f.text();
        } else if (f.kind() == Token.Kind.KEYWORD && switch (f.text()) {
            case "year", "month", "day", "hour", "minute", "second" -> true;
            default -> false;
        }) {
            field = f.text();
        } else {
            throw ps.syntaxError();
        }
        ps.advance();
        ps.expectKw("from");
        Expr source = ps.aExpr();
        ps.expectSelf(')');
        return Expr.FuncCall.of(system("extract"), List.of(new Expr.StringLiteral(field, ps.pos(f)), source), p);
    }

    private static Expr position(PrimaryParser ps, int p) {
        ps.expectSelf('(');
        Expr needle = ps.bExpr();
        ps.expectKw("in");
        Expr haystack = ps.bExpr();
        ps.expectSelf(')');
        return Expr.FuncCall.of(system("position"), List.of(haystack, needle), p);
    }

    private static Expr substring(PrimaryParser ps, int p) {
        ps.expectSelf('(');
        if (ps.acceptSelf(')')) {
            return Expr.FuncCall.of(List.of("substring"), List.of(), p);
        }
        Expr first = ps.aExpr();
        if (ps.acceptKw("from")) {
            Expr from = ps.aExpr();
            List<Expr> args = new ArrayList<>(List.of(first, from));
            if (ps.acceptKw("for")) {
                args.add(ps.aExpr());
            }
            ps.expectSelf(')');
            return Expr.FuncCall.of(system("substring"), args, p);
        }
        if (ps.acceptKw("for")) {
            Expr count = ps.aExpr();
            List<Expr> args;
            if (ps.acceptKw("from")) {
                args = List.of(first, ps.aExpr(), count);
            } else {
                args = List.of(first, new Expr.IntegerLiteral(1, -1), count);
            }
            ps.expectSelf(')');
            return Expr.FuncCall.of(system("substring"), args, p);
        }
        if (ps.acceptKw("similar")) {
            Expr pattern = ps.aExpr();
            ps.expectKw("escape");
            Expr escape = ps.aExpr();
            ps.expectSelf(')');
            return Expr.FuncCall.of(system("substring"), List.of(first, pattern, escape), p);
        }
        List<Expr> args = new ArrayList<>();
        args.add(first);
        while (ps.acceptSelf(',')) {
            args.add(ps.aExpr());
        }
        ps.expectSelf(')');
        return Expr.FuncCall.of(List.of("substring"), args, p);
    }

    private static Expr trim(PrimaryParser ps, int p) {
        ps.expectSelf('(');
        String fn = "btrim";
        if (ps.acceptKw("both")) {
            fn = "btrim";
        } else if (ps.acceptKw("leading")) {
            fn = "ltrim";
        } else if (ps.acceptKw("trailing")) {
            fn = "rtrim";
        }
        List<Expr> args;
        if (ps.acceptKw("from")) {
            args = ps.exprList();
        } else {
            Expr first = ps.aExpr();
            if (ps.acceptKw("from")) {
                args = new ArrayList<>(ps.exprList());
                args.add(first);
            } else {
                args = new ArrayList<>();
                args.add(first);
                while (ps.acceptSelf(',')) {
                    args.add(ps.aExpr());
                }
            }
        }
        ps.expectSelf(')');
        return Expr.FuncCall.of(system(fn), args, p);
    }

    private static Expr overlay(PrimaryParser ps, int p) {
        ps.expectSelf('(');
        if (ps.acceptSelf(')')) {
            return Expr.FuncCall.of(List.of("overlay"), List.of(), p);
        }
        Expr first = ps.aExpr();
        if (ps.acceptKw("placing")) {
            Expr placing = ps.aExpr();
            ps.expectKw("from");
            List<Expr> args = new ArrayList<>(List.of(first, placing, ps.aExpr()));
            if (ps.acceptKw("for")) {
                args.add(ps.aExpr());
            }
            ps.expectSelf(')');
            return Expr.FuncCall.of(system("overlay"), args, p);
        }
        List<Expr> args = new ArrayList<>();
        args.add(first);
        while (ps.acceptSelf(',')) {
            args.add(ps.aExpr());
        }
        ps.expectSelf(')');
        return Expr.FuncCall.of(List.of("overlay"), args, p);
    }
}
