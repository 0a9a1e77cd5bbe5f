package io.tuskdb.sql.parser;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.parser.ast.Alias;
import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.FromItem;
import io.tuskdb.sql.parser.ast.LockingClause;
import io.tuskdb.sql.parser.ast.QualifiedName;
import io.tuskdb.sql.parser.ast.QueryBody;
import io.tuskdb.sql.parser.ast.Select;
import io.tuskdb.sql.parser.ast.SortItem;
import io.tuskdb.sql.parser.ast.Statement;
import io.tuskdb.sql.parser.ast.TargetItem;
import io.tuskdb.sql.parser.ast.WindowDef;
import io.tuskdb.sql.parser.ast.WithClause;

import java.util.ArrayList;
import java.util.List;

/**
 * gram.y's SelectStmt: select_no_parens / select_with_parens, set operations (INTERSECT binds tighter than UNION
 * and EXCEPT), simple_select with its clauses, VALUES, TABLE, the FROM clause with joins, and WITH.
 */
abstract class QueryParser extends PrimaryParser {

    QueryParser(String sql) {
        super(sql);
    }

    /** INSERT, UPDATE or DELETE (for data-modifying CTEs). */
    abstract Statement dmlStatement(WithClause with);

    /** A query starting with '(' or SELECT / VALUES / WITH / TABLE. */
    final Select selectStatement() {
        if (atSelf('(')) {
            int p = curPos();
            Select s = selectWithParens();
            if (continuesSelect(cur())) {
                s = continueSelect(s);
                // the whole query starts at the opening parenthesis
                return new Select(s.with(), s.body(), s.orderBy(), s.limit(), s.offset(), s.withTies(), s.locking(), p);
            }
            return s;
        }
        return selectNoParens();
    }

    @Override
    final Select selectNoParens() {
        int p = curPos();
        WithClause with = null;
        if (atKw("with")) {
            with = withClause();
        }
        QueryBody body = setOperations(setOperand(), 0);
        return tail(with, body, p);
    }

    /** The rest of a query after its WITH clause (a statement that began with WITH). */
    final Select selectAfterWith(WithClause with, int p) {
        QueryBody body = setOperations(setOperand(), 0);
        return tail(with, body, p);
    }

    @Override
    final Select continueSelect(Select first) {
        QueryBody left = first.isPlain() ? first.body() : new QueryBody.NestedSelect(first);
        return tail(null, setOperations(left, 0), first.position());
    }

    private static int setPrecedence(Token t) {
        if (t.isKeyword("union") || t.isKeyword("except")) {
            return 1;
        }
        return t.isKeyword("intersect") ? 2 : 0;
    }

    private QueryBody setOperations(QueryBody left, int minPrec) {
        while (true) {
            int prec = setPrecedence(cur());
            if (prec == 0 || prec < minPrec) {
                return left;
            }
            Token op = advance();
            boolean all = false;
            if (acceptKw("all")) {
                all = true;
            } else {
                acceptKw("distinct");
            }
            QueryBody right = setOperations(setOperand(), prec + 1);
            left = new QueryBody.SetOperation(QueryBody.SetOperator.valueOf(op.text().toUpperCase(java.util.Locale.ROOT)),
                    all, left, right, pos(op));
        }
    }

    private QueryBody setOperand() {
        Token t = cur();
        if (t.isKeyword("select")) {
            return simpleSelect();
        }
        if (t.isKeyword("values")) {
            return values();
        }
        if (t.isKeyword("table")) {
            advance();
            FromItem table = relationExpr(null);
            return new QueryBody.SimpleSelect(false, List.of(),
                    List.of(new TargetItem(new Expr.ColumnRef(List.of(), true, -1), null)), List.of(table), null,
                    List.of(), false, null, List.of(), pos(t));
        }
        if (t.isSelf('(')) {
            Select s = selectWithParens();
            return s.isPlain() ? s.body() : new QueryBody.NestedSelect(s);
        }
        throw syntaxError();
    }

