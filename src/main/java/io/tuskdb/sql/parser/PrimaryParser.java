package io.tuskdb.sql.parser;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.Indirection;
import io.tuskdb.sql.parser.ast.Select;
import io.tuskdb.sql.parser.ast.SortItem;
import io.tuskdb.sql.parser.ast.TypeName;
import io.tuskdb.sql.parser.ast.WindowDef;

import java.util.ArrayList;
import java.util.List;

/**
 * gram.y's c_expr, func_expr and AexprConst: column references with indirection, constants and typed literals,
 * parameters, parenthesised expressions, rows and subqueries, function calls (with aggregate and window
 * decorations), and the SQL-syntax special forms (CASE, CAST, EXTRACT, SUBSTRING, TRIM, ...).
 */
abstract class PrimaryParser extends ExpressionParser {

    PrimaryParser(String sql) {
        super(sql);
    }

    /** A query starting at SELECT, VALUES, WITH or TABLE (no outer parentheses). */
    abstract Select selectNoParens();

    /**
     * Continues a query whose first operand {@code first} was a parenthesised query: set operations, ORDER BY,
     * LIMIT ... up to (not including) the closing parenthesis of the enclosing group.
     */
    abstract Select continueSelect(Select first);

    static boolean startsSelect(Token t) {
        return t.isKeyword("select") || t.isKeyword("values") || t.isKeyword("with") || t.isKeyword("table");
    }

    static boolean continuesSelect(Token t) {
        return t.kind() == Token.Kind.KEYWORD && switch (t.text()) {
            case "union", "intersect", "except", "order", "limit", "offset", "fetch", "for" -> true;
            default -> false;
        };
    }

    /**
     * '(' ... ')' at the current token, resolving gram.y's select_with_parens / '(' a_expr ')' / implicit row
     * ambiguity without backtracking: returns a {@link Select} or a {@code List<Expr>} (one element unless
     * {@code allowList} and commas).
     */
    @Override
    final Object parenthesized(boolean allowList) {
        expectSelf('(');
        if (startsSelect(cur())) {
            Select s = selectNoParens();
            expectSelf(')');
            return s;
        }
        Expr e;
        if (atSelf('(')) {
            Token inner = cur();
            Object r = parenthesized(true);
            if (r instanceof Select s) {
                if (continuesSelect(cur())) {
                    Select whole = continueSelect(s);
                    expectSelf(')');
                    return whole;
                }
                if (atSelf(')')) {
                    advance();
                    return s;
                }
                e = rest(indirection(new Expr.ScalarSubquery(s, pos(inner))), 0, false);
            } else {
                @SuppressWarnings("unchecked")
                List<Expr> list = (List<Expr>) r;
                Expr first = list.size() == 1 ? indirection(list.get(0)) : new Expr.RowExpr(list, false, pos(inner));
                e = rest(first, 0, false);
            }
        } else {
            e = aExpr();
        }
        List<Expr> list = new ArrayList<>();
        list.add(e);
        if (allowList) {
            while (acceptSelf(',')) {
                list.add(aExpr());
            }
        }
        expectSelf(')');
        return list;
    }

    /** A '(' query ')' where only a query is allowed (EXISTS, ARRAY(...)). */
    final Select selectWithParens() {
        if (!atSelf('(')) {
            throw syntaxError();
        }
        Token after = peek(1);
        if (!startsSelect(after) && !after.isSelf('(')) {
            advance();
            throw syntaxError();
        }
        Object r = parenthesized(false);
        if (r instanceof Select s) {
            return s;
        }
        throw syntaxErrorAt(previous());
    }

