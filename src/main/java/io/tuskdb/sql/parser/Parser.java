package io.tuskdb.sql.parser;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.TypeName;

import java.util.List;

/**
 * Entry point: a query string to its statements, following PostgreSQL 15's grammar (gram.y) and scanner (scan.l).
 * Positions in the AST and in errors are 1-based character offsets in the whole string, as PostgreSQL reports.
 * Stateless and thread-safe; each call parses in a single pass.
 */
public final class Parser {
    private Parser() {
    }

    /**
     * Parses every statement of {@code sql}. Empty statements (only ';', whitespace or comments) produce nothing.
     * Like PostgreSQL, the whole string is parsed before anything runs: a syntax error in any statement fails all.
     *
     * @throws io.tuskdb.error.PgException 42601 with the 1-based position of the offending token, as PostgreSQL;
     *                                     0A000 naming a statement or clause TuskDB does not support
     */
    public static List<ParsedSql> parse(String sql) {
        try {
            return new StatementParser(sql).statements();
        } catch (StackOverflowError e) {
            throw stackDepthExceeded();
        }
    }

    /** Deeply nested input: PostgreSQL's check_stack_depth error instead of a Java error escaping. */
    private static PgException stackDepthExceeded() {
        return new PgException(SqlState.STATEMENT_TOO_COMPLEX, "stack depth limit exceeded")
                .withHint("Increase the configuration parameter \"max_stack_depth\" (currently 2048kB), after "
                        + "ensuring the platform's stack depth limit is adequate.");
    }

    /**
     * Parses one standalone value expression (a stored DEFAULT or CHECK text); positions are 1-based in
     * {@code sql}.
     */
    public static Expr parseExpression(String sql) {
        try {
            return new StatementParser(sql).standaloneExpression();
        } catch (StackOverflowError e) {
            throw stackDepthExceeded();
        }
    }

    /** Parses a type name as written in a cast ({@code varchar(10)}, {@code integer[]}). */
    public static TypeName parseTypeName(String sql) {
        return new StatementParser(sql).standaloneTypeName();
    }
}
