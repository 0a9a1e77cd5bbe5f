package io.tuskdb.sql.parser;

import io.tuskdb.sql.parser.ast.AlterTable;
import io.tuskdb.sql.parser.ast.Copy;
import io.tuskdb.sql.parser.ast.CreateIndex;
import io.tuskdb.sql.parser.ast.CreateTable;
import io.tuskdb.sql.parser.ast.CreateTableAs;
import io.tuskdb.sql.parser.ast.CreateView;
import io.tuskdb.sql.parser.ast.Delete;
import io.tuskdb.sql.parser.ast.Drop;
import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.Indirection;
import io.tuskdb.sql.parser.ast.Insert;
import io.tuskdb.sql.parser.ast.Option;
import io.tuskdb.sql.parser.ast.Select;
import io.tuskdb.sql.parser.ast.SetClause;
import io.tuskdb.sql.parser.ast.Statement;
import io.tuskdb.sql.parser.ast.Update;

import java.util.List;
import java.util.Locale;

/** Writes statements back to SQL (see {@link SqlWriter} for expressions and queries). */
final class StatementWriter extends DdlWriter {

    @Override
    void statement(Statement s) {
        switch (s) {
            case Select sel -> select(sel);
            case Insert i -> insert(i);
            case Update u -> update(u);
            case Delete d -> delete(d);
            case CreateTable c -> createTable(c);
            case CreateTableAs c -> {
                out.append("CREATE ").append(persistence(c.persistence())).append("TABLE ");
                if (c.ifNotExists()) {
                    out.append("IF NOT EXISTS ");
                }
                name(c.name());
                if (!c.columns().isEmpty()) {
                    out.append(" (");
                    identList(c.columns());
                    out.append(')');
                }
                out.append(" AS ");
                select(c.query());
                if (!c.withData()) {
                    out.append(" WITH NO DATA");
                }
            }
            case Drop d -> {
                out.append("DROP ").append(d.kind().name().replace('_', ' ')).append(' ');
                if (d.concurrently()) {
                    out.append("CONCURRENTLY ");
                }
                if (d.ifExists()) {
                    out.append("IF EXISTS ");
                }
                qnames(d.names());
                if (d.cascade()) {
                    out.append(" CASCADE");
                }
            }
            case CreateIndex c -> createIndex(c);
            case CreateView v -> {
                out.append("CREATE ");
                if (v.orReplace()) {
                    out.append("OR REPLACE ");
                }
                out.append(persistence(v.persistence())).append("VIEW ");
                name(v.name());
                if (!v.columns().isEmpty()) {
                    out.append(" (");
                    identList(v.columns());
                    out.append(')');
                }
                out.append(" AS ");
                select(v.query());
                if (v.checkOption() != null) {
                    out.append(" WITH ").append(v.checkOption().toUpperCase(Locale.ROOT)).append(" CHECK OPTION");
                }
            }
            case AlterTable a -> alterTable(a);
            case Copy c -> copy(c);
            case Statement.Begin b -> {
                out.append(b.start() ? "START TRANSACTION" : "BEGIN");
                modes(b.modes());
            }
            case Statement.Commit c -> out.append(c.chain() ? "COMMIT AND CHAIN" : "COMMIT");
            case Statement.Rollback r -> out.append(r.chain() ? "ROLLBACK AND CHAIN" : "ROLLBACK");
            case Statement.Savepoint sp -> {
                out.append("SAVEPOINT ");
                ident(sp.name());
            }
            case Statement.ReleaseSavepoint r -> {
                out.append("RELEASE SAVEPOINT ");
                ident(r.name());
            }
            case Statement.RollbackToSavepoint r -> {
                out.append("ROLLBACK TO SAVEPOINT ");
                ident(r.name());
            }
            case Statement.PrepareTransaction p -> out.append("PREPARE TRANSACTION ").append(quoteString(p.gid()));
            case Statement.CommitPrepared c -> out.append("COMMIT PREPARED ").append(quoteString(c.gid()));
            case Statement.RollbackPrepared r -> out.append("ROLLBACK PREPARED ").append(quoteString(r.gid()));
            case Statement.SetTransaction t -> {
                if (t.snapshot() != null) {
                    out.append("SET TRANSACTION SNAPSHOT ").append(quoteString(t.snapshot()));
                } else {
                    out.append("SET TRANSACTION");
                    modes(t.modes());
                }
            }
            case Statement.SetSessionCharacteristics c -> {
                out.append("SET SESSION CHARACTERISTICS AS TRANSACTION");
                modes(c.modes());
            }
            case Statement.VariableSet v -> variableSet(v);
            case Statement.VariableShow v -> out.append("SHOW ").append(parameter(v.name()));
            case Statement.VariableReset v -> out.append("RESET ").append(parameter(v.name()));
            case Statement.Explain e -> {
                out.append("EXPLAIN ");
                if (!e.options().isEmpty()) {
                    out.append('(');
                    options(e.options());
                    out.append(") ");
                }
                statement(e.statement());
            }
            case Statement.Truncate t -> {
                out.append("TRUNCATE ");
                qnames(t.tables());
                if (t.restartIdentity()) {
                    out.append(" RESTART IDENTITY");
                }
                if (t.cascade()) {
                    out.append(" CASCADE");
                }
            }
            case Statement.Prepare p -> {
                out.append("PREPARE ");
                ident(p.name());
                if (!p.argTypes().isEmpty()) {
                    out.append(" (");
                    for (int i = 0; i < p.argTypes().size(); i++) {
                        if (i > 0) {
                            out.append(", ");
                        }
                        type(p.argTypes().get(i));
                    }
                    out.append(')');
                }
                out.append(" AS ");
                statement(p.statement());
            }
            case Statement.Execute e -> {
                out.append("EXECUTE ");
                ident(e.name());
                if (!e.params().isEmpty()) {
                    out.append(" (");
                    exprList(e.params());
                    out.append(')');
                }
            }
            case Statement.Deallocate d -> {
                out.append("DEALLOCATE ");
                if (d.name() == null) {
                    out.append("ALL");
                } else {
                    ident(d.name());
                }
            }
            case Statement.CreateSchema c -> {
                out.append("CREATE SCHEMA ");
                if (c.ifNotExists()) {
                    out.append("IF NOT EXISTS ");
                }
                if (c.name() != null) {
                    ident(c.name());
                }
                if (c.authorization() != null) {
                    out.append(c.name() != null ? " AUTHORIZATION " : "AUTHORIZATION ");
                    ident(c.authorization());
                }
            }
            case Statement.CreateSequence c -> {
                out.append("CREATE ").append(persistence(c.persistence())).append("SEQUENCE ");
                if (c.ifNotExists()) {
                    out.append("IF NOT EXISTS ");
                }
                name(c.name());
                sequenceOptions(c.options());
            }
            case Statement.AlterSequence a -> {
                out.append("ALTER SEQUENCE ");
                if (a.ifExists()) {
                    out.append("IF EXISTS ");
                }
                name(a.name());
                sequenceOptions(a.options());
            }
            case Statement.Listen l -> {
                out.append("LISTEN ");
                ident(l.channel());
            }
            case Statement.Notify n -> {
                out.append("NOTIFY ");
                ident(n.channel());
                if (n.payload() != null) {
                    out.append(", ").append(quoteString(n.payload()));
                }
            }
            case Statement.Unlisten u -> {
                out.append("UNLISTEN ");
                if (u.channel() == null) {
                    out.append('*');
                } else {
                    ident(u.channel());
                }
            }
            case Statement.Discard d -> out.append("DISCARD ").append(d.target().name());
            case Statement.Checkpoint c -> out.append("CHECKPOINT");
            case Statement.Vacuum v -> {
                out.append(v.vacuum() ? "VACUUM" : "ANALYZE");
                if (!v.options().isEmpty()) {
                    out.append(" (");
                    options(v.options());
                    out.append(')');
                }
                for (int i = 0; i < v.tables().size(); i++) {
                    out.append(i == 0 ? " " : ", ");
                    name(v.tables().get(i));
                }
            }
        }
    }

