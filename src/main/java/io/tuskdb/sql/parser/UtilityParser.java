package io.tuskdb.sql.parser;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.parser.ast.Copy;
import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.Option;
import io.tuskdb.sql.parser.ast.QualifiedName;
import io.tuskdb.sql.parser.ast.Statement;
import io.tuskdb.sql.parser.ast.TypeName;

import java.util.ArrayList;
import java.util.List;

/**
 * gram.y's utility statements: TransactionStmt, VariableSetStmt / VariableShowStmt / VariableResetStmt, CopyStmt,
 * ExplainStmt, TruncateStmt, PrepareStmt / ExecuteStmt / DeallocateStmt, Listen / Notify / Unlisten, DiscardStmt.
 */
abstract class UtilityParser extends AlterParser {

    UtilityParser(String sql) {
        super(sql);
    }

    /** An ExplainableStmt or PreparableStmt (query or DML), which may start with WITH. */
    abstract Statement preparable();

    // ---- transactions ----

    private void optTransaction() {
        if (!acceptKw("work")) {
            acceptKw("transaction");
        }
    }

    private boolean optChain() {
        if (acceptKw("and")) {
            boolean no = acceptKw("no");
            expectKw("chain");
            return !no;
        }
        return false;
    }

    /** transaction_mode_list_or_empty: items separated by commas or just whitespace. */
    final Statement.TransactionModes transactionModes(boolean required) {
        Statement.IsolationLevel isolation = null;
        Boolean readOnly = null;
        Boolean deferrable = null;
        boolean any = false;
        while (true) {
            if (any) {
                acceptSelf(',');
            }
            if (atKw("isolation")) {
                advance();
                expectKw("level");
                if (acceptKw("serializable")) {
                    isolation = Statement.IsolationLevel.SERIALIZABLE;
                } else if (acceptKw("repeatable")) {
                    expectKw("read");
                    isolation = Statement.IsolationLevel.REPEATABLE_READ;
                } else {
                    expectKw("read");
                    if (acceptKw("committed")) {
                        isolation = Statement.IsolationLevel.READ_COMMITTED;
                    } else {
                        expectKw("uncommitted");
                        isolation = Statement.IsolationLevel.READ_UNCOMMITTED;
                    }
                }
            } else if (atKw("read")) {
                advance();
                if (acceptKw("only")) {
                    readOnly = true;
                } else {
                    expectKw("write");
                    readOnly = false;
                }
            } else if (acceptKw("deferrable")) {
                deferrable = true;
            } else if (atKw("not") && atKw(1, "deferrable")) {
                advance();
                advance();
                deferrable = false;
            } else {
                if (required && !any) {
                    throw syntaxError();
                }
                if (any && previous().isSelf(',')) {
                    throw syntaxError();
                }
                break;
            }
            any = true;
        }
        return any ? new Statement.TransactionModes(isolation, readOnly, deferrable) : Statement.TransactionModes.NONE;
    }

    final Statement transaction(Token t) {
        switch (t.text()) {
            case "begin" -> {
                optTransaction();
                return new Statement.Begin(transactionModes(false));
            }
            case "start" -> {
                expectKw("transaction");
                return new Statement.Begin(transactionModes(false), true);
            }
            case "commit" -> {
                if (acceptKw("prepared")) {
                    return new Statement.CommitPrepared(sconst());
                }
                optTransaction();
                return new Statement.Commit(optChain());
            }
            case "end" -> {
                optTransaction();
                return new Statement.Commit(optChain());
            }
            case "abort" -> {
                optTransaction();
                return new Statement.Rollback(optChain());
            }
            case "rollback" -> {
                if (acceptKw("prepared")) {
                    return new Statement.RollbackPrepared(sconst());
                }
                optTransaction();
                if (acceptKw("to")) {
                    acceptKw("savepoint");
                    return new Statement.RollbackToSavepoint(colId());
                }
                return new Statement.Rollback(optChain());
            }
            case "savepoint" -> {
                return new Statement.Savepoint(colId());
            }
            default -> { // release
                acceptKw("savepoint");
                return new Statement.ReleaseSavepoint(colId());
            }
        }
    }

