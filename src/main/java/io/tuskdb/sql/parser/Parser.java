package io.tuskdb.sql.parser;

import java.util.List;

/** Entry point: a query string to its statements. */
public final class Parser {
    private Parser() {
    }

    /**
     * Parses every statement of {@code sql}. Empty statements (only ';', whitespace or comments) produce nothing.
     *
     * @throws io.tuskdb.error.PgException 42601 with the 1-based position of the offending token, as PostgreSQL
     */
    public static List<ParsedSql> parse(String sql) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Parses one standalone value expression (a stored DEFAULT or CHECK text); positions are 1-based in
     * {@code sql}.
     */
    public static io.tuskdb.sql.parser.ast.Expr parseExpression(String sql) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Parses a type name as written in a cast ({@code 'varchar(10)'::regtype}, {@code integer[]}). */
    public static io.tuskdb.sql.parser.ast.TypeName parseTypeName(String sql) {
        throw new UnsupportedOperationException("not yet");
    }
}
