package io.tuskdb.sql.parser;

import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.Statement;
import io.tuskdb.sql.parser.ast.TypeName;

/**
 * Turns an AST back into SQL text that parses to the same tree (ignoring positions). Composite expressions are
 * fully parenthesised and identifiers quoted where needed, so the text is unambiguous rather than pretty; the engine
 * uses it to store DEFAULT and CHECK expressions, tests use it for round trips.
 */
public final class AstFormatter {
    private AstFormatter() {
    }

    public static String format(Statement statement) {
        StatementWriter w = new StatementWriter();
        w.statement(statement);
        return w.toString();
    }

    public static String format(Expr expr) {
        StatementWriter w = new StatementWriter();
        w.expr(expr);
        return w.toString();
    }

    public static String format(TypeName type) {
        StatementWriter w = new StatementWriter();
        w.type(type);
        return w.toString();
    }

    /** An identifier quoted if PostgreSQL needs quotes for it (as quote_ident). */
    public static String quoteIdentifier(String name) {
        return SqlWriter.quoteIdent(name);
    }
}