    /** ORDER BY, LIMIT / OFFSET / FETCH and locking after a set-operation tree; merges into a parenthesised query. */
    private Select tail(WithClause with, QueryBody body, int p) {
        List<SortItem> orderBy = List.of();
        Token orderTok = null;
        if (atKw("order")) {
            orderTok = advance();
            expectKw("by");
            orderBy = sortList();
        }
        Expr limit = null;
        Expr offset = null;
        boolean withTies = false;
        boolean haveLimit = false;
        boolean haveOffset = false;
        List<LockingClause> locking = new ArrayList<>();
        while (true) {
            Token t = cur();
            if (t.isKeyword("limit") && !haveLimit) {
                advance();
                haveLimit = true;
                if (!acceptKw("all")) {
                    limit = aExpr();
                }
                if (atSelf(',')) {
                    throw new PgException(SqlState.SYNTAX_ERROR, "LIMIT #,# syntax is not supported")
                            .withHint("Use separate LIMIT and OFFSET clauses.").withPosition(pos(t));
                }
            } else if (t.isKeyword("fetch") && !haveLimit) {
                advance();
                haveLimit = true;
                if (!acceptKw("first")) {
                    expectKw("next");
                }
                if (atKw("row") || atKw("rows")) {
                    limit = new Expr.IntegerLiteral(1, -1);
                } else {
                    limit = fetchFirstValue();
                }
                if (!acceptKw("row")) {
                    expectKw("rows");
                }
                if (acceptKw("with")) {
                    expectKw("ties");
                    withTies = true;
                } else {
                    expectKw("only");
                }
            } else if (t.isKeyword("offset") && !haveOffset) {
                advance();
                haveOffset = true;
                offset = aExpr();
                if (!acceptKw("row")) {
                    acceptKw("rows");
                }
            } else if (t.isKeyword("for")) {
                LockingClause lc = lockingClause();
                if (lc != null) {
                    locking.add(lc);
                }
            } else {
                break;
            }
        }
        if (withTies && locking.stream().anyMatch(l -> l.waitPolicy() == LockingClause.WaitPolicy.SKIP_LOCKED)) {
            throw new PgException(SqlState.SYNTAX_ERROR, "SKIP LOCKED and WITH TIES options cannot be used together");
        }
        if (withTies && orderBy.isEmpty()) {
            throw new PgException(SqlState.SYNTAX_ERROR, "WITH TIES cannot be specified without ORDER BY clause")
                    .withPosition(p);
        }
        if (body instanceof QueryBody.NestedSelect nested) {
            // insertSelectOptions: clauses outside the parentheses apply to the parenthesised query
            Select in = nested.select();
            if (!orderBy.isEmpty() && !in.orderBy().isEmpty()) {
                throw new PgException(SqlState.SYNTAX_ERROR, "multiple ORDER BY clauses not allowed")
                        .withPosition(pos(orderTok));
            }
            if (haveOffset && in.offset() != null) {
                throw new PgException(SqlState.SYNTAX_ERROR, "multiple OFFSET clauses not allowed").withPosition(p);
            }
            if (haveLimit && in.limit() != null) {
                throw new PgException(SqlState.SYNTAX_ERROR, "multiple LIMIT clauses not allowed").withPosition(p);
            }
            if (with != null && in.with() != null) {
                throw new PgException(SqlState.SYNTAX_ERROR, "multiple WITH clauses not allowed").withPosition(p);
            }
            List<LockingClause> allLocking = new ArrayList<>(in.locking());
            allLocking.addAll(locking);
            return new Select(with != null ? with : in.with(), in.body(), orderBy.isEmpty() ? in.orderBy() : orderBy,
                    haveLimit ? limit : in.limit(), haveOffset ? offset : in.offset(), withTies || in.withTies(),
                    allLocking, p);
        }
        return new Select(with, body, orderBy, limit, offset, withTies, locking, p);
    }

