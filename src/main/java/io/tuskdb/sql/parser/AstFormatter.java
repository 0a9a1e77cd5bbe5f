package io.tuskdb.sql.parser;

import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.Statement;

/** Turns an AST back into SQL text that parses to the same tree (fully parenthesised). */
public final class AstFormatter {
    private AstFormatter() {
    }

    public static String format(Statement statement) {
        throw new UnsupportedOperationException("not yet");
    }

    public static String format(Expr expr) {
        throw new UnsupportedOperationException("not yet");
    }
}
