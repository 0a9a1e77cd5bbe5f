package io.tuskdb.sql.analyzer;

import io.tuskdb.catalog.ColumnDescriptor;
import io.tuskdb.catalog.TableDescriptor;
import io.tuskdb.error.Errors;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.ResultColumn;
import io.tuskdb.sql.parser.ast.Delete;
import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.Insert;
import io.tuskdb.sql.parser.ast.QueryBody;
import io.tuskdb.sql.parser.ast.SetClause;
import io.tuskdb.sql.parser.ast.Update;
import io.tuskdb.types.CastContext;
import io.tuskdb.types.PgType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** INSERT, UPDATE and DELETE (analyze.c transformInsertStmt / transformUpdateStmt / transformDeleteStmt). */
final class DmlAnalyzer {
    private DmlAnalyzer() {
    }

    static BoundStatement insert(AnalyzerContext actx, Insert ins) {
        if (ins.with() != null) {
            throw Errors.featureNotSupported("WITH queries");
        }
        if (ins.overriding() != null) {
            throw Errors.featureNotSupported("OVERRIDING");
        }
        TableDescriptor table = actx.table(ins.table());
        int n = table.columns().size();
        boolean explicitColumns = !ins.columns().isEmpty();
        int[] targets;
        int[] targetPositions;
        if (explicitColumns) {
            List<String> names = new ArrayList<>();
            targetPositions = new int[ins.columns().size()];
            for (int i = 0; i < targetPositions.length; i++) {
                Insert.InsertColumn c = ins.columns().get(i);
                if (!c.path().isEmpty()) {
                    throw Errors.featureNotSupported("assignment to subscripts or fields").withPosition(c.position());
                }
                names.add(c.name());
                targetPositions[i] = c.position();
            }
            targets = Analyzer.columnIndexes(table, names, targetPositions);
        } else {
            targets = new int[n];
            for (int i = 0; i < n; i++) {
                targets[i] = i;
            }
            targetPositions = new int[n];
        }
        List<ResultColumn> full = new ArrayList<>();
        for (ColumnDescriptor c : table.columns()) {
            full.add(new ResultColumn(c.name(), 0, 0, c.type(), c.typmod()));
        }
        BoundQuery source = switch (ins.source()) {
            case Insert.DefaultValues d -> new BoundQuery.Values(List.of(defaultsRow(actx, table)), full);
            case Insert.Values v -> {
                ExprAnalyzer ea = new ExprAnalyzer(actx, new Scope(null));
                ea.aggregatesForbiddenIn = "VALUES";
                List<List<BoundExpr>> rows = new ArrayList<>();
                for (List<Expr> row : v.rows()) {
                    checkCount(row.size(), targets.length, explicitColumns,
                            row.size() > targets.length ? row.get(targets.length).position() : 0, targetPositions);
                    List<BoundExpr> out = defaultsRow(actx, table);
                    for (int i = 0; i < row.size(); i++) {
                        Expr e = row.get(i);
                        int col = targets[i];
                        if (e instanceof Expr.Default) {
                            continue;
                        }
                        out.set(col, assign(ea, ea.bind(e), table.columns().get(col), ExprAnalyzer.leftmost(e)));
                    }
                    rows.add(out);
                }
                yield new BoundQuery.Values(rows, full);
            }
            case Insert.Query q -> {
                BoundQuery sub = new QueryAnalyzer(actx, null).analyze(q.select(), false);
                int count = sub.columns().size();
                int extraPos = 0;
                if (count > targets.length && q.select().body() instanceof QueryBody.SimpleSelect ss
                        && ss.targets().size() > targets.length) {
                    extraPos = ss.targets().get(targets.length).expr().position();
                }
                checkCount(count, targets.length, explicitColumns, extraPos, targetPositions);
                List<PgType> want = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    want.add(sub.columns().get(i).type() == PgType.UNKNOWN
                            ? table.columns().get(targets[i]).type() : PgType.UNKNOWN);
                }
                ExprAnalyzer ea = new ExprAnalyzer(actx, new Scope(null));
                // positions of the select-list entries, for errors about them (when the source is a plain SELECT)
                int[] positions = new int[count];
                if (q.select().body() instanceof QueryBody.SimpleSelect ss && ss.targets().size() == count) {
                    for (int i = 0; i < count; i++) {
                        positions[i] = ExprAnalyzer.leftmost(ss.targets().get(i).expr());
                    }
                }
                for (int i = 0; i < count; i++) {
                    if (want.get(i) != PgType.UNKNOWN) {
                        List<PgType> one = new ArrayList<>();
                        for (int k = 0; k < count; k++) {
                            one.add(k == i ? want.get(i) : PgType.UNKNOWN);
                        }
                        sub = QueryAnalyzer.coerceOutputs(sub, one, ea, positions[i]);
                    }
                }
                List<BoundExpr> row = defaultsRow(actx, table);
                for (int i = 0; i < count; i++) {
                    ResultColumn rc = sub.columns().get(i);
                    BoundExpr col = new BoundExpr.Column(i, rc.type(), rc.typmod(), rc.name(), 0, 0);
                    row.set(targets[i], assign(ea, col, table.columns().get(targets[i]), positions[i]));
                }
                yield new BoundQuery.Select(new BoundQuery.SubqueryRef(sub, "*SELECT*", 0), null, List.of(), List.of(),
                        false, null, row, full, false, List.of(), null, null);
            }
        };
        BoundStatement.OnConflict onConflict = ins.onConflict() == null ? null
                : onConflict(actx, table, ins.alias(), ins.onConflict());
        List<ResultColumn> cols = new ArrayList<>();
        List<BoundExpr> returning = Analyzer.returning(actx, table, ins.alias(), ins.returning(), cols);
        return new BoundStatement.Insert(table, source, onConflict, returning, cols);
    }

    /** ON CONFLICT: the arbiter must be the primary key (TuskDB's only unique constraint). */
    private static BoundStatement.OnConflict onConflict(AnalyzerContext actx, TableDescriptor table, String alias,
                                                        Insert.OnConflict oc) {
        boolean hasTarget = !oc.targetColumns().isEmpty() || oc.constraintName() != null;
        if (!oc.doNothing() && !hasTarget) {
            throw new PgException(SqlState.SYNTAX_ERROR,
                    "ON CONFLICT DO UPDATE requires inference specification or constraint name")
                    .withHint("For example, ON CONFLICT (column_name).");
        }
        if (oc.targetWhere() != null) {
            throw Errors.featureNotSupported("ON CONFLICT with a partial-index WHERE");
        }
        if (hasTarget) {
            boolean matches;
            if (oc.constraintName() != null) {
                if (!oc.constraintName().equals(table.primaryKeyName())) {
                    throw new PgException(SqlState.UNDEFINED_OBJECT, "constraint \"" + oc.constraintName()
                            + "\" for table \"" + table.name() + "\" does not exist");
                }
                matches = true;
            } else {
                int[] cols = Analyzer.columnIndexes(table, oc.targetColumns(), null);
                java.util.Set<Integer> want = new java.util.HashSet<>();
                for (int k : table.primaryKey()) {
                    want.add(k);
                }
                java.util.Set<Integer> got = new java.util.HashSet<>();
                for (int c : cols) {
                    got.add(c);
                }
                matches = !want.isEmpty() && want.equals(got);
            }
            if (!matches) {
                throw new PgException(SqlState.INVALID_COLUMN_REFERENCE,
                        "there is no unique or exclusion constraint matching the ON CONFLICT specification");
            }
        }
        if (oc.doNothing()) {
            return new BoundStatement.OnConflict(true, null, null);
        }
        Scope scope = Analyzer.tableScope(table, alias);
        List<BoundExpr.Column> excluded = new ArrayList<>();
        int n = table.columns().size();
        for (int i = 0; i < n; i++) {
            ColumnDescriptor c = table.columns().get(i);
            excluded.add(new BoundExpr.Column(n + i, c.type(), c.typmod(), c.name(), 0, 0));
        }
        scope.entries.add(new Scope.Entry("excluded", null, excluded));
        ExprAnalyzer ea = new ExprAnalyzer(actx, scope);
        ea.aggregatesForbiddenIn = "ON CONFLICT DO UPDATE";
        BoundExpr[] assignments = new BoundExpr[n];
        for (SetClause sc : oc.set()) {
            if (!sc.path().isEmpty() || sc.multiIndex() > 0) {
                throw Errors.featureNotSupported("this form of SET clause").withPosition(sc.position());
            }
            int col = table.columnIndex(sc.column());
            if (col < 0) {
                throw new PgException(SqlState.UNDEFINED_COLUMN, "column \"" + sc.column() + "\" of relation \""
                        + table.name() + "\" does not exist").withPosition(sc.position());
            }
            assignments[col] = sc.value() instanceof Expr.Default ? Analyzer.columnDefault(actx, table, col)
                    : assign(ea, ea.bind(sc.value()), table.columns().get(col), sc.value().position());
        }
        BoundExpr where = oc.where() == null ? null : ea.bindCondition(oc.where(), "WHERE");
        return new BoundStatement.OnConflict(false, Arrays.asList(assignments), where);
    }

    private static void checkCount(int given, int targets, boolean explicitColumns, int extraPosition, int[] targetPositions) {
        if (given > targets) {
            throw new PgException(SqlState.SYNTAX_ERROR, "INSERT has more expressions than target columns")
                    .withPosition(extraPosition);
        }
        if (given < targets && explicitColumns) {
            throw new PgException(SqlState.SYNTAX_ERROR, "INSERT has more target columns than expressions")
                    .withPosition(targetPositions[given]);
        }
    }

    private static List<BoundExpr> defaultsRow(AnalyzerContext actx, TableDescriptor table) {
        List<BoundExpr> row = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            row.add(Analyzer.columnDefault(actx, table, i));
        }
        return row;
    }

    /** Assignment coercion to a column (42804 when impossible), typmod applied. */
    static BoundExpr assign(ExprAnalyzer ea, BoundExpr b, ColumnDescriptor c, int position) {
        BoundExpr r = ea.coerce(b, c.type(), c.typmod(), CastContext.ASSIGNMENT, position);
        if (r == null) {
            throw new PgException(SqlState.DATATYPE_MISMATCH, "column \"" + c.name() + "\" is of type "
                    + c.type().sqlName() + " but expression is of type " + b.type().sqlName())
                    .withHint("You will need to rewrite or cast the expression.").withPosition(position);
        }
        return r;
    }

    static BoundStatement update(AnalyzerContext actx, Update u) {
        if (u.with() != null) {
            throw Errors.featureNotSupported("WITH queries");
        }
        TableDescriptor table = actx.table(u.table());
        Scope scope = Analyzer.tableScope(table, u.alias());
        BoundQuery.From from = fromItems(actx, table, u.from(), scope, "UPDATE ... FROM");
        ExprAnalyzer ea = new ExprAnalyzer(actx, scope);
        ea.aggregatesForbiddenIn = "UPDATE";
        BoundExpr[] assignments = new BoundExpr[table.columns().size()];
        for (SetClause sc : u.set()) {
            if (!sc.path().isEmpty() && table.columnIndex(sc.column()) < 0) {
                throw new PgException(SqlState.UNDEFINED_COLUMN, "column \"" + sc.column() + "\" of relation \""
                        + table.name() + "\" does not exist").withPosition(sc.position());
            }
            if (!sc.path().isEmpty() || sc.multiIndex() > 0) {
                throw Errors.featureNotSupported("this form of SET clause").withPosition(sc.position());
            }
            int col = table.columnIndex(sc.column());
            if (col < 0) {
                throw new PgException(SqlState.UNDEFINED_COLUMN, "column \"" + sc.column() + "\" of relation \""
                        + table.name() + "\" does not exist").withPosition(sc.position());
            }
            if (assignments[col] != null) {
                // PostgreSQL 15 reports this one without a position (transformUpdateTargetList)
                throw new PgException(SqlState.SYNTAX_ERROR, "multiple assignments to same column \"" + sc.column() + "\"");
            }
            assignments[col] = sc.value() instanceof Expr.Default ? Analyzer.columnDefault(actx, table, col)
                    : assign(ea, ea.bind(sc.value()), table.columns().get(col), ExprAnalyzer.leftmost(sc.value()));
        }
        ea.aggregatesForbiddenIn = "WHERE";
        BoundExpr where = u.where() == null ? null : ea.bindCondition(u.where(), "WHERE");
        List<ResultColumn> cols = new ArrayList<>();
        List<BoundExpr> returning = Analyzer.returning(actx, scope, u.returning(), cols);
        return new BoundStatement.Update(table, u.alias(), from, where, Arrays.asList(assignments), returning, cols);
    }

    static BoundStatement delete(AnalyzerContext actx, Delete d) {
        if (d.with() != null) {
            throw Errors.featureNotSupported("WITH queries");
        }
        TableDescriptor table = actx.table(d.table());
        Scope scope = Analyzer.tableScope(table, d.alias());
        BoundQuery.From from = fromItems(actx, table, d.using(), scope, "DELETE ... USING");
        ExprAnalyzer ea = new ExprAnalyzer(actx, scope);
        ea.aggregatesForbiddenIn = "WHERE";
        BoundExpr where = d.where() == null ? null : ea.bindCondition(d.where(), "WHERE");
        List<ResultColumn> cols = new ArrayList<>();
        List<BoundExpr> returning = Analyzer.returning(actx, scope, d.returning(), cols);
        return new BoundStatement.Delete(table, d.alias(), from, where, returning, cols);
    }

    /**
     * UPDATE ... FROM / DELETE ... USING items, placed after the target's columns in the scope. The target rows
     * are found again through their primary key, so the target needs one.
     */
    private static BoundQuery.From fromItems(AnalyzerContext actx, TableDescriptor table,
                                             List<io.tuskdb.sql.parser.ast.FromItem> items, Scope scope, String what) {
        if (items.isEmpty()) {
            return null;
        }
        if (table.primaryKey().length == 0) {
            throw Errors.featureNotSupported(what + " on a table without a primary key");
        }
        List<Scope.StarColumn> targetStar = scope.star;
        BoundQuery.From from = new QueryAnalyzer(actx, null).fromClause(items, scope, table.columns().size());
        List<Scope.StarColumn> star = new ArrayList<>(targetStar);
        star.addAll(scope.star);
        scope.star = star;
        return from;
    }
}