    /** select_fetch_first_value: c_expr, or a signed numeric constant. */
    private Expr fetchFirstValue() {
        Token t = cur();
        if (t.isSelf('-') || t.isSelf('+')) {
            advance();
            Expr e = primary();
            return t.isSelf('-') ? new Expr.UnaryOp("-", e, pos(t)) : e;
        }
        return primary();
    }

    /** for_locking_item, or null for FOR READ ONLY. */
    private LockingClause lockingClause() {
        expectKw("for");
        if (acceptKw("read")) {
            expectKw("only");
            return null;
        }
        LockingClause.Strength strength;
        if (acceptKw("update")) {
            strength = LockingClause.Strength.UPDATE;
        } else if (acceptKw("share")) {
            strength = LockingClause.Strength.SHARE;
        } else if (acceptKw("no")) {
            expectKw("key");
            expectKw("update");
            strength = LockingClause.Strength.NO_KEY_UPDATE;
        } else {
            expectKw("key");
            expectKw("share");
            strength = LockingClause.Strength.KEY_SHARE;
        }
        List<QualifiedName> of = List.of();
        if (acceptKw("of")) {
            of = qualifiedNameList();
        }
        LockingClause.WaitPolicy wait = LockingClause.WaitPolicy.BLOCK;
        if (acceptKw("nowait")) {
            wait = LockingClause.WaitPolicy.NOWAIT;
        } else if (acceptKw("skip")) {
            expectKw("locked");
            wait = LockingClause.WaitPolicy.SKIP_LOCKED;
        }
        return new LockingClause(strength, of, wait);
    }

    final WithClause withClause() {
        expectKw("with");
        boolean recursive = acceptKw("recursive");
        List<WithClause.CommonTableExpr> ctes = new ArrayList<>();
        do {
            Token nameTok = cur();
            String name = colId();
            List<String> columns = atSelf('(') ? parenNameList() : List.of();
            expectKw("as");
            WithClause.Materialized mat = WithClause.Materialized.DEFAULT;
            if (acceptKw("materialized")) {
                mat = WithClause.Materialized.MATERIALIZED;
            } else if (atKw("not") && atKw(1, "materialized")) {
                advance();
                advance();
                mat = WithClause.Materialized.NOT_MATERIALIZED;
            }
            expectSelf('(');
            Statement query;
            if (atKw("insert") || atKw("update") || atKw("delete")) {
                query = dmlStatement(null);
            } else if (atKw("with") && !startsSelectAfterWith()) {
                query = dmlStatement(withClause());
            } else {
                query = selectStatement();
            }
            expectSelf(')');
            if (atKw("search") || atKw("cycle")) {
                throw notSupported("SEARCH and CYCLE clauses", cur());
            }
            ctes.add(new WithClause.CommonTableExpr(name, columns, mat, query, pos(nameTok)));
        } while (acceptSelf(','));
        return new WithClause(recursive, ctes);
    }

    /** Whether a WITH at the current token heads a query (not INSERT / UPDATE / DELETE): scans to the main verb. */
    private boolean startsSelectAfterWith() {
        int depth = 0;
        for (int k = 1; ; k++) {
            Token t = peek(k);
            if (t.kind() == Token.Kind.EOF) {
                return true;
            }
            if (t.isSelf('(')) {
                depth++;
            } else if (t.isSelf(')')) {
                depth--;
                if (depth < 0) {
                    return true;
                }
            } else if (depth == 0 && t.kind() == Token.Kind.KEYWORD) {
                switch (t.text()) {
                    case "select", "values", "table":
                        return true;
                    case "insert", "update", "delete":
                        return false;
                    default:
                        break;
                }
            } else if (depth == 0 && t.isSelf('(')) {
                return true;
            }
        }
    }

