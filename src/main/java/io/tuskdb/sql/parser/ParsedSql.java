package io.tuskdb.sql.parser;

import io.tuskdb.sql.parser.ast.Statement;

import java.util.List;

/**
 * One statement of a query string.
 *
 * @param statement the AST; its positions are 1-based offsets in the WHOLE query string
 * @param text      this statement's own text, without the terminating ';' and surrounding whitespace
 * @param offset    0-based offset of {@code text} in the whole query string
 * @param notices   NOTICE texts the scanner raised for this statement (identifiers truncated to 63 bytes)
 */
public record ParsedSql(Statement statement, String text, int offset, List<String> notices) {
    public ParsedSql {
        notices = List.copyOf(notices);
    }

    public ParsedSql(Statement statement, String text, int offset) {
        this(statement, text, offset, List.of());
    }
}
