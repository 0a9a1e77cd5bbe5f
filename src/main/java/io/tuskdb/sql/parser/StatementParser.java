package io.tuskdb.sql.parser;

import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.Statement;
import io.tuskdb.sql.parser.ast.TypeName;
import io.tuskdb.sql.parser.ast.WithClause;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** gram.y's stmtmulti and stmt: splits a query string at top-level semicolons and dispatches on the first keyword. */
final class StatementParser extends UtilityParser {

    StatementParser(String sql) {
        super(sql);
    }

    List<ParsedSql> statements() {
        List<ParsedSql> out = new ArrayList<>(2);
        while (true) {
            while (acceptSelf(';')) {
                // empty statement
            }
            if (atEof()) {
                return out;
            }
            Token first = cur();
            Statement s = statement();
            if (!atEof() && !atSelf(';')) {
                throw syntaxError();
            }
            Token last = previous();
            List<String> notices = new ArrayList<>();
            for (Lexer.Truncation t : lexer.truncations()) {
                if (t.start() >= first.start() && t.start() < last.end()) {
                    notices.add(t.notice());
                }
            }
            out.add(new ParsedSql(s, lexer.source().substring(first.start(), last.end()), first.start(), notices));
        }
    }

    Expr standaloneExpression() {
        Expr e = aExpr();
        if (!atEof()) {
            throw syntaxError();
        }
        return e;
    }

    TypeName standaloneTypeName() {
        TypeName t = typeName();
        if (!atEof()) {
            throw syntaxError();
        }
        return t;
    }

    @Override
    Statement preparable() {
        Token t = cur();
        if (t.isKeyword("with")) {
            int p = pos(t);
            WithClause with = withClause();
            if (atKw("insert") || atKw("update") || atKw("delete")) {
                return dmlStatement(with);
            }
            if (atKw("merge")) {
                throw notSupported("MERGE", cur());
            }
            return selectAfterWith(with, p);
        }
        if (t.isKeyword("insert") || t.isKeyword("update") || t.isKeyword("delete")) {
            return dmlStatement(null);
        }
        if (startsSelect(t) || t.isSelf('(')) {
            return selectStatement();
        }
        throw syntaxError();
    }

    private Statement statement() {
        Token t = cur();
        if (t.isSelf('(')) {
            return selectStatement();
        }
        if (t.kind() != Token.Kind.KEYWORD) {
            throw syntaxError();
        }
        switch (t.text()) {
            case "select", "values", "table", "with", "insert", "update", "delete":
                return preparable();
            case "create":
                advance();
                return create(t);
            case "drop":
                advance();
                return drop(t);
            case "alter":
                advance();
                return alter(t);
            case "begin", "start", "commit", "end", "rollback", "abort", "savepoint", "release":
                advance();
                return transaction(t);
            case "set":
                advance();
                return set();
            case "show":
                advance();
                return show();
            case "reset":
                advance();
                return reset();
            case "copy":
                advance();
                return copy();
            case "explain":
                advance();
                return explain();
            case "truncate":
                advance();
                return truncate();
            case "prepare":
                advance();
                return prepare();
            case "execute":
                advance();
                return execute();
            case "deallocate":
                advance();
                return deallocate();
            case "listen":
                advance();
                return new Statement.Listen(colId());
            case "notify":
                advance();
                return notifyStatement();
            case "unlisten":
                advance();
                return unlisten();
            case "discard":
                advance();
                return discard();
            case "checkpoint":
                advance();
                return new Statement.Checkpoint();
            case "vacuum":
                advance();
                return vacuum(true);
            case "analyze", "analyse":
                advance();
                return vacuum(false);
            case "grant", "revoke", "do", "call", "lock", "declare", "fetch", "close",
                 "move", "comment", "reindex", "cluster", "refresh", "security", "import", "load", "reassign", "merge":
                throw notSupported(t.text().toUpperCase(Locale.ROOT), t);
            default:
                throw syntaxError();
        }
    }
}