    private static String parameter(String name) {
        if (name.equals("all")) {
            return "ALL";
        }
        StringBuilder sb = new StringBuilder();
        for (String part : name.split("\\.", -1)) {
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(quoteIdent(part));
        }
        return sb.toString();
    }

    private void modes(Statement.TransactionModes m) {
        String sep = " ";
        if (m.isolation() != null) {
            out.append(sep).append("ISOLATION LEVEL ").append(m.isolation().name().replace('_', ' '));
            sep = ", ";
        }
        if (m.readOnly() != null) {
            out.append(sep).append(m.readOnly() ? "READ ONLY" : "READ WRITE");
            sep = ", ";
        }
        if (m.deferrable() != null) {
            out.append(sep).append(m.deferrable() ? "DEFERRABLE" : "NOT DEFERRABLE");
        }
    }

    private void variableSet(Statement.VariableSet v) {
        out.append(v.local() ? "SET LOCAL " : "SET ");
        out.append(parameter(v.name()));
        if (v.fromCurrent()) {
            out.append(" FROM CURRENT");
            return;
        }
        out.append(" TO ");
        if (v.isDefault()) {
            out.append("DEFAULT");
            return;
        }
        for (int i = 0; i < v.values().size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            Expr e = v.values().get(i);
            if (e instanceof Expr.IntegerLiteral n) {
                out.append(n.value());
            } else if (e instanceof Expr.NumericLiteral n) {
                out.append(n.text());
            } else {
                expr(e);
            }
        }
    }

    private void options(List<Option> options) {
        for (int i = 0; i < options.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            Option o = options.get(i);
            ident(o.name());
            if (o.list() != null) {
                if (o.list().equals(List.of("*"))) {
                    out.append(" *");
                } else {
                    out.append(" (");
                    for (int k = 0; k < o.list().size(); k++) {
                        if (k > 0) {
                            out.append(", ");
                        }
                        out.append(quoteString(o.list().get(k)));
                    }
                    out.append(')');
                }
            } else if (o.value() != null) {
                out.append(' ').append(quoteString(o.value()));
            }
        }
    }

