package io.tuskdb.sql.parser;

import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.Select;
import io.tuskdb.sql.parser.ast.SortItem;

import java.util.ArrayList;
import java.util.List;

/**
 * gram.y's a_expr / b_expr by precedence climbing over its precedence table:
 * OR &lt; AND &lt; NOT &lt; IS, ISNULL, NOTNULL &lt; comparisons (non-associative) &lt; BETWEEN, IN, LIKE, ILIKE,
 * SIMILAR (non-associative) &lt; ESCAPE &lt; Op, OPERATOR() &lt; + - &lt; * / % &lt; ^ &lt; AT &lt; COLLATE &lt;
 * unary minus &lt; subscripts &lt; :: &lt; '.'. Primary expressions (c_expr and func_expr) are in
 * {@link PrimaryParser}.
 */
abstract class ExpressionParser extends TypeParser {
    static final int P_OR = 1;
    static final int P_AND = 2;
    static final int P_NOT = 3;
    static final int P_IS = 4;
    static final int P_CMP = 5;
    static final int P_IN = 6;
    static final int P_ESCAPE = 7;
    static final int P_OP = 8;
    static final int P_ADD = 9;
    static final int P_MUL = 10;
    static final int P_EXP = 11;
    static final int P_AT = 12;
    static final int P_COLLATE = 13;
    static final int P_UMINUS = 14;
    static final int P_TYPECAST = 17;

    ExpressionParser(String sql) {
        super(sql);
    }

    /** A primary expression (c_expr, func_expr, constants). */
    abstract Expr primary();

    /** '(' ... ')' at the current token: a {@link Select} or a list of expressions (see PrimaryParser). */
    abstract Object parenthesized(boolean allowList);

    @Override
    final Expr aExpr() {
        return expr(0, false);
    }

    /** gram.y's b_expr: no boolean operators, IS tests, BETWEEN / IN / LIKE, AT TIME ZONE or COLLATE. */
    final Expr bExpr() {
        return expr(0, true);
    }

    final List<Expr> exprList() {
        List<Expr> list = new ArrayList<>();
        list.add(aExpr());
        while (acceptSelf(',')) {
            list.add(aExpr());
        }
        return list;
    }

    final Expr expr(int minPrec, boolean b) {
        return rest(prefix(b), minPrec, b);
    }

    private Expr prefix(boolean b) {
        Token t = cur();
        int p = pos(t);
        if (!b && t.isKeyword("not")) {
            advance();
            return new Expr.Not(expr(P_NOT, false), p);
        }
        if (t.isSelf('-')) {
            advance();
            return negate(expr(P_UMINUS, b), p);
        }
        if (t.isSelf('+')) {
            advance();
            return new Expr.UnaryOp("+", expr(P_UMINUS, b), p);
        }
        if (t.kind() == Token.Kind.OP) {
            advance();
            return new Expr.UnaryOp(t.text(), expr(P_OP + 1, b), p);
        }
        if (!b && t.isKeyword("default")) {
            // gram.y accepts DEFAULT as an a_expr (SetToDefault); analysis rejects it outside INSERT/UPDATE
            advance();
            return new Expr.Default(p);
        }
        if (t.isKeyword("operator") && peek(1).isSelf('(')) {
            advance();
            String op = operatorInParens();
            return new Expr.UnaryOp(op, expr(P_OP + 1, b), p);
        }
        return primary();
    }

    /** gram.y's doNegate: a minus in front of a numeric constant folds into the constant. */
    private static Expr negate(Expr operand, int p) {
        if (operand instanceof Expr.IntegerLiteral i && i.value() != 2147483648L && i.value() != Long.MIN_VALUE) {
            // 2147483648 is an int8 constant whose negation PostgreSQL keeps as int8 (its Float-string rule)
            return new Expr.IntegerLiteral(-i.value(), p);
        }
        if (operand instanceof Expr.NumericLiteral n) {
            String text = n.text().startsWith("-") ? n.text().substring(1) : "-" + n.text();
            return new Expr.NumericLiteral(text, p);
        }
        return new Expr.UnaryOp("-", operand, p);
    }

    /**
     * The bracket depth of the select-list item being parsed, or -1. There a keyword operator that may be a bare
     * column label ({@code AND}, {@code IS}, {@code LIKE}, ...) followed by something that ends the item is the
     * item's alias, as Bison's lookahead decides in gram.y: {@code SELECT 1 is} labels the column "is".
     */
    int aliasDepth = -1;

