package io.tuskdb.sql.analyzer;

import io.tuskdb.error.Errors;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.functions.AggregateFunction;
import io.tuskdb.sql.functions.Builtins;
import io.tuskdb.sql.functions.Operator;
import io.tuskdb.sql.functions.ScalarFunction;
import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.types.CastContext;
import io.tuskdb.types.Casts;
import io.tuskdb.types.PgType;
import io.tuskdb.types.TypeIO;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds expressions (parse_expr.c): resolves names in a {@link Scope}, operators and functions through
 * {@link TypeResolver}, inserts coercions, and handles aggregates: outside a grouped query they are forbidden or
 * merely noticed; in a grouped query, sub-expressions equal to a GROUP BY key and aggregate calls become slots of
 * the grouped row, and any other column reference is PostgreSQL's 42803 grouping error.
 */
final class ExprAnalyzer {
    final AnalyzerContext actx;
    final Scope scope;

    /** Where aggregates are forbidden ("WHERE", "GROUP BY", "JOIN conditions"...), or null when allowed. */
    String aggregatesForbiddenIn;
    /** Where subqueries may not appear (parse_expr.c's transformSubLink: "DEFAULT expression"), or null. */
    String subqueriesForbiddenIn;
    boolean sawAggregate;
    /** Non-null in a grouped query's select list, HAVING and ORDER BY. */
    List<BoundExpr> groupKeys;
    List<BoundExpr.Aggregate> aggregates;
    boolean insideAggregate;
    /** Window functions met in a select list / ORDER BY where they are allowed, else null. */
    List<BoundQuery.Window> windows;
    int windowBase;
    boolean probing;

    /** Signals an aggregate met while probing whether an expression equals a GROUP BY key. */
    private static final class ContainsAggregate extends RuntimeException {
        ContainsAggregate() {
            super(null, null, false, false);
        }
    }

    ExprAnalyzer(AnalyzerContext actx, Scope scope) {
        this.actx = actx;
        this.scope = scope;
    }

    void enterGrouped(List<BoundExpr> keys, List<BoundExpr.Aggregate> aggs) {
        this.groupKeys = keys;
        this.aggregates = aggs;
    }

    BoundExpr bind(Expr e) {
        if (groupKeys != null && !insideAggregate && !probing) {
            if (isAggregateCall(e)) {
                return bindAggregate((Expr.FuncCall) e);
            }
            if (!groupKeys.isEmpty() && !(e instanceof Expr.StringLiteral || e instanceof Expr.IntegerLiteral
                    || e instanceof Expr.NullLiteral || e instanceof Expr.ParamRef)) {
                BoundExpr plain = probe(e);
                int idx = plain == null ? -1 : groupKeys.indexOf(plain);
                if (idx >= 0) {
                    return slot(idx, plain);
                }
            }
            if (e instanceof Expr.ColumnRef ref && !ref.star()) {
                BoundExpr c = scope.resolve(columnNames(actx, ref), ref.position());
                if (c instanceof BoundExpr.Column col && dependsOnGroupedKey(col)) {
                    // grouped by the table's primary key: the column has one value per group (PostgreSQL's
                    // functional-dependency rule); carry it through the aggregation as its first value
                    BoundExpr.Aggregate carry = new BoundExpr.Aggregate(new FirstValue(col.type()), List.of(col), false, null);
                    int idx = aggregates.indexOf(carry);
                    if (idx < 0) {
                        idx = aggregates.size();
                        aggregates.add(carry);
                    }
                    return new BoundExpr.Column(groupKeys.size() + idx, col.type(), col.typmod(), col.name(),
                            col.tableOid(), col.attnum());
                }
                throw new PgException(SqlState.GROUPING_ERROR, "column \"" + qualifiedName(c, ref)
                        + "\" must appear in the GROUP BY clause or be used in an aggregate function")
                        .withPosition(ref.position());
            }
        }
        return bindInner(e);
    }

