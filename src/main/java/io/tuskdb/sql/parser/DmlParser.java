package io.tuskdb.sql.parser;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.parser.ast.Alias;
import io.tuskdb.sql.parser.ast.Delete;
import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.FromItem;
import io.tuskdb.sql.parser.ast.Indirection;
import io.tuskdb.sql.parser.ast.Insert;
import io.tuskdb.sql.parser.ast.QualifiedName;
import io.tuskdb.sql.parser.ast.QueryBody;
import io.tuskdb.sql.parser.ast.Select;
import io.tuskdb.sql.parser.ast.SetClause;
import io.tuskdb.sql.parser.ast.Statement;
import io.tuskdb.sql.parser.ast.TargetItem;
import io.tuskdb.sql.parser.ast.Update;
import io.tuskdb.sql.parser.ast.WithClause;

import java.util.ArrayList;
import java.util.List;

/** gram.y's InsertStmt, UpdateStmt and DeleteStmt. */
abstract class DmlParser extends QueryParser {

    DmlParser(String sql) {
        super(sql);
    }

    @Override
    final Statement dmlStatement(WithClause with) {
        if (atKw("insert")) {
            return insert(with);
        }
        if (atKw("update")) {
            return update(with);
        }
        if (atKw("delete")) {
            return delete(with);
        }
        throw syntaxError();
    }

    final Insert insert(WithClause with) {
        expectKw("insert");
        expectKw("into");
        QualifiedName table = qualifiedName();
        String alias = acceptKw("as") ? colId() : null;
        List<Insert.InsertColumn> columns = List.of();
        if (atSelf('(') && !parenthesizedSelectAhead()) {
            advance();
            columns = new ArrayList<>();
            do {
                Token c = cur();
                String name = colId();
                columns.add(new Insert.InsertColumn(name, assignmentPath(), pos(c)));
            } while (acceptSelf(','));
            expectSelf(')');
        }
        String overriding = null;
        if (acceptKw("overriding")) {
            if (acceptKw("user")) {
                overriding = "user";
            } else {
                expectKw("system");
                overriding = "system";
            }
            expectKw("value");
        }
        Insert.InsertSource source;
        if (atKw("default") && atKw(1, "values")) {
            advance();
            advance();
            source = new Insert.DefaultValues();
        } else {
            Select s = selectStatement();
            if (s.isPlain() && s.body() instanceof QueryBody.ValuesSelect v) {
                source = new Insert.Values(v.rows(), v.position());
            } else {
                source = new Insert.Query(s);
            }
        }
        Insert.OnConflict onConflict = null;
        if (atKw("on") && atKw(1, "conflict")) {
            advance();
            advance();
            onConflict = onConflict();
        }
        return new Insert(with, table, alias, columns, overriding, source, onConflict, returning());
    }

    private boolean parenthesizedSelectAhead() {
        int k = 0;
        while (peek(k).isSelf('(')) {
            k++;
        }
        return startsSelect(peek(k));
    }

    private Insert.OnConflict onConflict() {
        List<String> target = List.of();
        Expr targetWhere = null;
        String constraint = null;
        if (atSelf('(')) {
            advance();
            target = new ArrayList<>();
            do {
                if (!isColId(cur()) || !(peek(1).isSelf(',') || peek(1).isSelf(')'))) {
                    throw notSupported("ON CONFLICT with expression or operator class index elements", cur());
                }
                target.add(advance().text());
            } while (acceptSelf(','));
            expectSelf(')');
            if (acceptKw("where")) {
                targetWhere = aExpr();
            }
        } else if (acceptKw("on")) {
            expectKw("constraint");
            constraint = colId();
        }
        expectKw("do");
        if (acceptKw("nothing")) {
            return new Insert.OnConflict(target, targetWhere, constraint, true, List.of(), null);
        }
        expectKw("update");
        expectKw("set");
        List<SetClause> set = setClauses();
        Expr where = acceptKw("where") ? aExpr() : null;
        return new Insert.OnConflict(target, targetWhere, constraint, false, set, where);
    }