    private QueryBody.SimpleSelect simpleSelect() {
        int p = pos(expectKw("select"));
        boolean distinct = false;
        List<Expr> distinctOn = List.of();
        if (acceptKw("distinct")) {
            distinct = true;
            if (acceptKw("on")) {
                expectSelf('(');
                distinctOn = exprList();
                expectSelf(')');
            }
        } else {
            acceptKw("all");
        }
        // opt_target_list, except that DISTINCT requires a target list
        List<TargetItem> targets = !distinct && endsTargetList(cur()) ? List.of() : targetList();
        if (atKw("into")) {
            throw notSupported("SELECT INTO", cur());
        }
        List<FromItem> from = List.of();
        if (acceptKw("from")) {
            from = fromList();
        }
        Expr where = acceptKw("where") ? aExpr() : null;
        List<Expr> groupBy = List.of();
        boolean groupByDistinct = false;
        if (atKw("group")) {
            advance();
            expectKw("by");
            if (acceptKw("distinct")) {
                groupByDistinct = true;
            } else {
                acceptKw("all");
            }
            groupBy = groupByList();
        }
        Expr having = acceptKw("having") ? aExpr() : null;
        List<WindowDef> windows = List.of();
        if (acceptKw("window")) {
            windows = new ArrayList<>();
            do {
                String name = colId();
                expectKw("as");
                windows.add(windowSpecification(name));
            } while (acceptSelf(','));
        }
        return new QueryBody.SimpleSelect(distinct, distinctOn, targets, from, where, groupBy, groupByDistinct,
                having, windows, p);
    }

    private static boolean endsTargetList(Token t) {
        if (t.kind() == Token.Kind.EOF || t.isSelf(';') || t.isSelf(')')) {
            return true;
        }
        return t.kind() == Token.Kind.KEYWORD && switch (t.text()) {
            case "from", "where", "group", "having", "window", "order", "limit", "offset", "fetch", "for", "union",
                 "intersect", "except", "into" -> true;
            default -> false;
        };
    }

    private List<Expr> groupByList() {
        List<Expr> items = new ArrayList<>();
        do {
            Token t = cur();
            if ((t.isKeyword("rollup") || t.isKeyword("cube")) && peek(1).isSelf('(')) {
                throw notSupported(t.text().toUpperCase(java.util.Locale.ROOT), t);
            }
            if (t.isKeyword("grouping") && atKw(1, "sets")) {
                throw notSupported("GROUPING SETS", t);
            }
            if (t.isSelf('(') && peek(1).isSelf(')')) {
                throw notSupported("empty grouping sets", t);
            }
            items.add(aExpr());
        } while (acceptSelf(','));
        return items;
    }

    /** target_list (SELECT list and RETURNING). */
    final List<TargetItem> targetList() {
        List<TargetItem> items = new ArrayList<>();
        do {
            if (atSelf('*')) {
                int p = pos(advance());
                items.add(new TargetItem(new Expr.ColumnRef(List.of(), true, p), null));
                continue;
            }
            int savedAliasDepth = aliasDepth;
            aliasDepth = depth();
            Expr e;
            try {
                e = aExpr();
            } finally {
                aliasDepth = savedAliasDepth;
            }
            String alias = null;
            if (acceptKw("as")) {
                alias = colLabel();
            } else if (isBareColLabel(cur())) {
                alias = advance().text();
            }
            items.add(new TargetItem(e, alias));
        } while (acceptSelf(','));
        return items;
    }

    private QueryBody.ValuesSelect values() {
        int p = pos(expectKw("values"));
        List<List<Expr>> rows = new ArrayList<>();
        do {
            expectSelf('(');
            List<Expr> row = exprList();
            if (!rows.isEmpty() && row.size() != rows.get(0).size()) {
                // transformValuesClause reports this before any name is resolved
                throw new PgException(SqlState.SYNTAX_ERROR, "VALUES lists must all be the same length")
                        .withPosition(row.get(0).position());
            }
            rows.add(row);
            expectSelf(')');
        } while (acceptSelf(','));
        return new QueryBody.ValuesSelect(rows, p);
    }

    // ---- FROM ----