    private boolean dependsOnGroupedKey(BoundExpr.Column col) {
        for (Scope.Entry en : scope.entries) {
            if (en.columns().contains(col) && en.primaryKey().length > 0) {
                for (int k : en.primaryKey()) {
                    if (!groupKeys.contains(en.columns().get(k))) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private BoundExpr probe(Expr e) {
        boolean saved = probing;
        probing = true;
        try {
            return bindInner(e);
        } catch (ContainsAggregate ca) {
            return null;
        } finally {
            probing = saved;
        }
    }

    private static BoundExpr slot(int idx, BoundExpr plain) {
        if (plain instanceof BoundExpr.Column c) {
            return new BoundExpr.Column(idx, c.type(), c.typmod(), c.name(), c.tableOid(), c.attnum());
        }
        return new BoundExpr.Column(idx, plain.type(), plain.typmod(), "?column?", 0, 0);
    }

    private String qualifiedName(BoundExpr c, Expr.ColumnRef ref) {
        if (c instanceof BoundExpr.Column col) {
            for (Scope.Entry en : scope.entries) {
                if (en.columns().contains(col)) {
                    return en.alias() + "." + col.name();
                }
            }
        }
        return ref.names().get(ref.names().size() - 1);
    }

    boolean isAggregateCall(Expr e) {
        return e instanceof Expr.FuncCall f && f.over() == null && isBuiltinName(f.name())
                && !Builtins.aggregates(f.name().get(f.name().size() - 1)).isEmpty();
    }

    static boolean isBuiltinName(List<String> name) {
        return name.size() == 1 || (name.size() == 2 && name.get(0).equals("pg_catalog"));
    }

    /** Binds and coerces to boolean: 42804 "argument of WHERE must be type boolean, not type integer". */
    BoundExpr bindCondition(Expr e, String construct) {
        return toBoolean(bind(e), construct, e.position());
    }

    BoundExpr toBoolean(BoundExpr b, String construct, int position) {
        if (b.type() == PgType.BOOL) {
            return b;
        }
        BoundExpr c = coerce(b, PgType.BOOL, -1, CastContext.IMPLICIT, position);
        if (c == null) {
            throw new PgException(SqlState.DATATYPE_MISMATCH, "argument of " + construct
                    + " must be type boolean, not type " + b.type().sqlName()).withPosition(position);
        }
        return c;
    }

    private BoundExpr bindInner(Expr e) {
        return switch (e) {
            case Expr.ColumnRef ref -> {
                if (ref.star()) {
                    throw new PgException(SqlState.SYNTAX_ERROR, "row expansion via \"*\" is not supported here")
                            .withPosition(ref.position());
                }
                yield scope.resolve(columnNames(actx, ref), ref.position());
            }
            case Expr.IntegerLiteral lit -> intConst(lit.value());
            case Expr.NumericLiteral lit -> numericConst(lit.text());
            case Expr.StringLiteral lit -> new BoundExpr.Const(lit.value(), PgType.UNKNOWN, -1);
            case Expr.BooleanLiteral lit -> new BoundExpr.Const(lit.value(), PgType.BOOL, -1);
            case Expr.NullLiteral lit -> new BoundExpr.Const(null, PgType.UNKNOWN, -1);
            case Expr.TypedLiteral lit -> {
                TypeNames.Resolved t = TypeNames.resolve(lit.type());
                yield coerceOrFail(new BoundExpr.Const(lit.value(), PgType.UNKNOWN, -1), t.type(), t.typmod(),
                        CastContext.EXPLICIT, lit.position());
            }
            case Expr.ParamRef p -> param(p);
            case Expr.UnaryOp u -> {
                if (u.operator().equals("-") && u.operand() instanceof Expr.IntegerLiteral lit) {
                    yield intConst(-lit.value());
                }
                if (u.operator().equals("-") && u.operand() instanceof Expr.NumericLiteral lit) {
                    yield numericConst("-" + lit.text());
                }
                BoundExpr arg = bind(u.operand());
                Operator op = TypeResolver.resolveOperator(u.operator(), null, arg.type(), u.position());
                yield ConstantFolding.fold(actx, new BoundExpr.OpCall(op, null,
                        coerceOrFail(arg, op.rightType(), -1, CastContext.IMPLICIT, u.operand().position())));
            }
            case Expr.BinaryOp b -> operator(b.operator(), bind(b.left()), b.left().position(), bind(b.right()),
                    b.right().position(), b.position());
            case Expr.And a -> {
                List<BoundExpr> args = new ArrayList<>();
                flatten(a, true, args);
                yield ConstantFolding.simplified(actx, new BoundExpr.And(args));
            }
            case Expr.Or o -> {
                List<BoundExpr> args = new ArrayList<>();
                flatten(o, false, args);
                yield ConstantFolding.simplified(actx, new BoundExpr.Or(args));
            }
            case Expr.Not n -> new BoundExpr.Not(bindCondition(n.operand(), "NOT"));
            case Expr.Between b -> between(b);
            case Expr.InList in -> inList(in);
            case Expr.InSubquery in -> quantified(in.expr(), "=", false, in.query(), in.negated(), in.position());
            case Expr.AnyAll a when a.subquery() != null ->
                    quantified(a.left(), a.operator(), a.all(), a.subquery(), false, a.position());
            case Expr.Exists ex -> {
                checkSubqueryAllowed(ex.position());
                int before = scope.outerReferences[0];
                BoundQuery q = new QueryAnalyzer(actx, scope).analyze(ex.query(), true);
                yield new BoundExpr.Exists(q, false, correlated(before, ex.position()));
            }
            case Expr.ScalarSubquery s -> {
                checkSubqueryAllowed(s.position());
                int before = scope.outerReferences[0];
                BoundQuery q = subquery(s.query(), s.position());
                yield new BoundExpr.ScalarSubquery(q, q.columns().get(0).type(), correlated(before, s.position()));
            }
            case Expr.ArraySubquery a -> throw Errors.featureNotSupported("ARRAY subqueries").withPosition(a.position());
            case Expr.AnyAll a -> throw Errors.featureNotSupported("ANY/ALL over arrays").withPosition(a.position());
            case Expr.Like l -> like(l);
            case Expr.IsNull n when n.expr() instanceof Expr.RowExpr row -> {
                // a row IS NULL when every field is, IS NOT NULL when no field is (ExecEvalRowNull)
                List<BoundExpr> tests = new ArrayList<>();
                for (Expr f : row.fields()) {
                    tests.add(new BoundExpr.IsNull(resolveUnknown(bind(f)), n.negated()));
                }
                yield new BoundExpr.And(tests);
            }
            case Expr.IsNull n -> new BoundExpr.IsNull(resolveUnknown(bind(n.expr())), n.negated());
            case Expr.IsBool b -> new BoundExpr.BoolTest(toBoolean(bind(b.expr()), "IS " + b.test(), b.position()),
                    switch (b.test()) {
                        case TRUE -> Boolean.TRUE;
                        case FALSE -> Boolean.FALSE;
                        case UNKNOWN -> null;
                    }, b.negated());
            case Expr.IsDistinct d -> {
                BoundExpr.OpCall eq = operatorCall("=", bind(d.left()), d.left().position(),
                        bind(d.right()), d.right().position(), d.position());
                yield new BoundExpr.DistinctFrom(eq.operator(), eq.left(), eq.right(), d.negated());
            }
            case Expr.Cast c -> cast(bind(c.expr()), c.type(), c.expr().position(), c.position());
            case Expr.FuncCall f -> function(f);
            case Expr.NamedArg n -> throw Errors.featureNotSupported("named arguments").withPosition(n.position());
            case Expr.Case c -> caseExpr(c);
            case Expr.Coalesce c -> {
                List<BoundExpr> args = bindAll(c.args());
                PgType t = TypeResolver.commonType(types(args), c.args().stream().map(Expr::position).toList(),
                        "COALESCE", c.position());
                yield ConstantFolding.simplified(actx, new BoundExpr.Coalesce(coerceAll(args, t, c.args()), t));
            }
            case Expr.NullIf n -> {
                BoundExpr.OpCall eq = operatorCall("=", bind(n.left()), n.left().position(),
                        bind(n.right()), n.right().position(), n.position());
                yield new BoundExpr.NullIf(eq.operator(), eq.left(), eq.right());
            }
            case Expr.Greatest g -> minMax(true, g.args(), g.position());
            case Expr.Least l -> minMax(false, l.args(), l.position());
            case Expr.SpecialValue s -> special(s);
            case Expr.ArrayExpr a -> throw Errors.featureNotSupported("arrays").withPosition(a.position());
            case Expr.Subscript s -> throw Errors.featureNotSupported("array subscripts").withPosition(s.position());
            case Expr.FieldSelect f -> throw Errors.featureNotSupported("field selection").withPosition(f.position());
            case Expr.RowExpr r -> throw Errors.featureNotSupported("row constructors").withPosition(r.position());
            case Expr.Collate c -> throw Errors.featureNotSupported("COLLATE").withPosition(c.position());
            case Expr.Default d -> throw new PgException(SqlState.SYNTAX_ERROR, "DEFAULT is not allowed in this context")
                    .withPosition(d.position());
            case Expr.Grouping g -> throw Errors.featureNotSupported("GROUPING").withPosition(g.position());
        };
    }

    /** x op ANY|ALL (subquery); IN is = ANY (transformSubLink). */
    /**
     * A column reference's names without a leading database name: four names are database.schema.table.column
     * (the current database only: 0A000 otherwise, as transformColumnRef); five or more stay for Scope's 42601.
     */
    static List<String> columnNames(AnalyzerContext actx, Expr.ColumnRef ref) {
        List<String> names = ref.names();
        if (names.size() != 4) {
            return names;
        }
        if (!names.get(0).equals(actx.context.databaseName())) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "cross-database references are not implemented: "
                    + String.join(".", names)).withPosition(ref.position());
        }
        return names.subList(1, 4);
    }

    private void checkSubqueryAllowed(int position) {
        if (subqueriesForbiddenIn != null) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "cannot use subquery in " + subqueriesForbiddenIn)
                    .withPosition(position);
        }
    }

