/**
 * Lexer and hand-written recursive-descent parser following PostgreSQL 15's grammar (gram.y) and scanner (scan.l),
 * producing the immutable AST of {@link io.tuskdb.sql.parser.ast}. Entry points: {@link io.tuskdb.sql.parser.Parser}
 * ({@code parse} splits a query string into {@link io.tuskdb.sql.parser.ParsedSql} statements; {@code parseExpression}
 * and {@code parseTypeName} for stored texts) and {@link io.tuskdb.sql.parser.AstFormatter} (AST back to SQL).
 * Internally the parser is a chain of classes, one per area of gram.y: {@code ParserSupport} (token cursor, name
 * productions), {@code TypeParser}, {@code ExpressionParser} (precedence climbing), {@code PrimaryParser},
 * {@code QueryParser}, {@code DmlParser}, {@code DdlParser}, {@code UtilityParser}, {@code StatementParser}.
 * Reports errors as PostgreSQL does: {@code syntax error at or near "x"} with the 1-based character position in the
 * whole query string, scan.l's lexical messages, and 0A000 naming statements TuskDB does not support.
 * Depends only on {@code error}.
 */
package io.tuskdb.sql.parser;