    // ---- SET / SHOW / RESET ----

    /** var_name: ColId ('.' ColId)*. */
    private String varName() {
        StringBuilder sb = new StringBuilder(colId());
        while (acceptSelf('.')) {
            sb.append('.').append(colId());
        }
        return sb.toString();
    }

    final Statement set() {
        boolean local = false;
        if (acceptKw("local")) {
            local = true;
        } else if (atKw("session") && !atKw(1, "characteristics") && !atKw(1, "authorization")) {
            advance();
        }
        Token t = cur();
        if (t.isKeyword("transaction")) {
            advance();
            if (acceptKw("snapshot")) {
                return new Statement.SetTransaction(Statement.TransactionModes.NONE, sconst());
            }
            return new Statement.SetTransaction(transactionModes(true), null);
        }
        if (t.isKeyword("session") && atKw(1, "characteristics")) {
            advance();
            advance();
            expectKw("as");
            expectKw("transaction");
            return new Statement.SetSessionCharacteristics(transactionModes(true));
        }
        if (t.isKeyword("session") && atKw(1, "authorization")) {
            advance();
            advance();
            if (acceptKw("default")) {
                return new Statement.VariableSet("session_authorization", List.of(), true, local, false);
            }
            Token v = cur();
            return new Statement.VariableSet("session_authorization",
                    List.of(new Expr.StringLiteral(nonReservedWordOrSconst(), pos(v))), false, local, false);
        }
        if (t.isKeyword("time") && atKw(1, "zone")) {
            advance();
            advance();
            return zoneValue(local);
        }
        boolean generic = peek(1).isKeyword("to") || peek(1).isSelf('=');
        if (t.isKeyword("names") && !generic) {
            advance();
            if (acceptKw("default") || atEof() || atSelf(';')) {
                return new Statement.VariableSet("client_encoding", List.of(), true, local, false);
            }
            Token v = cur();
            return new Statement.VariableSet("client_encoding", List.of(new Expr.StringLiteral(sconst(), pos(v))),
                    false, local, false);
        }
        if (t.isKeyword("constraints") && !generic) {
            throw notSupported("SET CONSTRAINTS", t);
        }
        if (t.isKeyword("schema") && peek(1).kind() == Token.Kind.STRING) {
            advance();
            Token v = advance();
            return new Statement.VariableSet("search_path", List.of(new Expr.StringLiteral(v.text(), pos(v))),
                    false, local, false);
        }
        if (t.isKeyword("catalog") && peek(1).kind() == Token.Kind.STRING) {
            throw notSupported("SET CATALOG", t);
        }
        if (t.isKeyword("role") && !generic) {
            advance();
            Token v = cur();
            return new Statement.VariableSet("role", List.of(new Expr.StringLiteral(nonReservedWordOrSconst(), pos(v))),
                    false, local, false);
        }
        if (t.isKeyword("xml") && atKw(1, "option")) {
            advance();
            advance();
            Token v = cur();
            if (!acceptKw("document")) {
                expectKw("content");
            }
            return new Statement.VariableSet("xmloption", List.of(new Expr.StringLiteral(v.text(), pos(v))),
                    false, local, false);
        }
        String name = varName();
        if (atKw("from") && atKw(1, "current")) {
            advance();
            advance();
            return new Statement.VariableSet(name, List.of(), false, local, true);
        }
        if (!acceptKw("to")) {
            expectSelf('=');
        }
        if (acceptKw("default")) {
            return new Statement.VariableSet(name, List.of(), true, local, false);
        }
        List<Expr> values = new ArrayList<>();
        do {
            values.add(varValue());
        } while (acceptSelf(','));
        return new Statement.VariableSet(name, values, false, local, false);
    }