    private BoundExpr quantified(Expr left, String op, boolean all, io.tuskdb.sql.parser.ast.Select select,
                                 boolean negated, int position) {
        checkSubqueryAllowed(position);
        if (left instanceof Expr.RowExpr) {
            throw Errors.featureNotSupported("row-valued subquery comparisons").withPosition(position);
        }
        BoundExpr arg = bind(left);
        int before = scope.outerReferences[0];
        BoundQuery q = subquery(select, position);
        boolean correlated = correlated(before, position);
        PgType qt = q.columns().get(0).type();
        Operator o = TypeResolver.resolveOperator(op, arg.type(), qt, position);
        if (o.resultType() != PgType.BOOL) {
            throw new PgException(SqlState.DATATYPE_MISMATCH, "op ANY/ALL (array) requires operator to yield boolean")
                    .withPosition(position);
        }
        if (o.rightType() != qt) {
            q = QueryAnalyzer.coerceOutputs(q, List.of(o.rightType()), this, position);
        }
        return new BoundExpr.InSubquery(coerceOrFail(arg, o.leftType(), -1, CastContext.IMPLICIT, left.position()), o,
                q, all, negated, correlated);
    }

    /** Whether the subquery just analysed read outer columns; not yet in join conditions. */
    private boolean correlated(int outerReferencesBefore, int position) {
        boolean correlated = scope.outerReferences[0] != outerReferencesBefore;
        if (correlated && "JOIN conditions".equals(aggregatesForbiddenIn)) {
            throw Errors.featureNotSupported("correlated subqueries in JOIN conditions").withPosition(position);
        }
        return correlated;
    }