    @Override
    final Expr primary() {
        Token t = cur();
        int p = pos(t);
        switch (t.kind()) {
            case INTEGER -> {
                advance();
                return new Expr.IntegerLiteral(t.value(), p);
            }
            case NUMERIC -> {
                advance();
                return numericConstant(t.text(), p);
            }
            case STRING -> {
                advance();
                return new Expr.StringLiteral(t.text(), p);
            }
            case PARAM -> {
                advance();
                return indirection(new Expr.ParamRef((int) Math.min(t.value(), Integer.MAX_VALUE), p));
            }
            case SELF -> {
                if (t.isSelf('(')) {
                    Object r = parenthesized(true);
                    if (r instanceof Select s) {
                        return indirection(new Expr.ScalarSubquery(s, p));
                    }
                    @SuppressWarnings("unchecked")
                    List<Expr> list = (List<Expr>) r;
                    return list.size() == 1 ? indirection(list.get(0)) : new Expr.RowExpr(list, false, p);
                }
                throw syntaxError();
            }
            case KEYWORD -> {
                return keywordPrimary(t, p);
            }
            case IDENT -> {
                return namePrimary();
            }
            default -> throw syntaxError();
        }
    }

    /** An integer too big for int4 stays an integer while it fits in int8, else it is a numeric string. */
    static Expr numericConstant(String text, int p) {
        boolean digits = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                digits = false;
                break;
            }
        }
        if (digits && text.length() <= 19) {
            try {
                return new Expr.IntegerLiteral(Long.parseLong(text), p);
            } catch (NumberFormatException e) {
                // beyond int8: numeric
            }
        }
        return new Expr.NumericLiteral(text, p);
    }

    private Expr keywordPrimary(Token t, int p) {
        if (t.keyword().category() == Keywords.Category.COL_NAME && !peek(1).isSelf('(')
                && !atStandardTypeKeyword()) {
            // col_name keywords with a special syntax (COALESCE, EXTRACT, ROW, EXISTS ...) are plain column names
            // unless a parenthesis follows
            return namePrimary();
        }
        switch (t.text()) {
            case "true", "false" -> {
                advance();
                return new Expr.BooleanLiteral(t.text().equals("true"), p);
            }
            case "null" -> {
                advance();
                return new Expr.NullLiteral(p);
            }
            case "case" -> {
                return caseExpr();
            }
            case "cast" -> {
                advance();
                expectSelf('(');
                Expr e = aExpr();
                expectKw("as");
                TypeName type = typeName();
                expectSelf(')');
                return new Expr.Cast(e, type, p);
            }
            case "exists" -> {
                advance();
                return new Expr.Exists(selectWithParens(), p);
            }
            case "array" -> {
                advance();
                if (atSelf('[')) {
                    return arrayConstructor(p);
                }
                return new Expr.ArraySubquery(selectWithParens(), p);
            }
            case "row" -> {
                advance();
                expectSelf('(');
                List<Expr> fields = atSelf(')') ? List.of() : exprList();
                expectSelf(')');
                return new Expr.RowExpr(fields, true, p);
            }
            case "coalesce", "greatest", "least" -> {
                advance();
                expectSelf('(');
                List<Expr> args = exprList();
                expectSelf(')');
                return switch (t.text()) {
                    case "coalesce" -> new Expr.Coalesce(args, p);
                    case "greatest" -> new Expr.Greatest(args, p);
                    default -> new Expr.Least(args, p);
                };
            }
            case "nullif" -> {
                advance();
                expectSelf('(');
                Expr a = aExpr();
                expectSelf(',');
                Expr b = aExpr();
                expectSelf(')');
                return new Expr.NullIf(a, b, p);
            }
            case "grouping" -> {
                advance();
                expectSelf('(');
                List<Expr> args = exprList();
                expectSelf(')');
                return new Expr.Grouping(args, p);
            }
            case "extract", "position", "substring", "trim", "overlay" -> {
                return SpecialFunctions.parse(this, t, p);
            }
            case "normalize", "treat", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlparse", "xmlpi",
                 "xmlroot", "xmlserialize", "xmltable", "xmlattributes", "xmlnamespaces" -> {
                throw notSupported(t.text().toUpperCase(java.util.Locale.ROOT), t);
            }
            case "collation" -> {
                if (peek(1).isKeyword("for")) {
                    throw notSupported("COLLATION FOR", t);
                }
            }
            case "current_date", "current_role", "current_user", "user", "session_user", "current_catalog" -> {
                advance();
                return new Expr.SpecialValue(Expr.SpecialValueKind.valueOf(t.text().toUpperCase(java.util.Locale.ROOT)),
                        null, p);
            }
            case "current_schema" -> {
                if (!peek(1).isSelf('(')) {
                    advance();
                    return new Expr.SpecialValue(Expr.SpecialValueKind.CURRENT_SCHEMA, null, p);
                }
            }
            case "current_time", "current_timestamp", "localtime", "localtimestamp" -> {
                advance();
                Integer precision = null;
                if (acceptSelf('(')) {
                    precision = iconst();
                    expectSelf(')');
                }
                return new Expr.SpecialValue(Expr.SpecialValueKind.valueOf(t.text().toUpperCase(java.util.Locale.ROOT)),
                        precision, p);
            }
            default -> {
            }
        }
        if (atStandardTypeKeyword() && typedLiteralAhead(t)) {
            return typedLiteral();
        }
        if (isColId(t) || isTypeFunctionName(t)) {
            return namePrimary();
        }
        throw syntaxError();
    }

    /** Whether a SQL-standard type keyword that could also be a column name starts a typed literal. */
    private boolean typedLiteralAhead(Token t) {
        Token n = peek(1);
        if (n.kind() == Token.Kind.STRING) {
            return true;
        }
        return switch (t.text()) {
            case "time", "timestamp" -> n.isSelf('(') || (n.isKeyword("with") && atKw(2, "time"))
                    || n.isKeyword("without");
            case "char", "character", "nchar", "bit" -> n.isSelf('(') || n.isKeyword("varying");
            case "varchar", "decimal", "dec", "numeric", "float", "interval" -> n.isSelf('(');
            case "national", "double" -> true;
            default -> false;
        };
    }

    /** ConstTypename Sconst, and INTERVAL Sconst opt_interval. The position is the string's, as PostgreSQL reports. */
    private Expr typedLiteral() {
        boolean interval = atKw("interval");
        TypeName type = simpleTypeName(true);
        if (!at(Token.Kind.STRING)) {
            throw syntaxError();
        }
        Token s = advance();
        if (interval && type.modifiers().isEmpty()) {
            type = intervalQualifier(type);
        }
        return new Expr.TypedLiteral(type, s.text(), pos(s));
    }

    private Expr arrayConstructor(int p) {
        expectSelf('[');
        List<Expr> elements = new ArrayList<>();
        if (!atSelf(']')) {
            if (atSelf('[')) {
                elements.add(arrayConstructor(curPos()));
                while (acceptSelf(',')) {
                    if (!atSelf('[')) {
                        throw syntaxError();
                    }
                    elements.add(arrayConstructor(curPos()));
                }
            } else {
                elements.addAll(exprList());
            }
        }
        expectSelf(']');
        return new Expr.ArrayExpr(elements, p);
    }

    private Expr caseExpr() {
        int p = pos(advance());
        Expr operand = atKw("when") ? null : aExpr();
        List<Expr.CaseWhen> whens = new ArrayList<>();
        if (!atKw("when")) {
            throw syntaxError();
        }
        while (acceptKw("when")) {
            Expr cond = aExpr();
            expectKw("then");
            whens.add(new Expr.CaseWhen(cond, aExpr()));
        }
        Expr elseExpr = acceptKw("else") ? aExpr() : null;
        expectKw("end");
        return new Expr.Case(operand, whens, elseExpr, p);
    }

    /**
     * A name-led primary: a column reference {@code a.b.c} / {@code a.*}, a function call {@code s.f(...)}, or a
     * generic typed literal {@code s.type 'value'}.
     */
    private Expr namePrimary() {
        Token first = advance();
        int p = pos(first);
        List<String> names = new ArrayList<>();
        names.add(first.text());
        if (!isColId(first) && atSelf('.')) {
            // a type_func_name keyword (LEFT, JOIN ...) can name a function but cannot be qualified
            throw syntaxError();
        }
        while (atSelf('.')) {
            advance();
            if (atSelf('*')) {
                advance();
                if (!isColId(first)) {
                    throw syntaxErrorAt(first);
                }
                return new Expr.ColumnRef(names, true, p);
            }
            names.add(colLabel());
        }
        if (atSelf('(')) {
            if (names.size() == 1 ? !isTypeFunctionName(first) : !isColId(first)) {
                throw syntaxError();
            }
            return functionCall(names, p);
        }
        if (at(Token.Kind.STRING) && (names.size() == 1 ? isTypeFunctionName(first) : isColId(first))) {
            Token s = advance();
            return new Expr.TypedLiteral(new TypeName(names, List.of(), 0, null, p), s.text(), pos(s));
        }
        if (!isColId(first)) {
            throw syntaxError();
        }
        return indirection(new Expr.ColumnRef(names, false, p));
    }

    /** opt_indirection: subscripts and field selections after a primary. */
    final Expr indirection(Expr base) {
        while (true) {
            if (atSelf('[')) {
                int p = curPos();
                Indirection.Subscript sub = subscript();
                base = new Expr.Subscript(base, sub.lower(), sub.upper(), sub.slice(), p);
            } else if (atSelf('.')) {
                int p = pos(advance());
                if (acceptSelf('*')) {
                    base = new Expr.FieldSelect(base, "*", p);
                } else {
                    base = new Expr.FieldSelect(base, colLabel(), p);
                }
            } else {
                return base;
            }
        }
    }

    /** Set while parsing a function in FROM (func_expr_windowless): no WITHIN GROUP, FILTER or OVER. */
    boolean windowless;

    /** '[' a_expr ']' or '[' [a_expr] ':' [a_expr] ']' at the current '['. */
    final Indirection.Subscript subscript() {
        expectSelf('[');
        Expr lower = null;
        Expr upper = null;
        boolean slice = false;
        if (!atSelf(':')) {
            lower = aExpr();
        }
        if (acceptSelf(':')) {
            slice = true;
            if (!atSelf(']')) {
                upper = aExpr();
            }
        }
        expectSelf(']');
        return new Indirection.Subscript(lower, upper, slice);
    }

    /** func_application plus WITHIN GROUP, FILTER and OVER; the current token is '('. */
    final Expr functionCall(List<String> name, int p) {
        boolean outerWindowless = windowless;
        windowless = false;
        try {
            return functionCall(name, p, outerWindowless);
        } finally {
            windowless = outerWindowless;
        }
    }

    private Expr functionCall(List<String> name, int p, boolean noWindow) {
        expectSelf('(');
        List<Expr> args = new ArrayList<>();
        boolean distinct = false;
        boolean star = false;
        boolean variadic = false;
        List<SortItem> orderBy = List.of();
        if (atSelf('*')) {
            advance();
            star = true;
        } else if (!atSelf(')')) {
            if (acceptKw("distinct")) {
                distinct = true;
            } else {
                acceptKw("all");
            }
            while (true) {
                if (acceptKw("variadic")) {
                    variadic = true;
                    args.add(functionArgument());
                    break;
                }
                args.add(functionArgument());
                if (!acceptSelf(',')) {
                    break;
                }
            }
            if (atKw("order") && atKw(1, "by")) {
                advance();
                advance();
                orderBy = sortList();
            }
        }
        expectSelf(')');
        if (at(Token.Kind.STRING) && !distinct && !star && !variadic && orderBy.isEmpty()) {
            // func_name '(' func_arg_list ')' Sconst: a generic type with modifiers, e.g. pg_catalog.varchar(3) 'x'
            Token s = advance();
            return new Expr.TypedLiteral(new TypeName(name, args, 0, null, p), s.text(), pos(s));
        }
        boolean withinGroup = false;
        if (noWindow) {
            return new Expr.FuncCall(name, args, distinct, star, variadic, orderBy, false, null, null, p);
        }
        if (atKw("within")) {
            if (!orderBy.isEmpty()) {
                throw new PgException(SqlState.SYNTAX_ERROR, "cannot use multiple ORDER BY clauses with WITHIN GROUP")
                        .withPosition(curPos());
            }
            // WITHIN, FILTER and OVER are AS_LABEL keywords: after a call they can only start these clauses
            advance();
            expectKw("group");
            expectSelf('(');
            expectKw("order");
            expectKw("by");
            orderBy = sortList();
            expectSelf(')');
            withinGroup = true;
        }
        Expr filter = null;
        if (atKw("filter")) {
            advance();
            expectSelf('(');
            expectKw("where");
            filter = aExpr();
            expectSelf(')');
        }
        WindowDef over = null;
        if (atKw("over")) {
            advance();
            if (atSelf('(')) {
                over = windowSpecification(null);
            } else {
                int wp = curPos();
                over = new WindowDef(null, colId(), List.of(), List.of(), null, wp);
            }
        }
        return new Expr.FuncCall(name, args, distinct, star, variadic, orderBy, withinGroup, filter, over, p);
    }

    private Expr functionArgument() {
        Token t = cur();
        Token n = peek(1);
        if (isTypeFunctionName(t) && (n.kind() == Token.Kind.EQUALS_GREATER || n.kind() == Token.Kind.COLON_EQUALS)) {
            advance();
            advance();
            return new Expr.NamedArg(t.text(), aExpr(), pos(t));
        }
        return aExpr();
    }

    /** window_specification: '(' [existing name] [PARTITION BY ...] [ORDER BY ...] [frame] ')'. */
    final WindowDef windowSpecification(String name) {
        int p = pos(expectSelf('('));
        String ref = null;
        Token t = cur();
        if (isColId(t) && !(t.isKeyword("partition") || t.isKeyword("range") || t.isKeyword("rows")
                || t.isKeyword("groups"))) {
            ref = advance().text();
        }
        List<Expr> partition = List.of();
        if (atKw("partition")) {
            advance();
            expectKw("by");
            partition = exprList();
        }
        List<SortItem> order = List.of();
        if (atKw("order")) {
            advance();
            expectKw("by");
            order = sortList();
        }
        WindowDef.Frame frame = null;
        if (atKw("range") || atKw("rows") || atKw("groups")) {
            WindowDef.FrameMode mode = WindowDef.FrameMode.valueOf(advance().text().toUpperCase(java.util.Locale.ROOT));
            WindowDef.Bound start;
            WindowDef.Bound end = null;
            if (acceptKw("between")) {
                start = frameBound();
                expectKw("and");
                end = frameBound();
            } else {
                start = frameBound();
            }
            WindowDef.Exclusion exclusion = WindowDef.Exclusion.NO_OTHERS;
            if (acceptKw("exclude")) {
                if (acceptKw("current")) {
                    expectKw("row");
                    exclusion = WindowDef.Exclusion.CURRENT_ROW;
                } else if (acceptKw("group")) {
                    exclusion = WindowDef.Exclusion.GROUP;
                } else if (acceptKw("ties")) {
                    exclusion = WindowDef.Exclusion.TIES;
                } else {
                    expectKw("no");
                    expectKw("others");
                }
            }
            frame = new WindowDef.Frame(mode, start, end, exclusion);
        }
        expectSelf(')');
        return new WindowDef(name, ref, partition, order, frame, p);
    }

    private WindowDef.Bound frameBound() {
        if (atKw("unbounded") && (atKw(1, "preceding") || atKw(1, "following"))) {
            advance();
            return new WindowDef.Bound(advance().isKeyword("preceding")
                    ? WindowDef.BoundKind.UNBOUNDED_PRECEDING : WindowDef.BoundKind.UNBOUNDED_FOLLOWING, null);
        }
        if (atKw("current") && atKw(1, "row")) {
            advance();
            advance();
            return new WindowDef.Bound(WindowDef.BoundKind.CURRENT_ROW, null);
        }
        Expr offset = aExpr();
        if (acceptKw("preceding")) {
            return new WindowDef.Bound(WindowDef.BoundKind.PRECEDING, offset);
        }
        expectKw("following");
        return new WindowDef.Bound(WindowDef.BoundKind.FOLLOWING, offset);
    }
}
