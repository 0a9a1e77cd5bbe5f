package io.tuskdb.sql.parser;

import io.tuskdb.sql.parser.ast.Statement;

/**
 * One statement of a query string.
 *
 * @param statement the AST; its positions are 1-based offsets in the WHOLE query string
 * @param text      this statement's own text, without the terminating ';' and surrounding whitespace
 * @param offset    0-based offset of {@code text} in the whole query string
 */
public record ParsedSql(Statement statement, String text, int offset) {
}