    /** var_value: opt_boolean_or_string | NumericOnly. */
    private Expr varValue() {
        Token t = cur();
        int p = pos(t);
        if (t.kind() == Token.Kind.INTEGER || t.kind() == Token.Kind.NUMERIC || t.isSelf('-') || t.isSelf('+')) {
            return numericValue();
        }
        if (t.isKeyword("true") || t.isKeyword("false") || t.isKeyword("on")) {
            advance();
            return new Expr.StringLiteral(t.text(), p);
        }
        return new Expr.StringLiteral(nonReservedWordOrSconst(), p);
    }

    private Expr numericValue() {
        int p = curPos();
        String text = numericOnly();
        Expr e = PrimaryParser.numericConstant(text.startsWith("-") ? text.substring(1) : text, p);
        if (!text.startsWith("-")) {
            return e;
        }
        if (e instanceof Expr.IntegerLiteral i) {
            return new Expr.IntegerLiteral(-i.value(), p);
        }
        return new Expr.NumericLiteral(text, p);
    }

    /** zone_value of SET TIME ZONE. */
    private Statement zoneValue(boolean local) {
        Token t = cur();
        int p = pos(t);
        if (acceptKw("default") || acceptKw("local")) {
            return new Statement.VariableSet("timezone", List.of(), true, local, false);
        }
        Expr value;
        if (t.kind() == Token.Kind.STRING) {
            advance();
            value = new Expr.StringLiteral(t.text(), p);
        } else if (t.kind() == Token.Kind.IDENT) {
            advance();
            value = new Expr.StringLiteral(t.text(), p);
        } else if (t.isKeyword("interval")) {
            TypeName type = simpleTypeName(true);
            Token s = cur();
            String str = sconst();
            if (type.modifiers().isEmpty()) {
                type = intervalQualifier(type);
                if (type.intervalFields() != null && !type.intervalFields().equals("HOUR TO MINUTE")) {
                    throw new PgException(SqlState.SYNTAX_ERROR, "time zone interval must be HOUR or HOUR TO MINUTE")
                            .withPosition(p);
                }
            }
            value = new Expr.TypedLiteral(type, str, pos(s));
        } else {
            value = numericValue();
        }
        return new Statement.VariableSet("timezone", List.of(value), false, local, false);
    }

    /** The parameter named by SHOW / RESET, with gram.y's special spellings. */
    private String showName() {
        if (atKw("time") && atKw(1, "zone")) {
            advance();
            advance();
            return "timezone";
        }
        if (atKw("transaction") && atKw(1, "isolation")) {
            advance();
            advance();
            expectKw("level");
            return "transaction_isolation";
        }
        if (atKw("session") && atKw(1, "authorization")) {
            advance();
            advance();
            return "session_authorization";
        }
        if (acceptKw("all")) {
            return "all";
        }
        return varName();
    }

    final Statement show() {
        return new Statement.VariableShow(showName());
    }

    final Statement reset() {
        return new Statement.VariableReset(showName());
    }

    // ---- COPY ----

    final Statement copy() {
        boolean binary = acceptKw("binary");
        QualifiedName table = null;
        List<String> columns = List.of();
        Statement query = null;
        boolean from;
        if (!binary && atSelf('(')) {
            advance();
            query = preparable();
            expectSelf(')');
            expectKw("to");
            from = false;
        } else {
            table = qualifiedName();
            if (atSelf('(')) {
                columns = parenNameList();
            }
            if (acceptKw("from")) {
                from = true;
            } else {
                expectKw("to");
                from = false;
            }
        }
        boolean program = acceptKw("program");
        String fileName = null;
        Token fileTok = cur();
        if (!acceptKw("stdin") && !acceptKw("stdout")) {
            fileName = sconst();
        }
        if (program && fileName == null) {
            throw new PgException(SqlState.SYNTAX_ERROR, "STDIN/STDOUT not allowed with PROGRAM")
                    .withPosition(pos(fileTok));
        }
        List<Option> options = new ArrayList<>();
        if (binary) {
            options.add(Option.of("format", "binary"));
        }
        if (atKw("using") && atKw(1, "delimiters")) {
            advance();
            advance();
            options.add(Option.of("delimiter", sconst()));
        }
        acceptKw("with");
        if (atSelf('(')) {
            genericOptions(options);
        } else {
            oldCopyOptions(options);
        }
        Expr where = null;
        if (atKw("where")) {
            if (!from) {
                throw new PgException(SqlState.SYNTAX_ERROR, "WHERE clause not allowed with COPY TO")
                        .withPosition(curPos());
            }
            advance();
            where = aExpr();
        }
        Copy.Target target = program ? Copy.Target.PROGRAM
                : fileName != null ? Copy.Target.FILE : from ? Copy.Target.STDIN : Copy.Target.STDOUT;
        return new Copy(table, columns, query, from, target, fileName, options, where);
    }

