package io.tuskdb.sql.parser;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.parser.ast.ColumnDef;
import io.tuskdb.sql.parser.ast.Constraint;
import io.tuskdb.sql.parser.ast.CreateIndex;
import io.tuskdb.sql.parser.ast.CreateTable;
import io.tuskdb.sql.parser.ast.CreateTableAs;
import io.tuskdb.sql.parser.ast.CreateView;
import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.Persistence;
import io.tuskdb.sql.parser.ast.QualifiedName;
import io.tuskdb.sql.parser.ast.Select;
import io.tuskdb.sql.parser.ast.SequenceOption;
import io.tuskdb.sql.parser.ast.SortItem;
import io.tuskdb.sql.parser.ast.Statement;
import io.tuskdb.sql.parser.ast.TypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** gram.y's CreateStmt, CreateAsStmt, IndexStmt, CreateSchemaStmt, CreateSeqStmt, ViewStmt, AlterTableStmt, DropStmt. */
abstract class DdlParser extends DmlParser {

    DdlParser(String sql) {
        super(sql);
    }

    /** After CREATE. */
    final Statement create(Token createTok) {
        boolean orReplace = false;
        if (atKw("or") && atKw(1, "replace")) {
            advance();
            advance();
            orReplace = true;
        }
        Persistence persistence = optTemp();
        Token t = cur();
        if (t.isKeyword("table") && !orReplace) {
            advance();
            return createTable(persistence);
        }
        if (t.isKeyword("sequence") && !orReplace) {
            advance();
            boolean ifNotExists = ifNotExists();
            QualifiedName name = qualifiedName();
            return new Statement.CreateSequence(name, persistence, ifNotExists, sequenceOptions());
        }
        if (t.isKeyword("view") || (t.isKeyword("recursive") && atKw(1, "view"))) {
            if (t.isKeyword("recursive")) {
                throw notSupported("CREATE RECURSIVE VIEW", t);
            }
            advance();
            return createView(orReplace, persistence);
        }
        if (persistence == Persistence.PERMANENT && !orReplace) {
            if (t.isKeyword("unique") || t.isKeyword("index")) {
                return createIndex();
            }
            if (t.isKeyword("schema")) {
                advance();
                return createSchema();
            }
        }
        if (t.kind() == Token.Kind.KEYWORD || t.kind() == Token.Kind.IDENT) {
            String what = t.text().toUpperCase(Locale.ROOT);
            if (t.isKeyword("materialized") || t.isKeyword("foreign") || t.isKeyword("default")) {
                what += " " + peek(1).text().toUpperCase(Locale.ROOT);
            }
            throw notSupported("CREATE " + what, createTok);
        }
        throw syntaxError();
    }

    private Persistence optTemp() {
        if (acceptKw("temporary") || acceptKw("temp")) {
            return Persistence.TEMPORARY;
        }
        if ((atKw("local") || atKw("global")) && (atKw(1, "temporary") || atKw(1, "temp"))) {
            advance();
            advance();
            return Persistence.TEMPORARY;
        }
        if (acceptKw("unlogged")) {
            return Persistence.UNLOGGED;
        }
        return Persistence.PERMANENT;
    }

    final boolean ifNotExists() {
        if (atKw("if") && atKw(1, "not") && atKw(2, "exists")) {
            advance();
            advance();
            advance();
            return true;
        }
        return false;
    }

    final boolean ifExists() {
        if (atKw("if") && atKw(1, "exists")) {
            advance();
            advance();
            return true;
        }
        return false;
    }

