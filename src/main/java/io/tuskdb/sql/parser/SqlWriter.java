package io.tuskdb.sql.parser;

import io.tuskdb.sql.parser.ast.Alias;
import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.FromItem;
import io.tuskdb.sql.parser.ast.LockingClause;
import io.tuskdb.sql.parser.ast.QualifiedName;
import io.tuskdb.sql.parser.ast.QueryBody;
import io.tuskdb.sql.parser.ast.Select;
import io.tuskdb.sql.parser.ast.SortItem;
import io.tuskdb.sql.parser.ast.TargetItem;
import io.tuskdb.sql.parser.ast.TypeName;
import io.tuskdb.sql.parser.ast.WindowDef;
import io.tuskdb.sql.parser.ast.WithClause;

import java.util.List;

/**
 * Writes expressions and queries back to SQL that parses to the same tree (ignoring positions). Every composite
 * expression is parenthesised, so precedence never matters; identifiers are quoted when PostgreSQL would need it.
 */
class SqlWriter {
    final StringBuilder out = new StringBuilder();

    @Override
    public String toString() {
        return out.toString();
    }

    // ---- names and literals ----

    static String quoteIdent(String s) {
        boolean plain = !s.isEmpty() && ((s.charAt(0) >= 'a' && s.charAt(0) <= 'z') || s.charAt(0) == '_');
        for (int i = 0; plain && i < s.length(); i++) {
            char c = s.charAt(i);
            plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
        }
        if (plain) {
            Keywords.Keyword kw = Keywords.lookup(s);
            if (kw == null || kw.category() == Keywords.Category.UNRESERVED) {
                return s;
            }
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    SqlWriter ident(String s) {
        out.append(quoteIdent(s));
        return this;
    }

    /** A dotted name; parts after the first are ColLabels, where keywords need no quotes. */
    SqlWriter names(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append('.');
                String part = names.get(i);
                String quoted = quoteIdent(part);
                out.append(quoted.startsWith("\"") && Keywords.lookup(part) != null ? part : quoted);
            } else {
                ident(names.get(i));
            }
        }
        return this;
    }

    SqlWriter name(QualifiedName name) {
        return names(name.parts());
    }