    final List<FromItem> fromList() {
        List<FromItem> items = new ArrayList<>();
        do {
            items.add(tableRef());
        } while (acceptSelf(','));
        return items;
    }

    final FromItem tableRef() {
        FromItem left = tablePrimary();
        while (atJoin()) {
            left = joinStep(left);
        }
        return left;
    }

    private boolean atJoin() {
        Token t = cur();
        if (t.kind() != Token.Kind.KEYWORD) {
            return false;
        }
        return switch (t.text()) {
            case "join", "cross", "natural", "inner", "left", "right", "full" -> true;
            default -> false;
        };
    }

    private FromItem joinStep(FromItem left) {
        Token first = cur();
        int p = pos(first);
        if (acceptKw("cross")) {
            expectKw("join");
            return new FromItem.JoinRef(FromItem.JoinType.CROSS, false, left, tablePrimary(), null, null, null, null, p);
        }
        boolean natural = acceptKw("natural");
        FromItem.JoinType type = FromItem.JoinType.INNER;
        if (acceptKw("inner")) {
            type = FromItem.JoinType.INNER;
        } else if (acceptKw("left")) {
            type = FromItem.JoinType.LEFT;
            acceptKw("outer");
        } else if (acceptKw("right")) {
            type = FromItem.JoinType.RIGHT;
            acceptKw("outer");
        } else if (acceptKw("full")) {
            type = FromItem.JoinType.FULL;
            acceptKw("outer");
        }
        expectKw("join");
        FromItem right = tablePrimary();
        if (natural) {
            return new FromItem.JoinRef(type, true, left, right, null, null, null, null, p);
        }
        while (atJoin()) {
            right = joinStep(right);
        }
        if (acceptKw("on")) {
            return new FromItem.JoinRef(type, false, left, right, aExpr(), null, null, null, p);
        }
        if (acceptKw("using")) {
            List<String> cols = parenNameList();
            String usingAlias = acceptKw("as") ? colId() : null;
            return new FromItem.JoinRef(type, false, left, right, null, cols, usingAlias, null, p);
        }
        throw syntaxError();
    }

    private FromItem tablePrimary() {
        int p0 = curPos();
        boolean lateral = acceptKw("lateral");
        int p = lateral ? curPos() : p0;
        if (atSelf('(')) {
            if (parenthesizedQueryAhead()) {
                Select s = selectWithParens();
                if (continuesSelect(cur())) {
                    s = continueSelect(s);
                }
                Alias alias = optAlias(false);
                if (alias == null) {
                    throw new PgException(SqlState.SYNTAX_ERROR, "subquery in FROM must have an alias")
                            .withHint("For example, FROM (SELECT ...) [AS] foo.").withPosition(p);
                }
                return new FromItem.SubqueryRef(s, alias, lateral, p);
            }
            if (lateral) {
                throw syntaxError();
            }
            advance();
            FromItem inner = tableRef();
            if (!(inner instanceof FromItem.JoinRef j)) {
                throw syntaxError();
            }
            expectSelf(')');
            Alias alias = optAlias(false);
            if (alias == null) {
                return j;
            }
            return new FromItem.JoinRef(j.type(), j.natural(), j.left(), j.right(), j.on(), j.using(), j.usingAlias(),
                    alias, j.position());
        }
        if (atKw("rows") && atKw(1, "from")) {
            throw notSupported("ROWS FROM", cur());
        }
        if (atKw("xmltable")) {
            throw notSupported("XMLTABLE", cur());
        }
        if (!lateral && atKw("only")) {
            advance();
            boolean paren = acceptSelf('(');
            QualifiedName name = qualifiedName();
            if (paren) {
                expectSelf(')');
            }
            return new FromItem.TableRef(name, true, optAlias(false));
        }
        // A function in FROM: name '(' ... or one of the special function syntaxes
        if (isFunctionAhead()) {
            windowless = true;
            Expr call;
            try {
                call = primary();
            } finally {
                windowless = false;
            }
            boolean ordinality = false;
            if (atKw("with") && atKw(1, "ordinality")) {
                advance();
                advance();
                ordinality = true;
            }
            return new FromItem.FunctionRef(call, ordinality, functionAlias(), lateral, p0);
        }
        if (lateral) {
            throw syntaxError();
        }
        return relationExpr(null);
    }