    private Statement createTable(Persistence persistence) {
        boolean ifNotExists = ifNotExists();
        QualifiedName name = qualifiedName();
        if (atKw("as") || (atSelf('(') && isCreateTableAsColumnList())) {
            List<String> cols = atSelf('(') ? parenNameList() : List.of();
            expectKw("as");
            if (atKw("execute")) {
                throw notSupported("CREATE TABLE AS EXECUTE", cur());
            }
            Select query = selectStatement();
            boolean withData = true;
            if (atKw("with") && (atKw(1, "data") || (atKw(1, "no") && atKw(2, "data")))) {
                advance();
                withData = !acceptKw("no");
                expectKw("data");
            }
            return new CreateTableAs(name, persistence, ifNotExists, cols, query, withData);
        }
        if (atKw("of") || atKw("partition")) {
            throw notSupported("CREATE TABLE " + cur().text().toUpperCase(Locale.ROOT), cur());
        }
        expectSelf('(');
        List<ColumnDef> columns = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        if (!atSelf(')')) {
            do {
                if (atKw("like")) {
                    throw notSupported("CREATE TABLE ... LIKE", cur());
                }
                if (atTableConstraint()) {
                    constraints.add(tableConstraint());
                } else {
                    columns.add(columnDef());
                }
            } while (acceptSelf(','));
        }
        expectSelf(')');
        List<QualifiedName> inherits = List.of();
        if (acceptKw("inherits")) {
            expectSelf('(');
            inherits = qualifiedNameList();
            expectSelf(')');
        }
        if (atKw("partition")) {
            throw notSupported("CREATE TABLE ... PARTITION BY", cur());
        }
        if (acceptKw("using")) {
            Token am = cur();
            if (!colId().equals("heap")) {
                throw notSupported("table access methods other than heap", am);
            }
        }
        if (acceptKw("with")) {
            storageParameters(false);
        } else {
            acceptKws("without", "oids");
        }
        String onCommit = null;
        if (acceptKw("on")) {
            expectKw("commit");
            if (acceptKw("drop")) {
                onCommit = "drop";
            } else if (acceptKw("delete")) {
                expectKw("rows");
                onCommit = "delete_rows";
            } else {
                expectKw("preserve");
                expectKw("rows");
                onCommit = "preserve_rows";
            }
        }
        tablespace();
        return new CreateTable(name, persistence, ifNotExists, columns, constraints, inherits, onCommit);
    }

    /** TABLESPACE name: only pg_default, the one tablespace TuskDB has. */
    private void tablespace() {
        if (acceptKw("tablespace")) {
            Token t = cur();
            if (!colId().equals("pg_default")) {
                throw notSupported("tablespaces", t);
            }
        }
    }

    /** reloptions: see {@link StorageParameters}. */
    private void storageParameters(boolean index) {
        StorageParameters.skip(this, index);
    }


    /** {@code CREATE TABLE t (a, b) AS ...}: a plain name list followed by AS. */
    private boolean isCreateTableAsColumnList() {
        int k = 1;
        while (true) {
            if (!isColId(peek(k))) {
                return false;
            }
            Token sep = peek(k + 1);
            if (sep.isSelf(')')) {
                return true;
            }
            if (!sep.isSelf(',')) {
                return false;
            }
            k += 2;
        }
    }

    final boolean atTableConstraint() {
        Token t = cur();
        if (t.kind() != Token.Kind.KEYWORD) {
            return false;
        }
        return switch (t.text()) {
            case "constraint", "check", "unique", "primary", "foreign", "exclude" -> true;
            default -> false;
        };
    }

    final ColumnDef columnDef() {
        Token nameTok = cur();
        String name = colId();
        TypeName type = typeName();
        if (atKw("compression") || atKw("options")) {
            throw notSupported("column " + cur().text().toUpperCase(Locale.ROOT), cur());
        }
        List<String> collation = null;
        List<Constraint> constraints = new ArrayList<>();
        while (true) {
            Token t = cur();
            if (t.isKeyword("collate")) {
                advance();
                collation = anyName();
                continue;
            }
            if (t.isKeyword("deferrable") || t.isKeyword("initially")
                    || (t.isKeyword("not") && atKw(1, "deferrable"))) {
                applyAttributes(constraints);
                continue;
            }
            String cname = null;
            Token start = t;
            if (t.isKeyword("constraint")) {
                advance();
                cname = colId();
            }
            Constraint c = columnConstraint(cname, start);
            if (c == null) {
                if (cname != null) {
                    throw syntaxError();
                }
                break;
            }
            constraints.add(c);
        }
        return new ColumnDef(name, type, collation, constraints, pos(nameTok));
    }

