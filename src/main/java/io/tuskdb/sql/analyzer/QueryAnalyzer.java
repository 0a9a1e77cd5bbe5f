package io.tuskdb.sql.analyzer;

import io.tuskdb.catalog.ColumnDescriptor;
import io.tuskdb.catalog.TableDescriptor;
import io.tuskdb.error.Errors;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.ResultColumn;
import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.FromItem;
import io.tuskdb.sql.parser.ast.QueryBody;
import io.tuskdb.sql.parser.ast.Select;
import io.tuskdb.sql.parser.ast.SortItem;
import io.tuskdb.sql.parser.ast.TargetItem;
import io.tuskdb.sql.parser.ast.WithClause;
import io.tuskdb.types.CastContext;
import io.tuskdb.types.PgType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Binds queries (analyze.c transformSelectStmt, parse_clause.c, parse_target.c). */
final class QueryAnalyzer {
    private final AnalyzerContext actx;
    private final Scope parent;

    QueryAnalyzer(AnalyzerContext actx, Scope parent) {
        this.actx = actx;
        this.parent = parent;
    }

    /** @param resolveUnknowns make untyped literals in the output text (false for INSERT sources, set operands) */
    BoundQuery analyze(Select select, boolean resolveUnknowns) {
        if (select.with() != null) {
            // non-recursive WITH queries are expanded where they are referenced, like views
            if (select.with().recursive()) {
                throw Errors.featureNotSupported("WITH RECURSIVE");
            }
            Scope defined = parent;
            for (WithClause.CommonTableExpr cte : select.with().ctes()) {
                if (!(cte.query() instanceof Select)) {
                    throw Errors.featureNotSupported("data-modifying statements in WITH");
                }
                Scope s = new Scope(defined);
                s.cte = new Scope.Cte(cte, defined);
                defined = s;
            }
            Select rest = new Select(null, select.body(), select.orderBy(), select.limit(), select.offset(),
                    select.withTies(), select.locking(), select.position());
            return new QueryAnalyzer(actx, defined).analyze(rest, resolveUnknowns);
        }
        if (select.withTies()) {
            throw Errors.featureNotSupported("FETCH FIRST ... WITH TIES");
        }
        if (select.body() instanceof QueryBody.SimpleSelect s) {
            BoundQuery.Select q = (BoundQuery.Select) simple(s, select.orderBy(), select.limit(), select.offset(),
                    resolveUnknowns);
            return select.locking().isEmpty() ? q : locked(q, select.locking());
        }
        if (!select.locking().isEmpty()) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    "FOR UPDATE is not allowed with UNION/INTERSECT/EXCEPT");
        }
        BoundQuery q = body(select.body(), resolveUnknowns);
        if (select.orderBy().isEmpty() && select.limit() == null && select.offset() == null) {
            return q;
        }
        return wrap(q, select.orderBy(), select.limit(), select.offset());
    }

    /** SELECT ... FOR UPDATE/SHARE over one table: its scan locks each row it returns (the strongest mode asked). */
    private BoundQuery locked(BoundQuery.Select q, List<io.tuskdb.sql.parser.ast.LockingClause> clauses) {
        String what = clauses.get(0).strength() == io.tuskdb.sql.parser.ast.LockingClause.Strength.UPDATE ? "FOR UPDATE"
                : "FOR " + clauses.get(0).strength().name().replace('_', ' ');
        if (q.grouped()) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, what + (q.groupBy().isEmpty()
                    ? " is not allowed with aggregate functions" : " is not allowed with GROUP BY clause"));
        }
        if (q.distinct() || q.distinctOn() != null) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, what + " is not allowed with DISTINCT clause");
        }
        if (!q.windows().isEmpty()) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, what + " is not allowed with window functions");
        }
        if (!(q.from() instanceof BoundQuery.TableRef t)) {
            throw Errors.featureNotSupported(what + " over joins, subqueries or no table");
        }
        io.tuskdb.txn.RowLockMode mode = null;
        for (io.tuskdb.sql.parser.ast.LockingClause c : clauses) {
            if (c.waitPolicy() != io.tuskdb.sql.parser.ast.LockingClause.WaitPolicy.BLOCK) {
                throw Errors.featureNotSupported("NOWAIT and SKIP LOCKED");
            }
            for (var name : c.of()) {
                if (!name.name().equals(t.alias())) {
                    throw new PgException(SqlState.UNDEFINED_TABLE, "relation \"" + name.name()
                            + "\" in " + what + " clause not found in FROM clause").withPosition(name.position());
                }
            }
            io.tuskdb.txn.RowLockMode m = switch (c.strength()) {
                case UPDATE -> io.tuskdb.txn.RowLockMode.UPDATE;
                case NO_KEY_UPDATE -> io.tuskdb.txn.RowLockMode.NO_KEY_UPDATE;
                case SHARE -> io.tuskdb.txn.RowLockMode.SHARE;
                case KEY_SHARE -> io.tuskdb.txn.RowLockMode.KEY_SHARE;
            };
            mode = mode == null || m.ordinal() > mode.ordinal() ? m : mode;
        }
        return new BoundQuery.Select(new BoundQuery.TableRef(t.table(), t.alias(), t.offset(), mode), q.where(),
                q.groupBy(), q.aggregates(), q.grouped(), q.having(), q.targets(), q.columns(), q.distinct(),
                q.orderBy(), q.limit(), q.offset(), q.distinctOn(), q.windows(), q.setReturning());
    }

    private BoundQuery body(QueryBody body, boolean resolveUnknowns) {
        return switch (body) {
            case QueryBody.SimpleSelect s -> simple(s, List.of(), null, null, resolveUnknowns);
            case QueryBody.NestedSelect n -> analyze(n.select(), resolveUnknowns);
            case QueryBody.ValuesSelect v -> values(v, resolveUnknowns);
            case QueryBody.SetOperation op -> setOperation(op, resolveUnknowns);
        };
    }

    private BoundQuery values(QueryBody.ValuesSelect v, boolean resolveUnknowns) {
        ExprAnalyzer ea = new ExprAnalyzer(actx, new Scope(parent));
        ea.aggregatesForbiddenIn = "VALUES";
        List<List<BoundExpr>> rows = new ArrayList<>();
        int width = v.rows().get(0).size();
        for (List<Expr> row : v.rows()) {
            if (row.size() != width) {
                throw new PgException(SqlState.SYNTAX_ERROR, "VALUES lists must all be the same length")
                        .withPosition(row.isEmpty() ? v.position() : row.get(0).position());
            }
            rows.add(ea.bindAll(row));
        }
        List<ResultColumn> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            List<PgType> types = new ArrayList<>();
            for (List<BoundExpr> row : rows) {
                types.add(row.get(c).type());
            }
            boolean allUnknown = types.stream().allMatch(t -> t == PgType.UNKNOWN);
            PgType t = allUnknown && !resolveUnknowns ? PgType.UNKNOWN
                    : TypeResolver.commonType(types, "VALUES", v.position());
            if (t != PgType.UNKNOWN) {
                for (int r = 0; r < rows.size(); r++) {
                    rows.get(r).set(c, ea.coerceOrFail(rows.get(r).get(c), t, -1, CastContext.IMPLICIT,
                            v.rows().get(r).get(c).position()));
                }
            }
            columns.add(new ResultColumn("column" + (c + 1), t));
        }
        return new BoundQuery.Values(rows, columns);
    }

    private BoundQuery setOperation(QueryBody.SetOperation op, boolean resolveUnknowns) {
        BoundQuery left = body(op.left(), false);
        BoundQuery right = body(op.right(), false);
        String name = op.operator().name();
        if (left.columns().size() != right.columns().size()) {
            throw new PgException(SqlState.SYNTAX_ERROR, "each " + name + " query must have the same number of columns")
                    .withPosition(op.position());
        }
        List<PgType> types = new ArrayList<>();
        List<ResultColumn> columns = new ArrayList<>();
        for (int i = 0; i < left.columns().size(); i++) {
            PgType l = left.columns().get(i).type();
            PgType r = right.columns().get(i).type();
            PgType t = l == PgType.UNKNOWN && r == PgType.UNKNOWN && !resolveUnknowns ? PgType.UNKNOWN
                    : TypeResolver.commonType(List.of(l, r), name, op.position());
            types.add(t);
            ResultColumn lc = left.columns().get(i);
            columns.add(new ResultColumn(lc.name(), 0, 0, t, l == r ? lc.typmod() : -1));
        }
        ExprAnalyzer ea = new ExprAnalyzer(actx, new Scope(parent));
        left = coerceOutputs(left, types, ea, op.position());
        right = coerceOutputs(right, types, ea, op.position());
        BoundQuery.SetOpKind kind = BoundQuery.SetOpKind.valueOf(name);
        return new BoundQuery.SetOp(kind, op.all(), left, right, columns, List.of(), null, null);
    }

    /** Coerces a query's visible outputs to the given types (UNKNOWN entries left alone). */
    static BoundQuery coerceOutputs(BoundQuery q, List<PgType> types, ExprAnalyzer ea, int position) {
        List<ResultColumn> cols = new ArrayList<>();
        for (int i = 0; i < q.columns().size(); i++) {
            ResultColumn c = q.columns().get(i);
            PgType t = types.get(i);
            cols.add(t == PgType.UNKNOWN || t == c.type() ? c : new ResultColumn(c.name(), 0, 0, t, -1));
        }
        return switch (q) {
            case BoundQuery.Select s -> {
                List<BoundExpr> targets = new ArrayList<>(s.targets());
                for (int i = 0; i < types.size(); i++) {
                    if (types.get(i) != PgType.UNKNOWN) {
                        targets.set(i, ea.coerceOrFail(targets.get(i), types.get(i), -1, CastContext.IMPLICIT, position));
                    }
                }
                yield new BoundQuery.Select(s.from(), s.where(), s.groupBy(), s.aggregates(), s.grouped(), s.having(),
                        targets, cols, s.distinct(), s.orderBy(), s.limit(), s.offset(), s.distinctOn(), s.windows(),
                        s.setReturning());
            }
            case BoundQuery.Values v -> {
                List<List<BoundExpr>> rows = new ArrayList<>();
                for (List<BoundExpr> row : v.rows()) {
                    List<BoundExpr> r = new ArrayList<>(row);
                    for (int i = 0; i < types.size(); i++) {
                        if (types.get(i) != PgType.UNKNOWN) {
                            r.set(i, ea.coerceOrFail(r.get(i), types.get(i), -1, CastContext.IMPLICIT, position));
                        }
                    }
                    rows.add(r);
                }
                yield new BoundQuery.Values(rows, cols);
            }
            case BoundQuery.SetOp op -> new BoundQuery.SetOp(op.kind(), op.all(),
                    coerceOutputs(op.left(), types, ea, position), coerceOutputs(op.right(), types, ea, position),
                    cols, op.orderBy(), op.limit(), op.offset());
        };
    }

    /** ORDER BY / LIMIT over a set operation or VALUES: a SELECT over it as a subquery. */
    private BoundQuery wrap(BoundQuery q, List<SortItem> orderBy, Expr limit, Expr offset) {
        Scope scope = new Scope(parent);
        List<BoundExpr.Column> cols = new ArrayList<>();
        List<BoundExpr> targets = new ArrayList<>();
        for (int i = 0; i < q.columns().size(); i++) {
            ResultColumn c = q.columns().get(i);
            BoundExpr.Column col = new BoundExpr.Column(i, c.type(), c.typmod(), c.name(), c.tableOid(), c.attnum());
            cols.add(col);
            targets.add(col);
        }
        scope.entries.add(new Scope.Entry("*SELECT*", null, cols));
        ExprAnalyzer ea = new ExprAnalyzer(actx, scope);
        List<String> names = q.columns().stream().map(ResultColumn::name).toList();
        List<BoundQuery.SortKey> keys = orderBy(orderBy, targets, names, ea, false);
        return new BoundQuery.Select(new BoundQuery.SubqueryRef(q, "*SELECT*", 0), null, List.of(), List.of(), false,
                null, targets, q.columns(), false, keys, limitExpr(limit, "LIMIT"), limitExpr(offset, "OFFSET"));
    }

    private BoundQuery simple(QueryBody.SimpleSelect s, List<SortItem> orderBy, Expr limitAst, Expr offsetAst,
                              boolean resolveUnknowns) {
        if (!s.windows().isEmpty()) {
            throw Errors.featureNotSupported("WINDOW clauses");
        }
        if (s.groupByDistinct()) {
            throw Errors.featureNotSupported("GROUP BY DISTINCT");
        }
        Scope scope = new Scope(parent);
        BoundQuery.From from = fromClause(s.from(), scope);
        ExprAnalyzer plain = new ExprAnalyzer(actx, scope);
        BoundExpr where = null;
        if (s.where() != null) {
            plain.aggregatesForbiddenIn = "WHERE";
            where = plain.bindCondition(s.where(), "WHERE");
            plain.aggregatesForbiddenIn = null;
        }
        // the select list, expanded
        List<Expr> targetAst = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (TargetItem item : s.targets()) {
            if (item.expr() instanceof Expr.ColumnRef ref && ref.star()) {
                for (Scope.StarColumn sc : starColumns(ref, scope)) {
                    targetAst.add(new Expr.ColumnRef(starNames(scope, sc), false, ref.position()));
                    names.add(sc.name());
                }
            } else {
                targetAst.add(item.expr());
                names.add(item.alias() != null ? item.alias() : ColumnNames.of(item.expr()));
            }
        }
        plain.windows = new ArrayList<>();
        plain.windowBase = from == null ? 0 : from.width();
        List<BoundQuery.SetReturning> srfs = new ArrayList<>();
        List<BoundExpr> plainTargets = new ArrayList<>();
        for (Expr t : targetAst) {
            if (SetReturningFunctions.isSeriesCall(t)) {
                Expr.FuncCall call = (Expr.FuncCall) t;
                BoundQuery.SetReturning srf = SetReturningFunctions.seriesArgs(call, plain);
                plainTargets.add(new BoundExpr.Column(plain.windowBase + srfs.size(), srf.type(), -1,
                        "generate_series", 0, 0));
                srfs.add(srf);
            } else {
                plainTargets.add(plain.bind(t));
            }
        }
        if (!srfs.isEmpty() && (!plain.windows.isEmpty() || !s.groupBy().isEmpty() || plain.sawAggregate
                || s.having() != null)) {
            throw Errors.featureNotSupported("set-returning functions with aggregates or window functions");
        }
        // PostgreSQL transforms ORDER BY before GROUP BY: a bad plain column there is reported first
        for (SortItem item : orderBy) {
            if (item.expr() instanceof Expr.ColumnRef ref && !ref.star()
                    && !(ref.names().size() == 1 && names.contains(ref.names().get(0)))) {
                scope.resolve(ExprAnalyzer.columnNames(actx, ref), ref.position());
            } else if (!s.groupBy().isEmpty() && !(item.expr() instanceof Expr.ColumnRef)
                    && !(item.expr() instanceof Expr.IntegerLiteral)) {
                checkColumnsBeforeGrouping(item.expr(), scope);
            }
        }
        // GROUP BY
        List<BoundExpr> groupBy = new ArrayList<>();
        plain.aggregatesForbiddenIn = "GROUP BY";
        for (Expr g : s.groupBy()) {
            groupBy.add(groupByItem(g, scope, plain, plainTargets, targetAst, names));
        }
        plain.aggregatesForbiddenIn = null;
        boolean grouped = !groupBy.isEmpty() || s.having() != null || plain.sawAggregate;
        List<BoundExpr> targets = plainTargets;
        List<BoundQuery.SortKey> keys = null;
        if (!grouped) {
            targets = new ArrayList<>(plainTargets);
            resolveOutputs(targets, plain, resolveUnknowns);
            keys = orderBy(orderBy, targets, names, plain, s.distinct() && s.distinctOn().isEmpty());
            grouped = plain.sawAggregate;
        }
        List<BoundExpr.Aggregate> aggregates = new ArrayList<>();
        BoundExpr having = null;
        if (grouped && !plain.windows.isEmpty()) {
            throw Errors.featureNotSupported("window functions in grouped queries");
        }
        if (grouped) {
            scope.grouped = true;
            ExprAnalyzer ga = new ExprAnalyzer(actx, scope);
            ga.enterGrouped(groupBy, aggregates);
            targets = new ArrayList<>(ga.bindAll(targetAst));
            resolveOutputs(targets, ga, resolveUnknowns);
            if (s.having() != null) {
                having = ga.bindCondition(s.having(), "HAVING");
            }
            keys = orderBy(orderBy, targets, names, ga, s.distinct() && s.distinctOn().isEmpty());
        }
        List<Integer> distinctOn = null;
        if (!s.distinctOn().isEmpty()) {
            ExprAnalyzer da = new ExprAnalyzer(actx, scope);
            if (grouped) {
                da.enterGrouped(groupBy, aggregates);
            }
            List<BoundQuery.SortKey> onKeys = orderBy(s.distinctOn().stream().map(SortItem::of).toList(), targets,
                    names, da, false);
            distinctOn = onKeys.stream().map(BoundQuery.SortKey::index).toList();
            // the DISTINCT ON expressions must be the leading ORDER BY ones, in any order (parse_clause.c)
            for (int i = 0; i < Math.min(keys.size(), distinctOn.size()); i++) {
                if (!distinctOn.contains(keys.get(i).index())) {
                    throw new PgException(SqlState.INVALID_COLUMN_REFERENCE,
                            "SELECT DISTINCT ON expressions must match initial ORDER BY expressions")
                            .withPosition(s.distinctOn().get(0).position());
                }
            }
        }
        List<ResultColumn> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            BoundExpr t = targets.get(i);
            // markTargetListOrigins: only a column reference as written has an origin (not a CASE folded to one)
            if (plainTargets.get(i) instanceof BoundExpr.Column c && c.tableOid() != 0 && t.type() == c.type()
                    && targetAst.get(i) instanceof Expr.ColumnRef) {
                columns.add(new ResultColumn(names.get(i), c.tableOid(), c.attnum(), t.type(), t.typmod()));
            } else {
                columns.add(new ResultColumn(names.get(i), 0, 0, t.type(), t.typmod()));
            }
        }
        return new BoundQuery.Select(from, where, groupBy, aggregates, grouped, having, targets, columns,
                s.distinct() && distinctOn == null, keys, limitExpr(limitAst, "LIMIT"), limitExpr(offsetAst, "OFFSET"),
                distinctOn, List.copyOf(plain.windows), List.copyOf(srfs));
    }

    private static void resolveOutputs(List<BoundExpr> targets, ExprAnalyzer ea, boolean resolveUnknowns) {
        if (resolveUnknowns) {
            for (int i = 0; i < targets.size(); i++) {
                targets.set(i, ea.resolveUnknownOutput(targets.get(i)));
            }
        }
    }

    /**
     * The name a {@code *} column is re-resolved by: qualified with its FROM item's alias, so two tables' columns
     * of one name stay distinct (a JOIN USING column keeps its bare, merged name).
     */
    private static List<String> starNames(Scope scope, Scope.StarColumn sc) {
        if (sc.expr() instanceof BoundExpr.Column c) {
            for (Scope.Entry e : scope.entries) {
                if (e.columns().contains(c)) {
                    return List.of(e.alias(), c.name());
                }
            }
        }
        return List.of(sc.name());
    }

    private List<Scope.StarColumn> starColumns(Expr.ColumnRef ref, Scope scope) {
        if (ref.names().isEmpty()) {
            if (scope.entries.isEmpty()) {
                throw new PgException(SqlState.SYNTAX_ERROR, "SELECT * with no tables specified is not valid")
                        .withPosition(ref.position());
            }
            return scope.star;
        }
        String alias = ref.names().get(ref.names().size() - 1);
        Scope.Entry e = scope.entry(alias);
        if (e == null) {
            throw scope.missingFromEntry(alias, ref.position());
        }
        List<Scope.StarColumn> out = new ArrayList<>();
        for (BoundExpr.Column c : e.columns()) {
            out.add(new Scope.StarColumn(c.name(), c));
        }
        return out;
    }

    /**
     * Binds an ORDER BY expression on its own, before GROUP BY is analysed, for its column errors only (42703,
     * 42702, 42P01 come first in PostgreSQL); other errors and all effects of this trial are discarded, the entry
     * is analysed for real after grouping.
     */
    private void checkColumnsBeforeGrouping(Expr e, Scope scope) {
        List<PgType> parameterTypes = new ArrayList<>(actx.parameterTypes);
        int foldErrors = actx.foldErrorMark();
        int outer = scope.outerReferences[0];
        try {
            new ExprAnalyzer(actx, scope).bind(e);
        } catch (PgException failed) {
            if (failed.sqlState() == SqlState.UNDEFINED_COLUMN || failed.sqlState() == SqlState.AMBIGUOUS_COLUMN
                    || failed.sqlState() == SqlState.UNDEFINED_TABLE) {
                throw failed;
            }
        } finally {
            actx.parameterTypes.clear();
            actx.parameterTypes.addAll(parameterTypes);
            actx.forgetFoldErrorsSince(foldErrors);
            scope.outerReferences[0] = outer;
        }
    }

    private BoundExpr groupByItem(Expr g, Scope scope, ExprAnalyzer ea, List<BoundExpr> targets, List<Expr> targetAst,
                                  List<String> names) {
        if (g instanceof Expr.IntegerLiteral lit) {
            if (lit.value() < 1 || lit.value() > targets.size()) {
                throw new PgException(SqlState.INVALID_COLUMN_REFERENCE, "GROUP BY position " + lit.value()
                        + " is not in select list").withPosition(lit.position());
            }
            return targets.get((int) lit.value() - 1);
        }
        if (g instanceof Expr.ColumnRef ref && !ref.star() && ref.names().size() == 1) {
            String name = ref.names().get(0);
            boolean inFrom = scope.merged.stream().anyMatch(m -> m.name().equals(name))
                    || scope.entries.stream().anyMatch(e -> e.column(name) != null);
            if (!inFrom) {
                for (int i = 0; i < names.size(); i++) {
                    if (names.get(i).equals(name)) {
                        return targets.get(i);
                    }
                }
            }
        }
        return ea.bind(g);
    }

    /** ORDER BY: output column names and ordinals first, else expressions (added as junk targets). */
    private List<BoundQuery.SortKey> orderBy(List<SortItem> items, List<BoundExpr> targets, List<String> names,
                                             ExprAnalyzer ea, boolean distinct) {
        List<BoundQuery.SortKey> keys = new ArrayList<>();
        int visible = names.size();
        for (SortItem item : items) {
            if (item.direction() == SortItem.Direction.USING) {
                throw Errors.featureNotSupported("ORDER BY ... USING");
            }
            int index = -1;
            Expr e = item.expr();
            if (e instanceof Expr.IntegerLiteral lit) {
                if (lit.value() < 1 || lit.value() > visible) {
                    throw new PgException(SqlState.INVALID_COLUMN_REFERENCE, "ORDER BY position " + lit.value()
                            + " is not in select list").withPosition(lit.position());
                }
                index = (int) lit.value() - 1;
            } else if (e instanceof Expr.ColumnRef ref && !ref.star() && ref.names().size() == 1) {
                String name = ref.names().get(0);
                for (int i = 0; i < visible; i++) {
                    if (names.get(i).equals(name)) {
                        if (index >= 0 && !targets.get(index).equals(targets.get(i))) {
                            throw new PgException(SqlState.AMBIGUOUS_COLUMN, "ORDER BY \"" + name + "\" is ambiguous")
                                    .withPosition(ref.position());
                        }
                        if (index < 0) {
                            index = i;
                        }
                    }
                }
            }
            if (index < 0) {
                BoundExpr b = ea.resolveUnknown(ea.bind(e));
                index = targets.indexOf(b);
                if (index < 0) {
                    if (distinct) {
                        throw new PgException(SqlState.INVALID_COLUMN_REFERENCE,
                                "for SELECT DISTINCT, ORDER BY expressions must appear in select list")
                                .withPosition(e.position());
                    }
                    index = targets.size();
                    targets.add(b);
                }
            }
            boolean desc = item.direction() == SortItem.Direction.DESC;
            boolean nullsFirst = item.nulls() == SortItem.Nulls.DEFAULT ? desc : item.nulls() == SortItem.Nulls.FIRST;
            keys.add(new BoundQuery.SortKey(index, desc, nullsFirst));
        }
        return keys;
    }

    private BoundExpr limitExpr(Expr e, String clause) {
        if (e == null) {
            return null;
        }
        ExprAnalyzer ea = new ExprAnalyzer(actx, new Scope(parent));
        ea.aggregatesForbiddenIn = clause;
        BoundExpr b = ea.bind(e);
        BoundExpr c = ea.coerce(b, PgType.INT8, -1, CastContext.IMPLICIT, e.position());
        if (c == null) {
            throw new PgException(SqlState.DATATYPE_MISMATCH, "argument of " + clause + " must be type bigint, not type "
                    + b.type().sqlName()).withPosition(e.position());
        }
        return c;
    }

    // ---- FROM ----

    private BoundQuery.From fromClause(List<FromItem> items, Scope scope) {
        return fromClause(items, scope, 0);
    }

    /** The FROM items placed from slot {@code base} of the row (UPDATE ... FROM puts them after the target). */
    BoundQuery.From fromClause(List<FromItem> items, Scope scope, int base) {
        BoundQuery.From result = null;
        List<Scope.StarColumn> star = new ArrayList<>();
        for (FromItem item : items) {
            List<Scope.StarColumn> itemStar = new ArrayList<>();
            BoundQuery.From f = fromItem(item, scope, base + (result == null ? 0 : result.width()), itemStar);
            star.addAll(itemStar);
            result = result == null ? f : new BoundQuery.Join(BoundQuery.JoinKind.CROSS, result, f, null);
        }
        scope.star = star;
        return result;
    }

    private BoundQuery.From fromItem(FromItem item, Scope scope, int offset, List<Scope.StarColumn> star) {
        return switch (item) {
            case FromItem.TableRef t when t.name().schema() == null && parent != null
                    && parent.findCte(t.name().name()) != null -> {
                Scope.Cte cte = parent.findCte(t.name().name());
                BoundQuery q = new QueryAnalyzer(actx, cte.definedIn()).analyze((Select) cte.definition().query(), true);
                List<String> names = t.alias() != null && !t.alias().columns().isEmpty() ? t.alias().columns()
                        : cte.definition().columns();
                if (names.size() > q.columns().size()) {
                    throw new PgException(SqlState.INVALID_COLUMN_REFERENCE, "WITH query \"" + cte.definition().name()
                            + "\" has " + q.columns().size() + " columns available but " + names.size()
                            + " columns specified").withPosition(t.name().position());
                }
                String alias = t.alias() != null ? t.alias().name() : cte.definition().name();
                List<BoundExpr.Column> cols = new ArrayList<>();
                for (int i = 0; i < q.columns().size(); i++) {
                    ResultColumn c = q.columns().get(i);
                    cols.add(new BoundExpr.Column(offset + i, c.type(), c.typmod(), i < names.size() ? names.get(i) : c.name(),
                            0, 0));
                }
                addEntry(scope, new Scope.Entry(alias, null, cols), t.name().position());
                cols.forEach(c -> star.add(new Scope.StarColumn(c.name(), c)));
                yield new BoundQuery.SubqueryRef(q, alias, offset);
            }
            case FromItem.TableRef t -> {
                TableDescriptor table = actx.table(t.name());
                String alias = t.alias() != null ? t.alias().name() : table.name();
                List<String> aliases = t.alias() != null ? t.alias().columns() : List.of();
                if (aliases.size() > table.columns().size()) {
                    throw new PgException(SqlState.INVALID_COLUMN_REFERENCE, "table \"" + alias + "\" has "
                            + table.columns().size() + " columns available but " + aliases.size() + " columns specified");
                }
                List<BoundExpr.Column> cols = new ArrayList<>();
                for (int i = 0; i < table.columns().size(); i++) {
                    ColumnDescriptor c = table.columns().get(i);
                    String name = i < aliases.size() ? aliases.get(i) : c.name();
                    cols.add(new BoundExpr.Column(offset + i, c.type(), c.typmod(), name, table.oid(), c.attnum()));
                }
                addEntry(scope, new Scope.Entry(alias, t.alias() != null ? table.name() : null, cols, table.primaryKey()),
                        t.name().position());
                cols.forEach(c -> star.add(new Scope.StarColumn(c.name(), c)));
                yield new BoundQuery.TableRef(table, alias, offset);
            }
            case FromItem.SubqueryRef s -> {
                if (s.lateral()) {
                    throw Errors.featureNotSupported("LATERAL").withPosition(s.position());
                }
                if (s.alias() == null) {
                    throw new PgException(SqlState.SYNTAX_ERROR, "subquery in FROM must have an alias")
                            .withPosition(s.position())
                            .withHint("For example, FROM (SELECT ...) [AS] foo.");
                }
                BoundQuery q = new QueryAnalyzer(actx, parent).analyze(s.query(), true);
                List<BoundExpr.Column> cols = new ArrayList<>();
                List<String> aliases = s.alias().columns();
                if (aliases.size() > q.columns().size()) {
                    throw new PgException(SqlState.INVALID_COLUMN_REFERENCE, "table \"" + s.alias().name() + "\" has "
                            + q.columns().size() + " columns available but " + aliases.size() + " columns specified");
                }
                for (int i = 0; i < q.columns().size(); i++) {
                    ResultColumn c = q.columns().get(i);
                    String name = i < aliases.size() ? aliases.get(i) : c.name();
                    cols.add(new BoundExpr.Column(offset + i, c.type(), c.typmod(), name, 0, 0));
                }
                addEntry(scope, new Scope.Entry(s.alias().name(), null, cols), s.position());
                cols.forEach(c -> star.add(new Scope.StarColumn(c.name(), c)));
                yield new BoundQuery.SubqueryRef(q, s.alias().name(), offset);
            }
            case FromItem.FunctionRef f -> SetReturningFunctions.inFrom(actx, parent, f, scope, offset, star);
            case FromItem.JoinRef j -> join(j, scope, offset, star);
        };
    }

    static void addEntry(Scope scope, Scope.Entry entry, int position) {
        if (scope.entry(entry.alias()) != null) {
            throw new PgException(SqlState.DUPLICATE_ALIAS, "table name \"" + entry.alias()
                    + "\" specified more than once");
        }
        scope.entries.add(entry);
    }

    private BoundQuery.From join(FromItem.JoinRef j, Scope scope, int offset, List<Scope.StarColumn> star) {
        if (j.alias() != null || j.usingAlias() != null) {
            throw Errors.featureNotSupported("aliases on joins").withPosition(j.position());
        }
        List<Scope.StarColumn> leftStar = new ArrayList<>();
        List<Scope.StarColumn> rightStar = new ArrayList<>();
        BoundQuery.From left = fromItem(j.left(), scope, offset, leftStar);
        BoundQuery.From right = fromItem(j.right(), scope, offset + left.width(), rightStar);
        BoundQuery.JoinKind kind = BoundQuery.JoinKind.valueOf(j.type().name());
        ExprAnalyzer ea = new ExprAnalyzer(actx, scope);
        ea.aggregatesForbiddenIn = "JOIN conditions";
        List<String> using = j.using();
        if (j.natural()) {
            Set<String> common = new LinkedHashSet<>();
            for (Scope.StarColumn l : leftStar) {
                if (rightStar.stream().anyMatch(r -> r.name().equals(l.name()))) {
                    common.add(l.name());
                }
            }
            using = new ArrayList<>(common);
        }
        BoundExpr condition = null;
        if (using != null) {
            List<BoundExpr> tests = new ArrayList<>();
            List<Scope.StarColumn> merged = new ArrayList<>();
            for (String name : using) {
                BoundExpr l = findStar(leftStar, name, "left", j.position());
                BoundExpr r = findStar(rightStar, name, "right", j.position());
                BoundExpr.OpCall eq = ea.operatorCall("=", l, j.position(), r, j.position(), j.position());
                tests.add(eq);
                BoundExpr m = switch (kind) {
                    case RIGHT -> r;
                    case FULL -> {
                        PgType t = TypeResolver.commonType(List.of(l.type(), r.type()), "JOIN/USING", j.position());
                        yield new BoundExpr.Coalesce(List.of(ea.coerceOrFail(l, t, -1, CastContext.IMPLICIT, j.position()),
                                ea.coerceOrFail(r, t, -1, CastContext.IMPLICIT, j.position())), t);
                    }
                    default -> l;
                };
                merged.add(new Scope.StarColumn(name, m));
                scope.merged.add(new Scope.Merged(name, m));
            }
            condition = tests.isEmpty() ? null : tests.size() == 1 ? tests.get(0) : new BoundExpr.And(tests);
            star.addAll(merged);
            leftStar.stream().filter(c -> !contains(merged, c.name())).forEach(star::add);
            rightStar.stream().filter(c -> !contains(merged, c.name())).forEach(star::add);
            if (kind == BoundQuery.JoinKind.CROSS) {
                kind = BoundQuery.JoinKind.INNER;
            }
        } else {
            star.addAll(leftStar);
            star.addAll(rightStar);
            if (j.on() != null) {
                condition = ea.bindCondition(j.on(), "JOIN/ON");
            }
        }
        return new BoundQuery.Join(kind, left, right, condition);
    }

    private static boolean contains(List<Scope.StarColumn> cols, String name) {
        return cols.stream().anyMatch(c -> c.name().equals(name));
    }

    private static BoundExpr findStar(List<Scope.StarColumn> cols, String name, String side, int position) {
        BoundExpr found = null;
        for (Scope.StarColumn c : cols) {
            if (c.name().equals(name)) {
                if (found != null) {
                    throw new PgException(SqlState.AMBIGUOUS_COLUMN, "common column name \"" + name
                            + "\" appears more than once in " + side + " table").withPosition(position);
                }
                found = c.expr();
            }
        }
        if (found == null) {
            throw new PgException(SqlState.UNDEFINED_COLUMN, "column \"" + name + "\" specified in USING clause does not exist in "
                    + side + " table").withPosition(position);
        }
        return found;
    }

}