    /** The precedence of the current token as an infix or postfix operator, or 0 when it ends the expression. */
    private int infixPrecedence(boolean b) {
        Token t = cur();
        if (aliasDepth >= 0 && t.kind() == Token.Kind.KEYWORD && t.keyword().bareLabel() && endsTargetItem(peek(1))
                && depth() == aliasDepth) {
            return 0;
        }
        switch (t.kind()) {
            case SELF -> {
                return switch (t.text().charAt(0)) {
                    case '<', '>', '=' -> P_CMP;
                    case '+', '-' -> P_ADD;
                    case '*', '/', '%' -> P_MUL;
                    case '^' -> P_EXP;
                    default -> 0;
                };
            }
            case LESS_EQUALS, GREATER_EQUALS, NOT_EQUALS -> {
                return P_CMP;
            }
            case OP -> {
                return P_OP;
            }
            case TYPECAST -> {
                return P_TYPECAST;
            }
            case KEYWORD -> {
                switch (t.text()) {
                    case "or":
                        return b ? 0 : P_OR;
                    case "and":
                        return b ? 0 : P_AND;
                    case "is":
                        if (b) {
                            Token n = peek(1);
                            return n.isKeyword("distinct") || (n.isKeyword("not") && peek(2).isKeyword("distinct"))
                                    ? P_IS : 0;
                        }
                        return P_IS;
                    case "isnull", "notnull":
                        return b ? 0 : P_IS;
                    case "between", "in", "like", "ilike":
                        return b ? 0 : P_IN;
                    case "similar":
                        // SUBSTRING(x SIMILAR p ESCAPE e) uses SIMILAR without TO
                        return b || !peek(1).isKeyword("to") ? 0 : P_IN;
                    case "not": {
                        Token n = peek(1);
                        if (!b && n.kind() == Token.Kind.KEYWORD) {
                            switch (n.text()) {
                                case "between", "in", "like", "ilike":
                                    return P_IN;
                                case "similar":
                                    return peek(2).isKeyword("to") ? P_IN : 0;
                                default:
                                    return 0;
                            }
                        }
                        return 0;
                    }
                    case "operator":
                        return peek(1).isSelf('(') ? P_OP : 0;
                    case "at":
                        return !b && peek(1).isKeyword("time") ? P_AT : 0;
                    case "collate":
                        return b ? 0 : P_COLLATE;
                    default:
                        return 0;
                }
            }
            default -> {
                return 0;
            }
        }
    }

    /** Continues an expression whose left operand is parsed, applying operators of precedence &gt;= minPrec. */
    final Expr rest(Expr left, int minPrec, boolean b) {
        int nonAssoc = -1;
        while (true) {
            if (!b && left instanceof Expr.RowExpr row && atKw("overlaps")) {
                left = overlaps(row);
                continue;
            }
            int prec = infixPrecedence(b);
            if (prec == 0 || prec < minPrec) {
                return left;
            }
            if (prec == nonAssoc) {
                throw syntaxError();
            }
            nonAssoc = -1;
            Token t = cur();
            int p = pos(t);
            switch (prec) {
                case P_OR -> {
                    advance();
                    left = new Expr.Or(left, expr(P_OR + 1, b), p);
                }
                case P_AND -> {
                    advance();
                    left = new Expr.And(left, expr(P_AND + 1, b), p);
                }
                case P_IS -> {
                    Expr r = isTest(left, b);
                    if (r instanceof Expr.IsDistinct) {
                        nonAssoc = P_IS;
                    }
                    left = r;
                }
                case P_CMP, P_OP, P_ADD, P_MUL, P_EXP -> {
                    String op;
                    if (t.isKeyword("operator")) {
                        advance();
                        op = operatorInParens();
                    } else {
                        advance();
                        op = t.text();
                    }
                    if (atSubType()) {
                        left = anyAll(left, op, p);
                    } else {
                        left = new Expr.BinaryOp(op, left, expr(prec + 1, b), p);
                        if (prec == P_CMP) {
                            nonAssoc = P_CMP;
                        }
                    }
                }
                case P_IN -> {
                    Expr r = inLevel(left);
                    if (!(r instanceof Expr.InList || r instanceof Expr.InSubquery || r instanceof Expr.AnyAll)) {
                        nonAssoc = P_IN;
                    }
                    left = r;
                }
                case P_AT -> {
                    advance();
                    advance();
                    expectKw("zone");
                    Expr zone = expr(P_AT + 1, false);
                    left = Expr.FuncCall.of(List.of("pg_catalog", "timezone"), List.of(zone, left), p);
                }
                case P_COLLATE -> {
                    advance();
                    left = new Expr.Collate(left, anyName(), p);
                }
                case P_TYPECAST -> {
                    advance();
                    left = new Expr.Cast(left, typeName(), p);
                }
                default -> throw new IllegalStateException("precedence " + prec);
            }
        }
    }