    /**
     * Whether the '(' at the current token opens a query rather than a parenthesised join: {@code ((SELECT 1))} and
     * {@code ((SELECT 1) UNION ...)} are queries, {@code ((SELECT 1) AS s JOIN t ON ...)} is a join.
     */
    private boolean parenthesizedQueryAhead() {
        return queryAt(0);
    }

    private boolean queryAt(int k) {
        Token next = peek(k + 1);
        if (startsSelect(next)) {
            return true;
        }
        if (!next.isSelf('(')) {
            return false;
        }
        int close = matchingParen(k + 1);
        if (close < 0) {
            return false;
        }
        Token after = peek(close + 1);
        return (after.isSelf(')') || continuesSelect(after)) && queryAt(k + 1);
    }

    /** The lookahead index of the ')' matching the '(' at lookahead index {@code k}, or -1 at end of input. */
    private int matchingParen(int k) {
        int depth = 0;
        for (int i = k; ; i++) {
            Token t = peek(i);
            if (t.kind() == Token.Kind.EOF) {
                return -1;
            }
            if (t.isSelf('(')) {
                depth++;
            } else if (t.isSelf(')')) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
    }

    private boolean isFunctionAhead() {
        Token t = cur();
        if (t.kind() == Token.Kind.KEYWORD) {
            switch (t.text()) {
                case "coalesce", "greatest", "least", "nullif", "extract", "position", "substring", "trim", "overlay",
                     "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp",
                     "current_user", "current_role", "session_user", "user", "current_catalog" -> {
                    return true;
                }
                default -> {
                }
            }
        }
        if (!isColId(t) && !isTypeFunctionName(t)) {
            return false;
        }
        int k = 1;
        while (peek(k).isSelf('.') && isColLabel(peek(k + 1))) {
            k += 2;
        }
        return peek(k).isSelf('(');
    }

    /** func_alias_clause; column definition lists (for functions returning record) are 0A000. */
    private Alias functionAlias() {
        boolean as = acceptKw("as");
        if (as && atSelf('(')) {
            throw notSupported("column definition lists", cur());
        }
        if (!as && !isColId(cur())) {
            return null;
        }
        String name = colId();
        List<String> columns = List.of();
        if (atSelf('(')) {
            Token open = advance();
            columns = new ArrayList<>();
            do {
                columns.add(colId());
                if (!atSelf(',') && !atSelf(')')) {
                    throw notSupported("column definition lists", open);
                }
            } while (acceptSelf(','));
            expectSelf(')');
        }
        return new Alias(name, columns);
    }

    /** relation_expr [alias]: {@code name [*] [alias]}; {@code excludeAlias} is a keyword that must not be an alias. */
    final FromItem.TableRef relationExpr(String excludeAlias) {
        QualifiedName name = qualifiedName();
        acceptSelf('*');
        if (atKw("tablesample")) {
            throw notSupported("TABLESAMPLE", cur());
        }
        return new FromItem.TableRef(name, false, excludeAlias == null ? optAlias(false) : null);
    }

    /**
     * opt_alias_clause: [AS] ColId [(name_list)]; with {@code setIsNotAlias}, SET is not taken as an alias
     * (relation_expr_opt_alias in UPDATE).
     */
    final Alias optAlias(boolean setIsNotAlias) {
        if (acceptKw("as")) {
            String name = colId();
            return new Alias(name, atSelf('(') ? parenNameList() : List.of());
        }
        if (isColId(cur()) && !(setIsNotAlias && atKw("set"))) {
            String name = advance().text();
            return new Alias(name, atSelf('(') ? parenNameList() : List.of());
        }
        return null;
    }
}