    /** ColConstraintElem, or null when the current token does not start one. */
    private Constraint columnConstraint(String name, Token start) {
        int p = pos(start);
        Token t = cur();
        if (t.kind() != Token.Kind.KEYWORD) {
            return null;
        }
        switch (t.text()) {
            case "not" -> {
                advance();
                expectKw("null");
                return new Constraint.NotNull(name, p);
            }
            case "null" -> {
                advance();
                return new Constraint.Nullable(name, p);
            }
            case "unique" -> {
                advance();
                boolean nullsNotDistinct = nullsDistinct();
                indexOptions();
                return new Constraint.Unique(name, List.of(), List.of(), nullsNotDistinct, false, false, p);
            }
            case "primary" -> {
                advance();
                expectKw("key");
                indexOptions();
                return new Constraint.PrimaryKey(name, List.of(), List.of(), false, false, p);
            }
            case "check" -> {
                return check(name, p);
            }
            case "default" -> {
                advance();
                int from = cur().start();
                Expr e = bExpr();
                return new Constraint.Default(name, e, sourceText(from, previous().end()), p);
            }
            case "generated" -> {
                advance();
                boolean always;
                Token when = cur();
                if (acceptKw("always")) {
                    always = true;
                } else {
                    expectKw("by");
                    expectKw("default");
                    always = false;
                }
                expectKw("as");
                if (acceptKw("identity")) {
                    List<SequenceOption> options = List.of();
                    if (atSelf('(')) {
                        advance();
                        options = sequenceOptions();
                        expectSelf(')');
                    }
                    return new Constraint.Identity(name, always, options, p);
                }
                expectSelf('(');
                int from = cur().start();
                Expr e = aExpr();
                String text = sourceText(from, previous().end());
                expectSelf(')');
                expectKw("stored");
                if (!always) {
                    throw new PgException(SqlState.SYNTAX_ERROR, "for a generated column, GENERATED ALWAYS must be specified")
                            .withPosition(pos(when));
                }
                return new Constraint.Generated(name, e, text, p);
            }
            case "references" -> {
                return references(name, List.of(), p);
            }
            default -> {
                return null;
            }
        }
    }

    /** Applies DEFERRABLE / NOT DEFERRABLE / INITIALLY ... to the last constraint (ConstraintAttr). */
    private void applyAttributes(List<Constraint> constraints) {
        Token t = cur();
        boolean[] attrs = constraintAttributes();
        if (constraints.isEmpty()) {
            throw new PgException(SqlState.SYNTAX_ERROR, "misplaced DEFERRABLE clause").withPosition(pos(t));
        }
        Constraint last = constraints.remove(constraints.size() - 1);
        constraints.add(withAttributes(last, attrs[0], attrs[1], t));
    }

    private Constraint withAttributes(Constraint c, boolean deferrable, boolean initiallyDeferred, Token at) {
        return switch (c) {
            case Constraint.PrimaryKey pk -> new Constraint.PrimaryKey(pk.name(), pk.columns(), pk.include(),
                    deferrable, initiallyDeferred, pk.position());
            case Constraint.Unique u -> new Constraint.Unique(u.name(), u.columns(), u.include(), u.nullsNotDistinct(),
                    deferrable, initiallyDeferred, u.position());
            case Constraint.ForeignKey fk -> new Constraint.ForeignKey(fk.name(), fk.columns(), fk.refTable(),
                    fk.refColumns(), fk.match(), fk.onDelete(), fk.onUpdate(), deferrable, initiallyDeferred,
                    fk.position());
            default -> throw new PgException(SqlState.SYNTAX_ERROR, "misplaced DEFERRABLE clause")
                    .withPosition(pos(at));
        };
    }