    /** {@code OPERATOR '(' [schema '.'] op ')'} after the OPERATOR keyword; a schema other than pg_catalog is 0A000. */
    final String operatorInParens() {
        expectSelf('(');
        Token first = cur();
        List<String> schema = new ArrayList<>();
        while (isColId(cur()) && peek(1).isSelf('.')) {
            schema.add(advance().text());
            advance();
        }
        Token op = cur();
        String text = switch (op.kind()) {
            case OP, LESS_EQUALS, GREATER_EQUALS, NOT_EQUALS -> op.text();
            case SELF -> "+-*/%^<>=".indexOf(op.text().charAt(0)) >= 0 ? op.text() : null;
            default -> null;
        };
        if (text == null) {
            throw syntaxError();
        }
        advance();
        expectSelf(')');
        if (!schema.isEmpty() && !(schema.size() == 1 && schema.get(0).equals("pg_catalog"))) {
            throw notSupported("operators outside pg_catalog", first);
        }
        return text;
    }

    private boolean atSubType() {
        Token t = cur();
        return (t.isKeyword("any") || t.isKeyword("some") || t.isKeyword("all")) && peek(1).isSelf('(');
    }

    /** {@code left op ANY|SOME|ALL (subquery | a_expr)} at the sub_type keyword. */
    private Expr anyAll(Expr left, String op, int p) {
        boolean all = advance().isKeyword("all");
        Object r = parenthesized(false);
        if (r instanceof Select s) {
            return new Expr.AnyAll(left, op, all, s, null, p);
        }
        @SuppressWarnings("unchecked")
        List<Expr> list = (List<Expr>) r;
        return new Expr.AnyAll(left, op, all, null, list.get(0), p);
    }

    private Expr isTest(Expr left, boolean b) {
        Token t = advance();
        int p = pos(t);
        if (t.isKeyword("isnull")) {
            return new Expr.IsNull(left, false, p);
        }
        if (t.isKeyword("notnull")) {
            return new Expr.IsNull(left, true, p);
        }
        boolean not = acceptKw("not");
        Token what = cur();
        if (what.kind() == Token.Kind.KEYWORD) {
            switch (what.text()) {
                case "null" -> {
                    advance();
                    return new Expr.IsNull(left, not, p);
                }
                case "true" -> {
                    advance();
                    return new Expr.IsBool(left, Expr.BoolTest.TRUE, not, p);
                }
                case "false" -> {
                    advance();
                    return new Expr.IsBool(left, Expr.BoolTest.FALSE, not, p);
                }
                case "unknown" -> {
                    advance();
                    return new Expr.IsBool(left, Expr.BoolTest.UNKNOWN, not, p);
                }
                case "distinct" -> {
                    advance();
                    expectKw("from");
                    return new Expr.IsDistinct(left, expr(P_IS + 1, b), not, p);
                }
                case "document", "normalized", "nfc", "nfd", "nfkc", "nfkd", "of", "json" ->
                        throw notSupported("IS " + what.text().toUpperCase(java.util.Locale.ROOT), what);
                default -> {
                }
            }
        }
        throw syntaxError();
    }