    private void returning(List<io.tuskdb.sql.parser.ast.TargetItem> items) {
        if (!items.isEmpty()) {
            out.append(" RETURNING ");
            targets(items);
        }
    }

    private void path(List<Indirection> path) {
        for (Indirection step : path) {
            switch (step) {
                case Indirection.Field f -> {
                    out.append('.');
                    ident(f.name());
                }
                case Indirection.Subscript s -> subscript(s.lower(), s.upper(), s.slice());
            }
        }
    }

    private void setClauses(List<SetClause> set) {
        for (int i = 0; i < set.size(); i++) {
            SetClause c = set.get(i);
            if (i > 0) {
                out.append(", ");
            }
            if (c.multiIndex() > 0) {
                // (a, b) = (SELECT ...): all clauses sharing the subquery are written together
                int j = i;
                out.append('(');
                while (j < set.size() && set.get(j).multiIndex() == j - i + 1 && set.get(j).value() == c.value()) {
                    if (j > i) {
                        out.append(", ");
                    }
                    ident(set.get(j).column());
                    path(set.get(j).path());
                    j++;
                }
                out.append(") = ");
                expr(c.value());
                i = j - 1;
                continue;
            }
            ident(c.column());
            path(c.path());
            out.append(" = ");
            expr(c.value());
        }
    }

    private void insert(Insert i) {
        if (i.with() != null) {
            with(i.with());
        }
        out.append("INSERT INTO ");
        name(i.table());
        if (i.alias() != null) {
            out.append(" AS ");
            ident(i.alias());
        }
        if (!i.columns().isEmpty()) {
            out.append(" (");
            for (int k = 0; k < i.columns().size(); k++) {
                if (k > 0) {
                    out.append(", ");
                }
                ident(i.columns().get(k).name());
                path(i.columns().get(k).path());
            }
            out.append(')');
        }
        if (i.overriding() != null) {
            out.append(" OVERRIDING ").append(i.overriding().toUpperCase(Locale.ROOT)).append(" VALUE");
        }
        out.append(' ');
        switch (i.source()) {
            case Insert.Values v -> valuesRows(v.rows());
            case Insert.Query q -> select(q.select());
            case Insert.DefaultValues d -> out.append("DEFAULT VALUES");
        }
        Insert.OnConflict oc = i.onConflict();
        if (oc != null) {
            out.append(" ON CONFLICT");
            if (!oc.targetColumns().isEmpty()) {
                out.append(" (");
                identList(oc.targetColumns());
                out.append(')');
                optExpr(" WHERE ", oc.targetWhere());
            } else if (oc.constraintName() != null) {
                out.append(" ON CONSTRAINT ");
                ident(oc.constraintName());
            }
            if (oc.doNothing()) {
                out.append(" DO NOTHING");
            } else {
                out.append(" DO UPDATE SET ");
                setClauses(oc.set());
                optExpr(" WHERE ", oc.where());
            }
        }
        returning(i.returning());
    }

    private void dmlTarget(io.tuskdb.sql.parser.ast.WithClause with, String verb, boolean only,
                           io.tuskdb.sql.parser.ast.QualifiedName table, String alias) {
        if (with != null) {
            with(with);
        }
        out.append(verb);
        if (only) {
            out.append("ONLY ");
        }
        name(table);
        if (alias != null) {
            out.append(" AS ");
            ident(alias);
        }
    }

    private void update(Update u) {
        dmlTarget(u.with(), "UPDATE ", u.only(), u.table(), u.alias());
        out.append(" SET ");
        setClauses(u.set());
        if (!u.from().isEmpty()) {
            out.append(" FROM ");
            fromList(u.from());
        }
        optExpr(" WHERE ", u.where());
        returning(u.returning());
    }

    private void delete(Delete d) {
        dmlTarget(d.with(), "DELETE FROM ", d.only(), d.table(), d.alias());
        if (!d.using().isEmpty()) {
            out.append(" USING ");
            fromList(d.using());
        }
        optExpr(" WHERE ", d.where());
        returning(d.returning());
    }

    private void copy(Copy c) {
        out.append("COPY ");
        if (c.query() != null) {
            out.append('(');
            statement(c.query());
            out.append(')');
        } else {
            name(c.table());
            if (!c.columns().isEmpty()) {
                out.append(" (");
                identList(c.columns());
                out.append(')');
            }
        }
        out.append(c.from() ? " FROM " : " TO ");
        switch (c.target()) {
            case STDIN -> out.append("STDIN");
            case STDOUT -> out.append("STDOUT");
            case FILE -> out.append(quoteString(c.fileName()));
            case PROGRAM -> out.append("PROGRAM ").append(quoteString(c.fileName()));
        }
        if (!c.options().isEmpty()) {
            out.append(" WITH (");
            options(c.options());
            out.append(')');
        }
        optExpr(" WHERE ", c.where());
    }
}
