package io.tuskdb.sql.parser;

import io.tuskdb.sql.parser.ast.AlterTable;
import io.tuskdb.sql.parser.ast.Drop;
import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.QualifiedName;
import io.tuskdb.sql.parser.ast.Statement;
import io.tuskdb.sql.parser.ast.TypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** gram.y's AlterTableStmt (the common forms), AlterSeqStmt and DropStmt. */
abstract class AlterParser extends DdlParser {

    AlterParser(String sql) {
        super(sql);
    }

    /** After ALTER. */
    final Statement alter(Token alterTok) {
        if (acceptKw("table")) {
            return alterTable();
        }
        if (acceptKw("sequence")) {
            boolean ifExists = ifExists();
            QualifiedName name = qualifiedName();
            return new Statement.AlterSequence(name, ifExists, sequenceOptions());
        }
        Token t = cur();
        if (t.kind() == Token.Kind.KEYWORD || t.kind() == Token.Kind.IDENT) {
            throw notSupported("ALTER " + t.text().toUpperCase(Locale.ROOT), alterTok);
        }
        throw syntaxError();
    }

    private Statement alterTable() {
        if (atKw("all")) {
            throw notSupported("ALTER TABLE ALL IN TABLESPACE", cur());
        }
        boolean ifExists = ifExists();
        boolean only = acceptKw("only");
        QualifiedName name = qualifiedName();
        acceptSelf('*');
        List<AlterTable.Action> actions = new ArrayList<>();
        if (acceptKw("rename")) {
            if (acceptKw("to")) {
                actions.add(new AlterTable.RenameTable(colId()));
            } else if (acceptKw("constraint")) {
                String c = colId();
                expectKw("to");
                actions.add(new AlterTable.RenameConstraint(c, colId()));
            } else {
                acceptKw("column");
                String c = colId();
                expectKw("to");
                actions.add(new AlterTable.RenameColumn(c, colId()));
            }
            return new AlterTable(name, ifExists, only, actions);
        }
        if (atKw("set") && atKw(1, "schema")) {
            advance();
            advance();
            actions.add(new AlterTable.SetSchema(colId()));
            return new AlterTable(name, ifExists, only, actions);
        }
        do {
            actions.add(alterTableAction());
        } while (acceptSelf(','));
        return new AlterTable(name, ifExists, only, actions);
    }

    private AlterTable.Action alterTableAction() {
        Token t = cur();
        if (acceptKw("add")) {
            if (atTableConstraint()) {
                return new AlterTable.AddConstraint(tableConstraint());
            }
            acceptKw("column");
            boolean ifNotExists = ifNotExists();
            return new AlterTable.AddColumn(columnDef(), ifNotExists);
        }
        if (acceptKw("drop")) {
            if (acceptKw("constraint")) {
                boolean ifExists = ifExists();
                String c = colId();
                return new AlterTable.DropConstraint(c, ifExists, dropBehavior());
            }
            acceptKw("column");
            boolean ifExists = ifExists();
            String c = colId();
            return new AlterTable.DropColumn(c, ifExists, dropBehavior());
        }
        if (acceptKw("alter")) {
            if (atKw("constraint")) {
                throw notSupported("ALTER TABLE ... ALTER CONSTRAINT", t);
            }
            acceptKw("column");
            String c = colId();
            if (atKw("type") || (atKw("set") && atKw(1, "data"))) {
                if (acceptKw("set")) {
                    expectKw("data");
                }
                expectKw("type");
                TypeName type = typeName();
                List<String> collation = acceptKw("collate") ? anyName() : null;
                Expr using = acceptKw("using") ? aExpr() : null;
                return new AlterTable.AlterColumnType(c, type, collation, using);
            }
            if (atKw("set") && atKw(1, "default")) {
                advance();
                advance();
                int from = cur().start();
                Expr e = aExpr();
                return new AlterTable.ColumnDefault(c, e, sourceText(from, previous().end()));
            }
            if (atKw("drop") && atKw(1, "default")) {
                advance();
                advance();
                return new AlterTable.ColumnDefault(c, null, null);
            }
            if ((atKw("set") || atKw("drop")) && atKw(1, "not") && atKw(2, "null")) {
                boolean set = advance().isKeyword("set");
                advance();
                advance();
                return new AlterTable.ColumnNotNull(c, set);
            }
            throw notSupported("this form of ALTER TABLE ... ALTER COLUMN", t);
        }
        if (atKw("owner") && atKw(1, "to")) {
            advance();
            advance();
            return new AlterTable.OwnerTo(roleSpec());
        }
        if (t.kind() == Token.Kind.KEYWORD) {
            throw notSupported("ALTER TABLE ... " + t.text().toUpperCase(Locale.ROOT), t);
        }
        throw syntaxError();
    }

    /** opt_drop_behavior: true for CASCADE. */
    final boolean dropBehavior() {
        if (acceptKw("cascade")) {
            return true;
        }
        acceptKw("restrict");
        return false;
    }

    /** The first words of gram.y's DROP statements (object kinds and DROP OWNED). */
    private static final java.util.Set<String> DROP_OBJECT_KINDS = java.util.Set.of("access", "aggregate", "cast",
            "collation", "conversion", "domain", "event", "extension", "foreign", "function", "group", "language",
            "operator", "owned", "policy", "procedure", "procedural", "publication", "role", "routine", "rule", "server",
            "statistics", "subscription", "tablespace", "text", "transform", "trigger", "trusted", "user");

    /** After DROP. */
    final Statement drop(Token dropTok) {
        Token t = cur();
        Drop.ObjectKind kind;
        boolean concurrently = false;
        if (acceptKw("table")) {
            kind = Drop.ObjectKind.TABLE;
        } else if (acceptKw("sequence")) {
            kind = Drop.ObjectKind.SEQUENCE;
        } else if (acceptKw("view")) {
            kind = Drop.ObjectKind.VIEW;
        } else if (acceptKw("index")) {
            kind = Drop.ObjectKind.INDEX;
            concurrently = acceptKw("concurrently");
        } else if (acceptKw("schema")) {
            kind = Drop.ObjectKind.SCHEMA;
        } else if (acceptKw("type")) {
            kind = Drop.ObjectKind.TYPE;
        } else if (atKw("materialized") && atKw(1, "view")) {
            advance();
            advance();
            kind = Drop.ObjectKind.MATERIALIZED_VIEW;
        } else if (acceptKw("database")) {
            boolean ifExists = ifExists();
            int p = curPos();
            QualifiedName name = new QualifiedName(List.of(colId()), p);
            if (atKw("with") || atSelf('(')) {
                throw notSupported("DROP DATABASE options", cur());
            }
            return new Drop(Drop.ObjectKind.DATABASE, List.of(name), ifExists, false, false);
        } else {
            // only the object kinds of gram.y's DROP rules are unsupported features; any other word is a syntax error
            if ((t.kind() == Token.Kind.KEYWORD || t.kind() == Token.Kind.IDENT)
                    && DROP_OBJECT_KINDS.contains(t.text().toLowerCase(Locale.ROOT))) {
                String what = t.text().toUpperCase(Locale.ROOT);
                throw notSupported("DROP " + what, dropTok);
            }
            throw syntaxError();
        }
        boolean ifExists = ifExists();
        List<QualifiedName> names = qualifiedNameList();
        boolean cascade = dropBehavior();
        return new Drop(kind, names, ifExists, cascade, concurrently);
    }
}