    /** ConstraintAttributeSpec: returns {deferrable, initiallyDeferred}. */
    private boolean[] constraintAttributes() {
        boolean deferrable = false;
        boolean initiallyDeferred = false;
        while (true) {
            if (acceptKw("deferrable")) {
                deferrable = true;
            } else if (atKw("not") && atKw(1, "deferrable")) {
                advance();
                advance();
                deferrable = false;
            } else if (acceptKw("initially")) {
                if (acceptKw("deferred")) {
                    initiallyDeferred = true;
                    deferrable = true;
                } else {
                    expectKw("immediate");
                    initiallyDeferred = false;
                }
            } else if (atKw("not") && atKw(1, "valid")) {
                advance();
                advance();
            } else {
                return new boolean[] {deferrable, initiallyDeferred};
            }
        }
    }

    private boolean nullsDistinct() {
        if (atKw("nulls") && (atKw(1, "distinct") || (atKw(1, "not") && atKw(2, "distinct")))) {
            advance();
            boolean not = acceptKw("not");
            expectKw("distinct");
            return not;
        }
        return false;
    }

    /** opt_definition / OptConsTableSpace of index-backed constraints. */
    private void indexOptions() {
        if (atKw("with") && peek(1).isSelf('(')) {
            advance();
            storageParameters(true);
        }
        if (atKw("using") && atKw(1, "index")) {
            if (atKw(2, "tablespace")) {
                advance();
                advance();
                tablespace();
            } else {
                throw notSupported("USING INDEX", cur());
            }
        }
    }

    private Constraint check(String name, int p) {
        expectKw("check");
        expectSelf('(');
        int from = cur().start();
        Expr e = aExpr();
        String text = sourceText(from, previous().end());
        expectSelf(')');
        boolean noInherit = false;
        if (atKw("no") && atKw(1, "inherit")) {
            advance();
            advance();
            noInherit = true;
        }
        return new Constraint.Check(name, e, text, noInherit, p);
    }