    final List<TargetItem> returning() {
        if (acceptKw("returning")) {
            return targetList();
        }
        return List.of();
    }

    /** opt_indirection of an assignment target: {@code .field} and {@code [subscript]} steps. */
    private List<Indirection> assignmentPath() {
        List<Indirection> path = null;
        while (true) {
            if (atSelf('.')) {
                advance();
                if (atSelf('*')) {
                    throw syntaxError();
                }
                if (path == null) {
                    path = new ArrayList<>();
                }
                path.add(new Indirection.Field(colLabel()));
            } else if (atSelf('[')) {
                if (path == null) {
                    path = new ArrayList<>();
                }
                path.add(subscript());
            } else {
                return path == null ? List.of() : path;
            }
        }
    }

    final List<SetClause> setClauses() {
        List<SetClause> set = new ArrayList<>();
        do {
            if (atSelf('(')) {
                Token open = advance();
                List<String> cols = new ArrayList<>();
                List<List<Indirection>> paths = new ArrayList<>();
                List<Integer> positions = new ArrayList<>();
                do {
                    Token c = cur();
                    cols.add(colId());
                    paths.add(assignmentPath());
                    positions.add(pos(c));
                } while (acceptSelf(','));
                expectSelf(')');
                expectSelf('=');
                Expr value = aExpr();
                if (value instanceof Expr.RowExpr row && row.fields().stream().noneMatch(DmlParser::isStar)) {
                    if (row.fields().size() != cols.size()) {
                        throw new PgException(SqlState.SYNTAX_ERROR, "number of columns does not match number of values")
                                .withPosition(row.position());
                    }
                    for (int i = 0; i < cols.size(); i++) {
                        set.add(new SetClause(cols.get(i), paths.get(i), row.fields().get(i), 0, positions.get(i)));
                    }
                } else if (value instanceof Expr.ScalarSubquery || value instanceof Expr.RowExpr) {
                    for (int i = 0; i < cols.size(); i++) {
                        set.add(new SetClause(cols.get(i), paths.get(i), value, i + 1, positions.get(i)));
                    }
                } else if (cols.size() == 1) {
                    set.add(new SetClause(cols.get(0), paths.get(0), value, 0, positions.get(0)));
                } else {
                    throw new PgException(SqlState.SYNTAX_ERROR,
                            "source for a multiple-column UPDATE item must be a sub-SELECT or ROW() expression")
                            .withPosition(value.position() > 0 ? value.position() : pos(open));
                }
            } else {
                Token c = cur();
                String col = colId();
                List<Indirection> path = assignmentPath();
                expectSelf('=');
                set.add(new SetClause(col, path, aExpr(), 0, pos(c)));
            }
        } while (acceptSelf(','));
        return set;
    }

    final Update update(WithClause with) {
        expectKw("update");
        boolean only = acceptKw("only");
        QualifiedName table = qualifiedName();
        acceptSelf('*');
        Alias alias = optAlias(true);
        expectKw("set");
        List<SetClause> set = setClauses();
        List<FromItem> from = acceptKw("from") ? fromList() : List.of();
        Expr where = whereOrCurrentOf();
        return new Update(with, table, only, alias == null ? null : alias.name(), set, from, where, returning());
    }

    final Delete delete(WithClause with) {
        expectKw("delete");
        expectKw("from");
        boolean only = acceptKw("only");
        QualifiedName table = qualifiedName();
        acceptSelf('*');
        Alias alias = optAlias(false);
        List<FromItem> using = acceptKw("using") ? fromList() : List.of();
        Expr where = whereOrCurrentOf();
        return new Delete(with, table, only, alias == null ? null : alias.name(), using, where, returning());
    }

    private Expr whereOrCurrentOf() {
        if (!acceptKw("where")) {
            return null;
        }
        if (atKw("current") && atKw(1, "of")) {
            throw notSupported("WHERE CURRENT OF", cur());
        }
        return aExpr();
    }

    private static boolean isStar(Expr e) {
        return (e instanceof Expr.ColumnRef c && c.star()) || (e instanceof Expr.FieldSelect f && f.field().equals("*"));
    }
}