    private void oldCopyOptions(List<Option> options) {
        while (true) {
            Token t = cur();
            if (t.kind() != Token.Kind.KEYWORD) {
                return;
            }
            switch (t.text()) {
                case "binary" -> {
                    advance();
                    options.add(Option.of("format", "binary"));
                }
                case "csv" -> {
                    advance();
                    options.add(Option.of("format", "csv"));
                }
                case "freeze" -> {
                    advance();
                    options.add(Option.of("freeze", "true"));
                }
                case "header" -> {
                    advance();
                    options.add(Option.of("header", "true"));
                }
                case "delimiter", "null", "quote", "escape" -> {
                    advance();
                    acceptKw("as");
                    options.add(Option.of(t.text(), sconst()));
                }
                case "encoding" -> {
                    advance();
                    options.add(Option.of("encoding", sconst()));
                }
                case "force" -> {
                    advance();
                    if (acceptKw("quote")) {
                        if (acceptSelf('*')) {
                            options.add(new Option("force_quote", null, List.of("*")));
                        } else {
                            options.add(new Option("force_quote", null, columnList()));
                        }
                    } else if (acceptKw("not")) {
                        expectKw("null");
                        options.add(new Option("force_not_null", null, columnList()));
                    } else {
                        expectKw("null");
                        options.add(new Option("force_null", null, columnList()));
                    }
                }
                default -> {
                    return;
                }
            }
        }
    }

    private List<String> columnList() {
        List<String> cols = new ArrayList<>();
        do {
            cols.add(colId());
        } while (acceptSelf(','));
        return cols;
    }

    /** copy_generic_opt_elem / utility_option_elem: name [value | * | (list)]. */
    private Option genericOption() {
        Token nameTok = cur();
        String name;
        if (nameTok.isKeyword("analyse")) {
            advance();
            name = "analyze";
        } else {
            name = colLabel();
        }
        Token v = cur();
        if (v.isSelf(',') || v.isSelf(')')) {
            return Option.of(name, null);
        }
        if (v.isSelf('*')) {
            advance();
            return new Option(name, null, List.of("*"));
        }
        if (v.isSelf('(')) {
            advance();
            List<String> list = new ArrayList<>();
            do {
                list.add(optionWord());
            } while (acceptSelf(','));
            expectSelf(')');
            return new Option(name, null, list);
        }
        if (v.kind() == Token.Kind.INTEGER || v.kind() == Token.Kind.NUMERIC || v.isSelf('-') || v.isSelf('+')) {
            return Option.of(name, numericOnly());
        }
        return Option.of(name, optionWord());
    }

    /** opt_boolean_or_string. */
    private String optionWord() {
        Token t = cur();
        if (t.isKeyword("true") || t.isKeyword("false") || t.isKeyword("on")) {
            advance();
            return t.text();
        }
        return nonReservedWordOrSconst();
    }

    // ---- EXPLAIN, TRUNCATE, PREPARE / EXECUTE / DEALLOCATE, LISTEN / NOTIFY, DISCARD ----

    final Statement explain() {
        List<Option> options = new ArrayList<>();
        if (atSelf('(')) {
            genericOptions(options);
        } else {
            if (acceptKw("analyze") || acceptKw("analyse")) {
                options.add(Option.of("analyze", null));
            }
            if (acceptKw("verbose")) {
                options.add(Option.of("verbose", null));
            }
        }
        Token t = cur();
        Statement stmt;
        if (t.isKeyword("execute")) {
            advance();
            stmt = execute();
        } else if (t.isKeyword("create") || t.isKeyword("declare") || t.isKeyword("refresh")
                || t.isKeyword("merge")) {
            throw notSupported("EXPLAIN " + t.text().toUpperCase(java.util.Locale.ROOT), t);
        } else {
            stmt = preparable();
        }
        return new Statement.Explain(options, stmt);
    }