    private Constraint references(String name, List<String> columns, int p) {
        expectKw("references");
        QualifiedName table = qualifiedName();
        List<String> refColumns = atSelf('(') ? parenNameList() : List.of();
        Constraint.MatchType match = Constraint.MatchType.SIMPLE;
        if (acceptKw("match")) {
            if (acceptKw("full")) {
                match = Constraint.MatchType.FULL;
            } else if (atKw("partial")) {
                throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "MATCH PARTIAL not yet implemented")
                        .withPosition(curPos());
            } else {
                expectKw("simple");
            }
        }
        Constraint.Action onDelete = Constraint.Action.NO_ACTION;
        Constraint.Action onUpdate = Constraint.Action.NO_ACTION;
        while (atKw("on") && (atKw(1, "delete") || atKw(1, "update"))) {
            advance();
            boolean delete = advance().isKeyword("delete");
            Constraint.Action action;
            if (acceptKw("cascade")) {
                action = Constraint.Action.CASCADE;
            } else if (acceptKw("restrict")) {
                action = Constraint.Action.RESTRICT;
            } else if (acceptKw("no")) {
                expectKw("action");
                action = Constraint.Action.NO_ACTION;
            } else {
                expectKw("set");
                if (acceptKw("null")) {
                    action = Constraint.Action.SET_NULL;
                } else {
                    expectKw("default");
                    action = Constraint.Action.SET_DEFAULT;
                }
                if (atSelf('(')) {
                    throw notSupported("SET NULL / SET DEFAULT with a column list", cur());
                }
            }
            if (delete) {
                onDelete = action;
            } else {
                onUpdate = action;
            }
        }
        return new Constraint.ForeignKey(name, columns, table, refColumns, match, onDelete, onUpdate, false, false, p);
    }

    final Constraint tableConstraint() {
        Token start = cur();
        int p = pos(start);
        String name = null;
        if (acceptKw("constraint")) {
            name = colId();
        }
        Token t = cur();
        Constraint c;
        switch (t.text()) {
            case "check" -> c = check(name, p);
            case "unique" -> {
                advance();
                boolean nullsNotDistinct = nullsDistinct();
                indexOptions();
                List<String> cols = parenNameList();
                List<String> include = include();
                indexOptions();
                c = new Constraint.Unique(name, cols, include, nullsNotDistinct, false, false, p);
            }
            case "primary" -> {
                advance();
                expectKw("key");
                indexOptions();
                List<String> cols = parenNameList();
                List<String> include = include();
                indexOptions();
                c = new Constraint.PrimaryKey(name, cols, include, false, false, p);
            }
            case "foreign" -> {
                advance();
                expectKw("key");
                List<String> cols = parenNameList();
                c = references(name, cols, p);
            }
            case "exclude" -> throw notSupported("EXCLUDE constraints", t);
            default -> throw syntaxError();
        }
        if (atKw("deferrable") || atKw("initially") || (atKw("not") && (atKw(1, "deferrable") || atKw(1, "valid")))) {
            Token at = cur();
            boolean[] attrs = constraintAttributes();
            if (!(c instanceof Constraint.Check)) {
                c = withAttributes(c, attrs[0], attrs[1], at);
            }
        }
        return c;
    }

    private List<String> include() {
        if (acceptKw("include")) {
            return parenNameList();
        }
        return List.of();
    }

    /** SeqOptList (possibly empty). */
    final List<SequenceOption> sequenceOptions() {
        List<SequenceOption> options = new ArrayList<>();
        while (true) {
            Token t = cur();
            if (t.kind() != Token.Kind.KEYWORD) {
                return options;
            }
            switch (t.text()) {
                case "as" -> {
                    advance();
                    options.add(new SequenceOption("as", null, simpleTypeName(false), null));
                }
                case "cache" -> {
                    advance();
                    options.add(new SequenceOption("cache", numericOnly(), null, null));
                }
                case "cycle" -> {
                    advance();
                    options.add(new SequenceOption("cycle", "true", null, null));
                }
                case "no" -> {
                    advance();
                    if (acceptKw("cycle")) {
                        options.add(new SequenceOption("cycle", "false", null, null));
                    } else if (acceptKw("maxvalue")) {
                        options.add(new SequenceOption("maxvalue", null, null, null));
                    } else {
                        expectKw("minvalue");
                        options.add(new SequenceOption("minvalue", null, null, null));
                    }
                }
                case "increment" -> {
                    advance();
                    acceptKw("by");
                    options.add(new SequenceOption("increment", numericOnly(), null, null));
                }
                case "maxvalue", "minvalue" -> {
                    advance();
                    options.add(new SequenceOption(t.text(), numericOnly(), null, null));
                }
                case "owned" -> {
                    advance();
                    expectKw("by");
                    options.add(new SequenceOption("owned_by", null, null, anyName()));
                }
                case "sequence" -> {
                    advance();
                    expectKw("name");
                    options.add(new SequenceOption("sequence_name", null, null, anyName()));
                }
                case "start" -> {
                    advance();
                    acceptKw("with");
                    options.add(new SequenceOption("start", numericOnly(), null, null));
                }
                case "restart" -> {
                    advance();
                    String v = null;
                    if (acceptKw("with") || at(Token.Kind.INTEGER) || at(Token.Kind.NUMERIC) || atSelf('-')
                            || atSelf('+')) {
                        v = numericOnly();
                    }
                    options.add(new SequenceOption("restart", v, null, null));
                }
                default -> {
                    return options;
                }
            }
        }
    }

    /** NumericOnly: a possibly signed integer or decimal constant, as written. */
    final String numericOnly() {
        String sign = "";
        if (acceptSelf('-')) {
            sign = "-";
        } else {
            acceptSelf('+');
        }
        Token t = cur();
        if (t.kind() != Token.Kind.INTEGER && t.kind() != Token.Kind.NUMERIC) {
            throw syntaxError();
        }
        advance();
        return sign + t.text();
    }

    private Statement createIndex() {
        boolean unique = acceptKw("unique");
        expectKw("index");
        boolean concurrently = acceptKw("concurrently");
        boolean ifNotExists = ifNotExists();
        String name = null;
        if (ifNotExists || !atKw("on")) {
            name = colId();
        }
        expectKw("on");
        acceptKw("only");
        QualifiedName table = qualifiedName();
        acceptSelf('*');
        String method = null;
        if (acceptKw("using")) {
            method = colId();
        }
        expectSelf('(');
        List<CreateIndex.Element> elements = new ArrayList<>();
        do {
            elements.add(indexElement());
        } while (acceptSelf(','));
        expectSelf(')');
        List<String> include = include();
        boolean nullsNotDistinct = nullsDistinct();
        if (acceptKw("with")) {
            storageParameters(true);
        }
        tablespace();
        Expr where = acceptKw("where") ? aExpr() : null;
        return new CreateIndex(name, table, unique, concurrently, ifNotExists, method, elements, include,
                nullsNotDistinct, where);
    }

    private CreateIndex.Element indexElement() {
        String column = null;
        Expr expr = null;
        Token t = cur();
        if (t.isSelf('(')) {
            advance();
            expr = aExpr();
            expectSelf(')');
        } else if (isColId(t) && !peek(1).isSelf('(') && !peek(1).isSelf('.')) {
            column = advance().text();
        } else {
            expr = primary();
            if (!(expr instanceof Expr.FuncCall) && !(expr instanceof Expr.Coalesce)
                    && !(expr instanceof Expr.SpecialValue)) {
                throw syntaxErrorAt(t);
            }
        }
        List<String> collation = null;
        if (acceptKw("collate")) {
            collation = anyName();
        }
        List<String> opclass = null;
        Token c = cur();
        if (isColId(c) && !c.isKeyword("nulls") && !c.isKeyword("asc") && !c.isKeyword("desc")) {
            opclass = anyName();
            if (atSelf('(')) {
                throw notSupported("operator class parameters", cur());
            }
        }
        SortItem.Direction dir = SortItem.Direction.DEFAULT;
        if (acceptKw("asc")) {
            dir = SortItem.Direction.ASC;
        } else if (acceptKw("desc")) {
            dir = SortItem.Direction.DESC;
        }
        SortItem.Nulls nulls = SortItem.Nulls.DEFAULT;
        if (atKw("nulls") && (atKw(1, "first") || atKw(1, "last"))) {
            advance();
            nulls = advance().isKeyword("first") ? SortItem.Nulls.FIRST : SortItem.Nulls.LAST;
        }
        return new CreateIndex.Element(column, expr, collation, opclass, dir, nulls);
    }

    private Statement createSchema() {
        boolean ifNotExists = ifNotExists();
        String name = null;
        String authorization = null;
        if (acceptKw("authorization")) {
            authorization = roleSpec();
        } else {
            name = colId();
            if (acceptKw("authorization")) {
                authorization = roleSpec();
            }
        }
        if (atKw("create") || atKw("grant")) {
            throw notSupported("CREATE SCHEMA with schema elements", cur());
        }
        return new Statement.CreateSchema(name, ifNotExists, authorization);
    }

    /** RoleSpec: a role name, CURRENT_ROLE, CURRENT_USER or SESSION_USER (kept as the keyword's name). */
    final String roleSpec() {
        Token t = cur();
        if (t.isKeyword("current_role") || t.isKeyword("current_user") || t.isKeyword("session_user")
                || t.isKeyword("public")) {
            advance();
            return t.text();
        }
        return nonReservedWord();
    }

    private Statement createView(boolean orReplace, Persistence persistence) {
        QualifiedName name = qualifiedName();
        List<String> cols = atSelf('(') ? parenNameList() : List.of();
        if (atKw("with")) {
            throw notSupported("view options", cur());
        }
        expectKw("as");
        int from = cur().start();
        Select query = selectStatement();
        String text = sourceText(from, previous().end());
        String checkOption = null;
        if (atKw("with")) {
            advance();
            if (acceptKw("local")) {
                checkOption = "local";
            } else {
                acceptKw("cascaded");
                checkOption = "cascaded";
            }
            expectKw("check");
            expectKw("option");
        }
        return new CreateView(name, orReplace, persistence, cols, query, text, checkOption);
    }
}