    /** [NOT] BETWEEN / IN / LIKE / ILIKE / SIMILAR TO. */
    private Expr inLevel(Expr left) {
        Token first = cur();
        int p = pos(first);
        boolean not = false;
        if (first.isKeyword("not")) {
            advance();
            not = true;
        }
        Token t = advance();
        switch (t.text()) {
            case "between" -> {
                boolean symmetric = false;
                if (acceptKw("symmetric")) {
                    symmetric = true;
                } else {
                    acceptKw("asymmetric");
                }
                Expr low = bExpr();
                expectKw("and");
                Expr high = expr(P_IN + 1, false);
                return new Expr.Between(left, low, high, not, symmetric, p);
            }
            case "in" -> {
                if (!atSelf('(')) {
                    throw syntaxError();
                }
                Object r = parenthesized(true);
                if (r instanceof Select s) {
                    return new Expr.InSubquery(left, s, not, p);
                }
                @SuppressWarnings("unchecked")
                List<Expr> list = (List<Expr>) r;
                return new Expr.InList(left, list, not, p);
            }
            case "like", "ilike" -> {
                boolean ilike = t.text().equals("ilike");
                if (atSubType()) {
                    String op = (not ? "!" : "") + (ilike ? "~~*" : "~~");
                    return anyAll(left, op, p);
                }
                Expr pattern = expr(P_IN + 1, false);
                Expr escape = acceptKw("escape") ? expr(P_IN + 1, false) : null;
                return new Expr.Like(left, pattern, escape, ilike ? Expr.LikeKind.ILIKE : Expr.LikeKind.LIKE, not, p);
            }
            default -> { // similar
                expectKw("to");
                Expr pattern = expr(P_IN + 1, false);
                Expr escape = acceptKw("escape") ? expr(P_IN + 1, false) : null;
                return new Expr.Like(left, pattern, escape, Expr.LikeKind.SIMILAR, not, p);
            }
        }
    }

    // ---- ORDER BY items ----

    /** {@code sort_clause} after ORDER BY. */
    final List<SortItem> sortList() {
        List<SortItem> items = new ArrayList<>();
        items.add(sortItem());
        while (acceptSelf(',')) {
            items.add(sortItem());
        }
        return items;
    }

    private SortItem sortItem() {
        Expr e = aExpr();
        SortItem.Direction dir = SortItem.Direction.DEFAULT;
        String using = null;
        if (acceptKw("asc")) {
            dir = SortItem.Direction.ASC;
        } else if (acceptKw("desc")) {
            dir = SortItem.Direction.DESC;
        } else if (acceptKw("using")) {
            dir = SortItem.Direction.USING;
            Token op = cur();
            if (op.isKeyword("operator")) {
                advance();
                using = operatorInParens();
            } else if (op.kind() == Token.Kind.OP || op.kind() == Token.Kind.LESS_EQUALS
                    || op.kind() == Token.Kind.GREATER_EQUALS || op.kind() == Token.Kind.NOT_EQUALS
                    || (op.kind() == Token.Kind.SELF && "+-*/%^<>=".indexOf(op.text().charAt(0)) >= 0)) {
                advance();
                using = op.text();
            } else {
                throw syntaxError();
            }
        }
        SortItem.Nulls nulls = SortItem.Nulls.DEFAULT;
        if (atKw("nulls") && (atKw(1, "first") || atKw(1, "last"))) {
            advance();
            nulls = advance().isKeyword("first") ? SortItem.Nulls.FIRST : SortItem.Nulls.LAST;
        }
        return new SortItem(e, dir, using, nulls);
    }

    /** {@code row OVERLAPS row}: gram.y makes it a call of pg_catalog.overlaps with the four values. */
    private Expr overlaps(Expr.RowExpr left) {
        Token t = advance();
        if (left.fields().size() != 2) {
            throw new io.tuskdb.error.PgException(io.tuskdb.error.SqlState.SYNTAX_ERROR,
                    "wrong number of parameters on left side of OVERLAPS expression").withPosition(left.position());
        }
        Token start = cur();
        Expr right = primary();
        if (!(right instanceof Expr.RowExpr r) || r.fields().size() != 2) {
            if (right instanceof Expr.RowExpr) {
                throw new io.tuskdb.error.PgException(io.tuskdb.error.SqlState.SYNTAX_ERROR,
                        "wrong number of parameters on right side of OVERLAPS expression")
                        .withPosition(right.position());
            }
            throw syntaxErrorAt(start);
        }
        List<Expr> args = new ArrayList<>(left.fields());
        args.addAll(r.fields());
        return Expr.FuncCall.of(List.of("pg_catalog", "overlaps"), args, pos(t));
    }

    private static boolean endsTargetItem(Token n) {
        if (n.kind() == Token.Kind.EOF || n.isSelf(',') || n.isSelf(')') || n.isSelf(';')) {
            return true;
        }
        return n.kind() == Token.Kind.KEYWORD && switch (n.text()) {
            case "from", "where", "group", "having", "window", "order", "limit", "offset", "fetch", "for", "union",
                 "intersect", "except", "into", "returning", "on" -> true;
            default -> false;
        };
    }
}