    final Statement truncate() {
        acceptKw("table");
        List<QualifiedName> tables = new ArrayList<>();
        do {
            acceptKw("only");
            tables.add(qualifiedName());
            acceptSelf('*');
        } while (acceptSelf(','));
        boolean restart = false;
        if (acceptKw("restart")) {
            expectKw("identity");
            restart = true;
        } else if (acceptKw("continue")) {
            expectKw("identity");
        }
        return new Statement.Truncate(tables, restart, dropBehavior());
    }

    final Statement prepare() {
        if (atKw("transaction") && peek(1).kind() == Token.Kind.STRING) {
            advance();
            return new Statement.PrepareTransaction(sconst());
        }
        String name = colId();
        List<TypeName> types = List.of();
        if (atSelf('(')) {
            advance();
            types = new ArrayList<>();
            do {
                types.add(typeName());
            } while (acceptSelf(','));
            expectSelf(')');
        }
        expectKw("as");
        int from = cur().start();
        Statement stmt = preparable();
        return new Statement.Prepare(name, types, stmt, sourceText(from, previous().end()));
    }

    final Statement.Execute execute() {
        String name = colId();
        List<Expr> params = List.of();
        if (atSelf('(')) {
            advance();
            params = exprList();
            expectSelf(')');
        }
        return new Statement.Execute(name, params);
    }

    final Statement deallocate() {
        acceptKw("prepare");
        if (acceptKw("all")) {
            return new Statement.Deallocate(null);
        }
        return new Statement.Deallocate(colId());
    }

    final Statement notifyStatement() {
        String channel = colId();
        String payload = null;
        if (acceptSelf(',')) {
            payload = sconst();
        }
        return new Statement.Notify(channel, payload);
    }

    final Statement unlisten() {
        if (acceptSelf('*')) {
            return new Statement.Unlisten(null);
        }
        return new Statement.Unlisten(colId());
    }

    final Statement discard() {
        if (acceptKw("all")) {
            return new Statement.Discard(Statement.DiscardTarget.ALL);
        }
        if (acceptKw("plans")) {
            return new Statement.Discard(Statement.DiscardTarget.PLANS);
        }
        if (acceptKw("sequences")) {
            return new Statement.Discard(Statement.DiscardTarget.SEQUENCES);
        }
        if (!acceptKw("temp")) {
            expectKw("temporary");
        }
        return new Statement.Discard(Statement.DiscardTarget.TEMP);
    }

    /** VacuumStmt / AnalyzeStmt after the VACUUM or ANALYZE keyword. */
    final Statement vacuum(boolean vacuum) {
        List<Option> options = new ArrayList<>();
        if (atSelf('(')) {
            genericOptions(options);
        } else if (vacuum) {
            for (String word : List.of("full", "freeze", "verbose")) {
                if (acceptKw(word)) {
                    options.add(Option.of(word, null));
                }
            }
            if (acceptKw("analyze") || acceptKw("analyse")) {
                options.add(Option.of("analyze", null));
            }
        } else if (acceptKw("verbose")) {
            options.add(Option.of("verbose", null));
        }
        List<QualifiedName> tables = new ArrayList<>();
        if (isColId(cur())) {
            do {
                tables.add(qualifiedName());
                if (atSelf('(')) {
                    parenNameList();
                }
            } while (acceptSelf(','));
        }
        return new Statement.Vacuum(vacuum, options, tables);
    }

    /** '(' utility_option_list ')' (also copy_generic_opt_list), appended to {@code options}. */
    private void genericOptions(List<Option> options) {
        expectSelf('(');
        do {
            options.add(genericOption());
        } while (acceptSelf(','));
        expectSelf(')');
    }
}