    private BoundQuery subquery(io.tuskdb.sql.parser.ast.Select select, int position) {
        BoundQuery q = new QueryAnalyzer(actx, scope).analyze(select, true);
        if (q.columns().size() != 1) {
            throw new PgException(SqlState.SYNTAX_ERROR, q.columns().size() > 1 ? "subquery must return only one column"
                    : "subquery must return only one column").withPosition(position);
        }
        return q;
    }

    static BoundExpr intConst(long v) {
        if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            return new BoundExpr.Const((int) v, PgType.INT4, -1);
        }
        return new BoundExpr.Const(v, PgType.INT8, -1);
    }

    private static BoundExpr numericConst(String text) {
        BigDecimal d = new BigDecimal(text);
        if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
            try {
                return intConst(d.longValueExact());
            } catch (ArithmeticException tooBig) {
                // stays numeric
            }
        }
        return new BoundExpr.Const(d, PgType.NUMERIC, -1);
    }

    private BoundExpr param(Expr.ParamRef p) {
        int n = p.number();
        if (n < 1) {
            throw new PgException(SqlState.UNDEFINED_PARAMETER, "there is no parameter $" + n).withPosition(p.position());
        }
        while (actx.parameterTypes.size() < n) {
            actx.parameterTypes.add(PgType.UNKNOWN);
        }
        if (actx.firstParameter == 0) {
            actx.firstParameter = n;
            actx.firstParameterPosition = p.position();
        }
        return new BoundExpr.Param(n - 1, actx.parameterTypes.get(n - 1));
    }

    private void flatten(Expr e, boolean and, List<BoundExpr> out) {
        if (and && e instanceof Expr.And a) {
            flatten(a.left(), true, out);
            flatten(a.right(), true, out);
        } else if (!and && e instanceof Expr.Or o) {
            flatten(o.left(), false, out);
            flatten(o.right(), false, out);
        } else {
            out.add(bindCondition(e, and ? "AND" : "OR"));
        }
    }

    List<BoundExpr> bindAll(List<Expr> exprs) {
        List<BoundExpr> out = new ArrayList<>(exprs.size());
        for (Expr e : exprs) {
            out.add(bind(e));
        }
        return out;
    }

    static List<PgType> types(List<BoundExpr> exprs) {
        List<PgType> out = new ArrayList<>(exprs.size());
        for (BoundExpr e : exprs) {
            out.add(e.type());
        }
        return out;
    }

    private List<BoundExpr> coerceAll(List<BoundExpr> args, PgType t, List<Expr> sources) {
        List<BoundExpr> out = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            out.add(coerceOrFail(args.get(i), t, -1, CastContext.IMPLICIT, sources.get(i).position()));
        }
        return out;
    }

    /** A binary operator call with its operands coerced to the chosen operator's types. */
    BoundExpr operator(String symbol, BoundExpr l, BoundExpr r, int position) {
        return operator(symbol, l, position, r, position, position);
    }

    /**
     * A binary operator call with its operands coerced to the chosen operator's types; an untyped literal that
     * fails to convert reports its own position (parse_coerce.c), resolution failures the operator's.
     */
    BoundExpr operator(String symbol, BoundExpr l, int leftPosition, BoundExpr r, int rightPosition, int position) {
        return ConstantFolding.fold(actx, operatorCall(symbol, l, leftPosition, r, rightPosition, position));
    }

    /** The operator call, never folded (for the constructs that take its operator apart). */
    BoundExpr.OpCall operatorCall(String symbol, BoundExpr l, int leftPosition, BoundExpr r, int rightPosition,
                                  int position) {
        if (symbol.equals("||")) {
            // text || anynonarray and anynonarray || text (textanycat / anytextcat): the non-text side is
            // converted with its output function
            if (isText(l.type()) && !isText(r.type()) && r.type() != PgType.UNKNOWN) {
                r = new BoundExpr.Cast(r, PgType.TEXT, -1, CastContext.EXPLICIT);
            } else if (isText(r.type()) && !isText(l.type()) && l.type() != PgType.UNKNOWN) {
                l = new BoundExpr.Cast(l, PgType.TEXT, -1, CastContext.EXPLICIT);
            } else if (l.type() == PgType.UNKNOWN && !isText(r.type()) && r.type() != PgType.UNKNOWN
                    && r.type() != PgType.BYTEA) {
                r = new BoundExpr.Cast(r, PgType.TEXT, -1, CastContext.EXPLICIT);
            } else if (r.type() == PgType.UNKNOWN && !isText(l.type()) && l.type() != PgType.UNKNOWN
                    && l.type() != PgType.BYTEA) {
                l = new BoundExpr.Cast(l, PgType.TEXT, -1, CastContext.EXPLICIT);
            }
        }
        Operator op = TypeResolver.resolveOperator(symbol, l.type(), r.type(), position);
        return new BoundExpr.OpCall(op, coerceOrFail(l, op.leftType(), -1, CastContext.IMPLICIT, leftPosition),
                coerceOrFail(r, op.rightType(), -1, CastContext.IMPLICIT, rightPosition));
    }

    /** exprLocation: the leftmost position of an expression (a cast or operator starts at its first operand). */
    static int leftmost(Expr e) {
        return switch (e) {
            case Expr.Cast c -> Math.min(c.position(), leftmost(c.expr()));
            case Expr.BinaryOp b -> Math.min(b.position(), leftmost(b.left()));
            default -> e.position();
        };
    }

    private static boolean isText(PgType t) {
        return t == PgType.TEXT || t == PgType.VARCHAR || t == PgType.BPCHAR || t == PgType.NAME;
    }

    private BoundExpr between(Expr.Between b) {
        BoundExpr x = bind(b.expr());
        BoundExpr lo = bind(b.low());
        BoundExpr hi = bind(b.high());
        int pos = b.position();
        int xp = b.expr().position();
        int lp = b.low().position();
        int hp = b.high().position();
        BoundExpr plain;
        if (!b.negated()) {
            plain = new BoundExpr.And(List.of(operator(">=", x, xp, lo, lp, pos), operator("<=", x, xp, hi, hp, pos)));
        } else {
            plain = new BoundExpr.Or(List.of(operator("<", x, xp, lo, lp, pos), operator(">", x, xp, hi, hp, pos)));
        }
        plain = ConstantFolding.simplified(actx, plain);
        if (!b.symmetric()) {
            return plain;
        }
        BoundExpr swapped = !b.negated()
                ? new BoundExpr.And(List.of(operator(">=", x, hi, pos), operator("<=", x, lo, pos)))
                : new BoundExpr.Or(List.of(operator("<", x, hi, pos), operator(">", x, lo, pos)));
        return b.negated() ? new BoundExpr.And(List.of(plain, swapped)) : new BoundExpr.Or(List.of(plain, swapped));
    }

    private BoundExpr inList(Expr.InList in) {
        BoundExpr arg = bind(in.expr());
        List<BoundExpr> items = bindAll(in.list());
        List<BoundExpr> all = new ArrayList<>();
        all.add(arg);
        all.addAll(items);
        PgType common = null;
        try {
            common = TypeResolver.commonType(types(all), "IN", in.position());
        } catch (PgException mismatch) {
            // fall back to one comparison per item, as transformAExprIn does
        }
        if (common != null) {
            Operator eq = TypeResolver.resolveOperator("=", common, common, in.position());
            if (eq.leftType() == common && eq.rightType() == common) {
                BoundExpr a = coerceOrFail(arg, common, -1, CastContext.IMPLICIT, in.expr().position());
                List<BoundExpr> coerced = new ArrayList<>();
                List<Operator> ops = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    coerced.add(coerceOrFail(items.get(i), common, -1, CastContext.IMPLICIT, in.list().get(i).position()));
                    ops.add(eq);
                }
                return new BoundExpr.InList(a, ops, coerced, in.negated());
            }
        }
        List<BoundExpr> tests = new ArrayList<>();
        for (BoundExpr item : items) {
            tests.add(operator(in.negated() ? "<>" : "=", arg, item, in.position()));
        }
        return in.negated() ? new BoundExpr.And(tests) : new BoundExpr.Or(tests);
    }

    private BoundExpr like(Expr.Like l) {
        if (l.kind() == Expr.LikeKind.SIMILAR) {
            throw Errors.featureNotSupported("SIMILAR TO").withPosition(l.position());
        }
        BoundExpr arg = bind(l.expr());
        BoundExpr pattern = bind(l.pattern());
        boolean ci = l.kind() == Expr.LikeKind.ILIKE;
        // bpchar ~~ text (bpcharlike) matches the blank-padded value; a cast to text would strip the blanks
        BoundExpr a = arg.type() == PgType.BPCHAR ? arg
                : coerce(arg, PgType.TEXT, -1, CastContext.IMPLICIT, l.expr().position());
        BoundExpr p = coerce(pattern, PgType.TEXT, -1, CastContext.IMPLICIT, l.pattern().position());
        if (a == null || p == null) {
            String sym = (l.negated() ? "!" : "") + (ci ? "~~*" : "~~");
            throw new PgException(SqlState.UNDEFINED_FUNCTION, "operator does not exist: " + arg.type().sqlName() + " "
                    + sym + " " + pattern.type().sqlName())
                    .withHint("No operator matches the given name and argument types. You might need to add explicit type casts.")
                    .withPosition(l.position());
        }
        BoundExpr esc = l.escape() == null ? null
                : coerceOrFail(bind(l.escape()), PgType.TEXT, -1, CastContext.IMPLICIT, l.escape().position());
        return new BoundExpr.Like(a, p, esc, ci, l.negated());
    }

    private BoundExpr caseExpr(Expr.Case c) {
        BoundExpr operand = c.operand() == null ? null : bind(c.operand());
        List<BoundExpr> conds = new ArrayList<>();
        List<BoundExpr> results = new ArrayList<>();
        List<Expr> resultSources = new ArrayList<>();
        for (Expr.CaseWhen w : c.whens()) {
            if (operand != null) {
                conds.add(toBoolean(operator("=", operand, c.operand().position(), bind(w.condition()),
                                w.condition().position(), w.condition().position()),
                        "CASE/WHEN", w.condition().position()));
            } else {
                conds.add(bindCondition(w.condition(), "CASE/WHEN"));
            }
            results.add(bind(w.result()));
            resultSources.add(w.result());
        }
        BoundExpr otherwise = null;
        if (c.elseExpr() != null) {
            otherwise = bind(c.elseExpr());
            results.add(otherwise);
            resultSources.add(c.elseExpr());
        }
        // the ELSE result goes first, as in transformCaseExpr, so its type wins ties and names errors
        List<PgType> caseTypes = new ArrayList<>();
        List<Integer> casePositions = new ArrayList<>();
        if (otherwise != null) {
            caseTypes.add(otherwise.type());
            casePositions.add(c.elseExpr().position());
        }
        caseTypes.addAll(types(results.subList(0, conds.size())));
        for (int i = 0; i < conds.size(); i++) {
            casePositions.add(resultSources.get(i).position());
        }
        PgType t = TypeResolver.commonType(caseTypes, casePositions, "CASE", c.position());
        List<BoundExpr> coerced = coerceAll(results, t, resultSources);
        List<BoundExpr.When> whens = new ArrayList<>();
        for (int i = 0; i < conds.size(); i++) {
            whens.add(new BoundExpr.When(conds.get(i), coerced.get(i)));
        }
        return ConstantFolding.simplified(actx,
                new BoundExpr.Case(whens, otherwise == null ? null : coerced.get(coerced.size() - 1), t));
    }

    private BoundExpr minMax(boolean greatest, List<Expr> argsAst, int position) {
        List<BoundExpr> args = bindAll(argsAst);
        PgType t = TypeResolver.commonType(types(args), greatest ? "GREATEST" : "LEAST", position);
        return new BoundExpr.MinMax(greatest, coerceAll(args, t, argsAst), t);
    }

    private BoundExpr special(Expr.SpecialValue s) {
        SpecialFunction f = switch (s.kind()) {
            case CURRENT_DATE -> SpecialFunction.CURRENT_DATE;
            case CURRENT_TIME -> throw Errors.featureNotSupported("CURRENT_TIME (time with time zone)")
                    .withPosition(s.position());
            case CURRENT_TIMESTAMP -> SpecialFunction.CURRENT_TIMESTAMP;
            case LOCALTIME -> SpecialFunction.LOCALTIME;
            case LOCALTIMESTAMP -> SpecialFunction.LOCALTIMESTAMP;
            case CURRENT_ROLE, CURRENT_USER, USER -> SpecialFunction.CURRENT_USER;
            case SESSION_USER -> SpecialFunction.SESSION_USER;
            case CURRENT_CATALOG -> SpecialFunction.CURRENT_CATALOG;
            case CURRENT_SCHEMA -> SpecialFunction.CURRENT_SCHEMA;
        };
        BoundExpr e = new BoundExpr.Special(f);
        if (s.precision() != null) {
            e = new BoundExpr.Cast(e, f.type(), Math.min(s.precision(), 6), CastContext.EXPLICIT);
        }
        return e;
    }

    private BoundExpr cast(BoundExpr arg, io.tuskdb.sql.parser.ast.TypeName typeName, int argPos, int pos) {
        TypeNames.Resolved t = TypeNames.resolve(typeName);
        BoundExpr c = coerce(arg, t.type(), t.typmod(), CastContext.EXPLICIT, argPos);
        if (c == null) {
            throw new PgException(SqlState.CANNOT_COERCE, "cannot cast type " + arg.type().sqlName() + " to "
                    + t.type().sqlName()).withPosition(pos);
        }
        if (c == arg) {
            // a no-op cast still names the result column after the type and keeps the typmod (RelabelType)
            return new BoundExpr.Cast(arg, t.type(), t.typmod(), CastContext.EXPLICIT);
        }
        return c;
    }

    private BoundExpr function(Expr.FuncCall f) {
        String name = f.name().get(f.name().size() - 1);
        if (f.over() != null) {
            return WindowFunctions.bind(this, f);
        }
        if (!isBuiltinName(f.name())) {
            List<PgType> argTypes = types(bindAll(f.args()));
            throw TypeResolver.undefinedFunction(String.join(".", f.name()), argTypes, f.position());
        }
        if (isAggregateCall(f)) {
            return bindAggregate(f);
        }
        if (name.equals("generate_series") && Builtins.functions(name).isEmpty()) {
            throw Errors.featureNotSupported("generate_series inside an expression (only as a whole select-list "
                    + "entry or in FROM)").withPosition(f.position());
        }
        if (f.star() || f.distinct() || !f.orderBy().isEmpty() || f.filter() != null) {
            String what = f.star() ? "*" : f.distinct() ? "DISTINCT" : !f.orderBy().isEmpty() ? "ORDER BY" : "FILTER";
            throw new PgException(SqlState.WRONG_OBJECT_TYPE, what + " specified, but " + name
                    + " is not an aggregate function").withPosition(f.position());
        }
        List<BoundExpr> args = bindAll(f.args());
        ScalarFunction fn = TypeResolver.resolveFunction(name, types(args), f.position())
                .forArgumentTypes(types(args));
        List<BoundExpr> coerced = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            PgType declared = i < fn.argumentTypes().size() ? fn.argumentTypes().get(i) : fn.variadicType();
            coerced.add(coerceOrFail(args.get(i), declared, -1, CastContext.IMPLICIT, f.args().get(i).position()));
        }
        return ConstantFolding.fold(actx, new BoundExpr.FuncCall(fn, coerced));
    }

    private BoundExpr bindAggregate(Expr.FuncCall f) {
        if (probing) {
            throw new ContainsAggregate();
        }
        if (aggregatesForbiddenIn != null) {
            throw new PgException(SqlState.GROUPING_ERROR, "aggregate functions are not allowed in "
                    + aggregatesForbiddenIn).withPosition(f.position());
        }
        if (insideAggregate) {
            throw new PgException(SqlState.GROUPING_ERROR, "aggregate function calls cannot be nested")
                    .withPosition(f.position());
        }
        if (!f.orderBy().isEmpty()) {
            throw Errors.featureNotSupported("ORDER BY in aggregate calls").withPosition(f.position());
        }
        String name = f.name().get(f.name().size() - 1);
        sawAggregate = true;
        insideAggregate = true;
        BoundExpr.Aggregate agg;
        try {
            List<BoundExpr> args = f.star() ? List.of() : bindAll(f.args());
            AggregateFunction fn = TypeResolver.resolveAggregate(name, types(args), f.position());
            List<BoundExpr> coerced = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                coerced.add(coerceOrFail(args.get(i), fn.argumentTypes().get(i), -1, CastContext.IMPLICIT,
                        f.args().get(i).position()));
            }
            BoundExpr filter = f.filter() == null ? null : bindCondition(f.filter(), "FILTER");
            agg = new BoundExpr.Aggregate(fn, coerced, f.distinct(), filter);
        } finally {
            insideAggregate = false;
        }
        if (groupKeys == null) {
            return agg;
        }
        int idx = aggregates.indexOf(agg);
        if (idx < 0) {
            idx = aggregates.size();
            aggregates.add(agg);
        }
        return new BoundExpr.Column(groupKeys.size() + idx, agg.type(), -1, name, 0, 0);
    }

    /**
     * An untyped literal or parameter in a select list becomes text (PostgreSQL's resolveTargetListUnknowns);
     * elsewhere an untyped parameter stays undetermined (42P18).
     */
    BoundExpr resolveUnknownOutput(BoundExpr e) {
        if (e.type() == PgType.UNKNOWN) {
            return coerceOrFail(e, PgType.TEXT, -1, CastContext.IMPLICIT, 0);
        }
        return e;
    }

    /** An untyped literal that nothing constrained becomes text. */
    BoundExpr resolveUnknown(BoundExpr e) {
        if (e.type() == PgType.UNKNOWN && !(e instanceof BoundExpr.Param)) {
            return coerceOrFail(e, PgType.TEXT, -1, CastContext.IMPLICIT, 0);
        }
        return e;
    }

    BoundExpr coerceOrFail(BoundExpr e, PgType target, int typmod, CastContext context, int position) {
        BoundExpr c = coerce(e, target, typmod, context, position);
        if (c == null) {
            throw new PgException(SqlState.CANNOT_COERCE, "cannot cast type " + e.type().sqlName() + " to "
                    + target.sqlName()).withPosition(position);
        }
        return c;
    }

    /**
     * coerce_type: null when no cast exists in {@code context}. Untyped literals are converted now (their input
     * errors carry the literal's position); untyped parameters take the target type.
     */
    BoundExpr coerce(BoundExpr e, PgType target, int typmod, CastContext context, int position) {
        if (target == null) {
            return e.type() == PgType.UNKNOWN ? coerce(e, PgType.TEXT, -1, context, position) : e;
        }
        if (e instanceof BoundExpr.Const c && c.type() == PgType.UNKNOWN) {
            if (c.value() == null) {
                return new BoundExpr.Const(null, target, typmod);
            }
            Object v;
            try {
                v = TypeIO.fromText(target, (String) c.value(), actx.context.formatSettings());
            } catch (PgException ex) {
                throw ex.withPosition(position);
            }
            // the typmod is applied afterwards, as PostgreSQL does: a length coercion call folded when planning, so
            // its errors carry no position and are not raised when the expression is dropped or stored (DEFAULT)
            if (typmod >= 0) {
                try {
                    v = Casts.applyTypmod(target, v, typmod, context == CastContext.EXPLICIT);
                } catch (PgException failed) {
                    BoundExpr coercion = new BoundExpr.Cast(new BoundExpr.Const(v, target, -1), target, typmod, context);
                    actx.deferFoldError(coercion, failed);
                    return coercion;
                }
            }
            return new BoundExpr.Const(v, target, typmod);
        }
        if (e instanceof BoundExpr.Param p && p.type() == PgType.UNKNOWN) {
            actx.parameterTypes.set(p.index(), target);
            BoundExpr np = new BoundExpr.Param(p.index(), target);
            return typmod >= 0 ? new BoundExpr.Cast(np, target, typmod, context) : np;
        }
        if (e.type() == target) {
            if (typmod >= 0 && typmod != e.typmod()) {
                return ConstantFolding.fold(actx, new BoundExpr.Cast(e, target, typmod, context));
            }
            return e;
        }
        if (e.type() == PgType.UNKNOWN) {
            return new BoundExpr.Cast(e, target, typmod, context);
        }
        if (Casts.canCast(e.type(), target, context)) {
            return ConstantFolding.fold(actx, new BoundExpr.Cast(e, target, typmod, context));
        }
        return null;
    }
}