    SqlWriter identList(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            ident(names.get(i));
        }
        return this;
    }

    static String quoteString(String s) {
        return '\'' + s.replace("'", "''") + '\'';
    }

    SqlWriter str(String s) {
        out.append(quoteString(s));
        return this;
    }

    SqlWriter kw(String s) {
        out.append(s);
        return this;
    }

    // ---- types ----

    SqlWriter type(TypeName t) {
        if (t.isSystemTypeName() && t.name().equals("interval")) {
            out.append("INTERVAL");
            if (t.intervalFields() == null && !t.modifiers().isEmpty()) {
                out.append('(');
                expr(t.modifiers().get(0));
                out.append(')');
            } else if (t.intervalFields() != null) {
                intervalFields(t);
            }
        } else {
            names(t.names());
            if (!t.modifiers().isEmpty()) {
                out.append('(');
                exprList(t.modifiers());
                out.append(')');
            }
        }
        for (int i = 0; i < t.arrayBounds(); i++) {
            out.append("[]");
        }
        return this;
    }

    private void intervalFields(TypeName t) {
        out.append(' ').append(t.intervalFields());
        if (!t.modifiers().isEmpty()) {
            out.append('(');
            expr(t.modifiers().get(0));
            out.append(')');
        }
    }

    // ---- expressions ----

    SqlWriter exprList(List<Expr> list) {
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            expr(list.get(i));
        }
        return this;
    }

    SqlWriter expr(Expr e) {
        switch (e) {
            case Expr.ColumnRef c -> {
                names(c.names());
                if (c.star()) {
                    out.append(c.names().isEmpty() ? "*" : ".*");
                }
            }
            case Expr.IntegerLiteral i -> {
                if (i.value() < 0) {
                    out.append('(').append(i.value()).append(')');
                } else {
                    out.append(i.value());
                }
            }
            case Expr.NumericLiteral n -> {
                if (n.text().startsWith("-")) {
                    out.append('(').append(n.text()).append(')');
                } else {
                    out.append(n.text());
                }
            }
            case Expr.StringLiteral s -> str(s.value());
            case Expr.BooleanLiteral b -> out.append(b.value() ? "TRUE" : "FALSE");
            case Expr.NullLiteral n -> out.append("NULL");
            case Expr.TypedLiteral t -> {
                TypeName type = t.type();
                if (type.isSystemTypeName() && type.name().equals("interval")) {
                    out.append("INTERVAL");
                    if (type.intervalFields() == null && !type.modifiers().isEmpty()) {
                        out.append('(');
                        expr(type.modifiers().get(0));
                        out.append(')');
                    }
                    out.append(' ');
                    str(t.value());
                    if (type.intervalFields() != null) {
                        intervalFields(type);
                    }
                } else if (type.arrayBounds() > 0) {
                    out.append("CAST(");
                    str(t.value());
                    out.append(" AS ");
                    type(type);
                    out.append(')');
                } else {
                    type(type);
                    out.append(' ');
                    str(t.value());
                }
            }
            case Expr.ParamRef p -> out.append('$').append(p.number());
            case Expr.UnaryOp u -> {
                out.append('(').append(u.operator()).append(' ');
                expr(u.operand());
                out.append(')');
            }
            case Expr.BinaryOp b -> binary(b.left(), b.operator(), b.right());
            case Expr.And a -> binary(a.left(), "AND", a.right());
            case Expr.Or o -> binary(o.left(), "OR", o.right());
            case Expr.Not n -> {
                out.append("(NOT ");
                expr(n.operand());
                out.append(')');
            }
            case Expr.Between b -> {
                out.append('(');
                expr(b.expr());
                out.append(b.negated() ? " NOT BETWEEN " : " BETWEEN ");
                if (b.symmetric()) {
                    out.append("SYMMETRIC ");
                }
                paren(b.low());
                out.append(" AND ");
                expr(b.high());
                out.append(')');
            }
            case Expr.InList in -> {
                out.append('(');
                expr(in.expr());
                out.append(in.negated() ? " NOT IN (" : " IN (");
                exprList(in.list());
                out.append("))");
            }
            case Expr.InSubquery in -> {
                out.append('(');
                expr(in.expr());
                out.append(in.negated() ? " NOT IN (" : " IN (");
                select(in.query());
                out.append("))");
            }
            case Expr.Exists ex -> {
                out.append("EXISTS (");
                select(ex.query());
                out.append(')');
            }
            case Expr.ScalarSubquery s -> {
                out.append('(');
                select(s.query());
                out.append(')');
            }
            case Expr.ArraySubquery s -> {
                out.append("ARRAY(");
                select(s.query());
                out.append(')');
            }
            case Expr.AnyAll a -> {
                out.append('(');
                expr(a.left());
                out.append(' ').append(a.operator()).append(a.all() ? " ALL (" : " ANY (");
                if (a.subquery() != null) {
                    select(a.subquery());
                } else {
                    expr(a.array());
                }
                out.append("))");
            }
            case Expr.Like l -> {
                out.append('(');
                expr(l.expr());
                out.append(l.negated() ? " NOT " : " ");
                out.append(switch (l.kind()) {
                    case LIKE -> "LIKE ";
                    case ILIKE -> "ILIKE ";
                    case SIMILAR -> "SIMILAR TO ";
                });
                expr(l.pattern());
                optExpr(" ESCAPE ", l.escape());
                out.append(')');
            }
            case Expr.IsNull n -> {
                out.append('(');
                expr(n.expr());
                out.append(n.negated() ? " IS NOT NULL)" : " IS NULL)");
            }
            case Expr.IsBool b -> {
                out.append('(');
                expr(b.expr());
                out.append(b.negated() ? " IS NOT " : " IS ").append(b.test().name()).append(')');
            }
            case Expr.IsDistinct d -> binary(d.left(), d.negated() ? "IS NOT DISTINCT FROM" : "IS DISTINCT FROM",
                    d.right());
            case Expr.Cast c -> {
                out.append("CAST(");
                expr(c.expr());
                out.append(" AS ");
                type(c.type());
                out.append(')');
            }
            case Expr.FuncCall f -> funcCall(f);
            case Expr.NamedArg n -> {
                ident(n.name()).out.append(" => ");
                expr(n.value());
            }
            case Expr.Case c -> {
                out.append("CASE");
                if (c.operand() != null) {
                    out.append(' ');
                    expr(c.operand());
                }
                for (Expr.CaseWhen w : c.whens()) {
                    out.append(" WHEN ");
                    expr(w.condition());
                    out.append(" THEN ");
                    expr(w.result());
                }
                optExpr(" ELSE ", c.elseExpr());
                out.append(" END");
            }
            case Expr.Coalesce c -> call("COALESCE", c.args());
            case Expr.NullIf n -> call("NULLIF", List.of(n.left(), n.right()));
            case Expr.Greatest g -> call("GREATEST", g.args());
            case Expr.Least l -> call("LEAST", l.args());
            case Expr.Grouping g -> call("GROUPING", g.args());
            case Expr.SpecialValue v -> {
                out.append(v.kind().name());
                if (v.precision() != null) {
                    out.append('(').append(v.precision()).append(')');
                }
            }
            case Expr.ArrayExpr a -> {
                out.append("ARRAY");
                arrayElements(a);
            }
            case Expr.Subscript s -> {
                paren(s.base());
                subscript(s.lower(), s.upper(), s.slice());
            }
            case Expr.FieldSelect f -> {
                paren(f.base());
                out.append('.');
                if (f.field().equals("*")) {
                    out.append('*');
                } else {
                    ident(f.field());
                }
            }
            case Expr.RowExpr r -> {
                out.append(r.explicitRow() || r.fields().size() < 2 ? "ROW(" : "(");
                exprList(r.fields());
                out.append(')');
            }
            case Expr.Collate c -> {
                out.append('(');
                expr(c.expr());
                out.append(" COLLATE ");
                names(c.collation());
                out.append(')');
            }
            case Expr.Default d -> out.append("DEFAULT");
        }
        return this;
    }

    /** {@code keyword expr} when {@code e} is present. */
    void optExpr(String keyword, Expr e) {
        if (e != null) {
            out.append(keyword);
            expr(e);
        }
    }

    /** {@code [i]} or {@code [lower:upper]} with either bound optional. */
    void subscript(Expr lower, Expr upper, boolean slice) {
        out.append('[');
        if (lower != null) {
            expr(lower);
        }
        if (slice) {
            out.append(':');
            if (upper != null) {
                expr(upper);
            }
        }
        out.append(']');
    }

    private void arrayElements(Expr.ArrayExpr a) {
        out.append('[');
        for (int i = 0; i < a.elements().size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            Expr el = a.elements().get(i);
            if (el instanceof Expr.ArrayExpr nested) {
                arrayElements(nested);
            } else {
                expr(el);
            }
        }
        out.append(']');
    }

    /** An expression in a position that needs a primary (b_expr bounds, subscript bases). */
    private void paren(Expr e) {
        out.append('(');
        expr(e);
        out.append(')');
    }

    private void binary(Expr left, String op, Expr right) {
        out.append('(');
        expr(left);
        out.append(' ').append(op).append(' ');
        expr(right);
        out.append(')');
    }

    private void call(String name, List<Expr> args) {
        out.append(name).append('(');
        exprList(args);
        out.append(')');
    }

    private void funcCall(Expr.FuncCall f) {
        names(f.name());
        out.append('(');
        if (f.star()) {
            out.append('*');
        } else {
            if (f.distinct()) {
                out.append("DISTINCT ");
            }
            for (int i = 0; i < f.args().size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                if (f.variadic() && i == f.args().size() - 1) {
                    out.append("VARIADIC ");
                }
                expr(f.args().get(i));
            }
            if (!f.orderBy().isEmpty() && !f.withinGroup()) {
                out.append(" ORDER BY ");
                sortList(f.orderBy());
            }
        }
        out.append(')');
        if (f.withinGroup()) {
            out.append(" WITHIN GROUP (ORDER BY ");
            sortList(f.orderBy());
            out.append(')');
        }
        if (f.filter() != null) {
            out.append(" FILTER (WHERE ");
            expr(f.filter());
            out.append(')');
        }
        if (f.over() != null) {
            out.append(" OVER ");
            if (f.over().refName() != null && f.over().partitionBy().isEmpty() && f.over().orderBy().isEmpty()
                    && f.over().frame() == null) {
                ident(f.over().refName());
            } else {
                window(f.over());
            }
        }
    }

    void sortList(List<SortItem> items) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            SortItem s = items.get(i);
            expr(s.expr());
            switch (s.direction()) {
                case ASC -> out.append(" ASC");
                case DESC -> out.append(" DESC");
                case USING -> out.append(" USING ").append(s.usingOperator());
                case DEFAULT -> {
                }
            }
            switch (s.nulls()) {
                case FIRST -> out.append(" NULLS FIRST");
                case LAST -> out.append(" NULLS LAST");
                case DEFAULT -> {
                }
            }
        }
    }

    void window(WindowDef w) {
        out.append('(');
        String sep = "";
        if (w.refName() != null) {
            ident(w.refName());
            sep = " ";
        }
        if (!w.partitionBy().isEmpty()) {
            out.append(sep).append("PARTITION BY ");
            exprList(w.partitionBy());
            sep = " ";
        }
        if (!w.orderBy().isEmpty()) {
            out.append(sep).append("ORDER BY ");
            sortList(w.orderBy());
            sep = " ";
        }
        if (w.frame() != null) {
            WindowDef.Frame f = w.frame();
            out.append(sep).append(f.mode().name()).append(' ');
            if (f.end() != null) {
                out.append("BETWEEN ");
                bound(f.start());
                out.append(" AND ");
                bound(f.end());
            } else {
                bound(f.start());
            }
            switch (f.exclusion()) {
                case CURRENT_ROW -> out.append(" EXCLUDE CURRENT ROW");
                case GROUP -> out.append(" EXCLUDE GROUP");
                case TIES -> out.append(" EXCLUDE TIES");
                case NO_OTHERS -> {
                }
            }
        }
        out.append(')');
    }

    private void bound(WindowDef.Bound b) {
        switch (b.kind()) {
            case UNBOUNDED_PRECEDING -> out.append("UNBOUNDED PRECEDING");
            case UNBOUNDED_FOLLOWING -> out.append("UNBOUNDED FOLLOWING");
            case CURRENT_ROW -> out.append("CURRENT ROW");
            case PRECEDING -> {
                expr(b.offset());
                out.append(" PRECEDING");
            }
            case FOLLOWING -> {
                expr(b.offset());
                out.append(" FOLLOWING");
            }
        }
    }

    // ---- queries ----

    SqlWriter select(Select s) {
        if (s.with() != null) {
            with(s.with());
        }
        body(s.body());
        if (!s.orderBy().isEmpty()) {
            out.append(" ORDER BY ");
            sortList(s.orderBy());
        }
        if (s.withTies()) {
            out.append(" FETCH FIRST ");
            paren(s.limit());
            out.append(" ROWS WITH TIES");
        } else optExpr(" LIMIT ", s.limit());
        optExpr(" OFFSET ", s.offset());
        for (LockingClause l : s.locking()) {
            out.append(" FOR ").append(switch (l.strength()) {
                case UPDATE -> "UPDATE";
                case NO_KEY_UPDATE -> "NO KEY UPDATE";
                case SHARE -> "SHARE";
                case KEY_SHARE -> "KEY SHARE";
            });
            if (!l.of().isEmpty()) {
                out.append(" OF ");
                for (int i = 0; i < l.of().size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    name(l.of().get(i));
                }
            }
            switch (l.waitPolicy()) {
                case NOWAIT -> out.append(" NOWAIT");
                case SKIP_LOCKED -> out.append(" SKIP LOCKED");
                case BLOCK -> {
                }
            }
        }
        return this;
    }

    void with(WithClause w) {
        out.append("WITH ");
        if (w.recursive()) {
            out.append("RECURSIVE ");
        }
        for (int i = 0; i < w.ctes().size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            WithClause.CommonTableExpr c = w.ctes().get(i);
            ident(c.name());
            if (!c.columns().isEmpty()) {
                out.append('(');
                identList(c.columns());
                out.append(')');
            }
            out.append(" AS ");
            switch (c.materialized()) {
                case MATERIALIZED -> out.append("MATERIALIZED ");
                case NOT_MATERIALIZED -> out.append("NOT MATERIALIZED ");
                case DEFAULT -> {
                }
            }
            out.append('(');
            statement(c.query());
            out.append(')');
        }
        out.append(' ');
    }

    /** Overridden by the statement writer for data-modifying CTEs. */
    void statement(io.tuskdb.sql.parser.ast.Statement s) {
        if (s instanceof Select sel) {
            select(sel);
        } else {
            throw new IllegalArgumentException(s.getClass().getSimpleName());
        }
    }

    void body(QueryBody b) {
        switch (b) {
            case QueryBody.SimpleSelect s -> simpleSelect(s);
            case QueryBody.SetOperation op -> {
                out.append('(');
                body(op.left());
                out.append(") ").append(op.operator().name()).append(op.all() ? " ALL (" : " (");
                body(op.right());
                out.append(')');
            }
            case QueryBody.ValuesSelect v -> valuesRows(v.rows());
            case QueryBody.NestedSelect n -> {
                out.append('(');
                select(n.select());
                out.append(')');
            }
        }
    }

    void valuesRows(List<List<Expr>> rows) {
        out.append("VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append('(');
            exprList(rows.get(i));
            out.append(')');
        }
    }

    private void simpleSelect(QueryBody.SimpleSelect s) {
        out.append("SELECT");
        if (s.distinct()) {
            out.append(" DISTINCT");
            if (!s.distinctOn().isEmpty()) {
                out.append(" ON (");
                exprList(s.distinctOn());
                out.append(')');
            }
        }
        if (!s.targets().isEmpty()) {
            out.append(' ');
            targets(s.targets());
        }
        if (!s.from().isEmpty()) {
            out.append(" FROM ");
            fromList(s.from());
        }
        optExpr(" WHERE ", s.where());
        if (!s.groupBy().isEmpty()) {
            out.append(s.groupByDistinct() ? " GROUP BY DISTINCT " : " GROUP BY ");
            exprList(s.groupBy());
        }
        optExpr(" HAVING ", s.having());
        if (!s.windows().isEmpty()) {
            out.append(" WINDOW ");
            for (int i = 0; i < s.windows().size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                ident(s.windows().get(i).name()).out.append(" AS ");
                window(s.windows().get(i));
            }
        }
    }

    void targets(List<TargetItem> targets) {
        for (int i = 0; i < targets.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            TargetItem t = targets.get(i);
            expr(t.expr());
            if (t.alias() != null) {
                out.append(" AS ");
                ident(t.alias());
            }
        }
    }

    void fromList(List<FromItem> items) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            fromItem(items.get(i));
        }
    }

    void alias(Alias a) {
        if (a == null) {
            return;
        }
        out.append(" AS ");
        ident(a.name());
        if (!a.columns().isEmpty()) {
            out.append('(');
            identList(a.columns());
            out.append(')');
        }
    }

    private void fromItem(FromItem f) {
        switch (f) {
            case FromItem.TableRef t -> {
                if (t.only()) {
                    out.append("ONLY ");
                }
                name(t.name());
                alias(t.alias());
            }
            case FromItem.JoinRef j -> {
                out.append('(');
                fromItem(j.left());
                out.append(' ');
                if (j.natural()) {
                    out.append("NATURAL ");
                }
                out.append(switch (j.type()) {
                    case INNER -> "JOIN ";
                    case LEFT -> "LEFT JOIN ";
                    case RIGHT -> "RIGHT JOIN ";
                    case FULL -> "FULL JOIN ";
                    case CROSS -> "CROSS JOIN ";
                });
                fromItem(j.right());
                if (j.on() != null) {
                    out.append(" ON ");
                    expr(j.on());
                } else if (j.using() != null) {
                    out.append(" USING (");
                    identList(j.using());
                    out.append(')');
                    if (j.usingAlias() != null) {
                        out.append(" AS ");
                        ident(j.usingAlias());
                    }
                }
                out.append(')');
                alias(j.alias());
            }
            case FromItem.SubqueryRef s -> {
                if (s.lateral()) {
                    out.append("LATERAL ");
                }
                out.append('(');
                select(s.query());
                out.append(')');
                alias(s.alias());
            }
            case FromItem.FunctionRef fn -> {
                if (fn.lateral()) {
                    out.append("LATERAL ");
                }
                expr(fn.function());
                if (fn.withOrdinality()) {
                    out.append(" WITH ORDINALITY");
                }
                alias(fn.alias());
            }
        }
    }
}
