/**
 * Lexer and hand-written recursive-descent parser following PostgreSQL's gram.y, producing the AST (sealed
 * interfaces and records carrying source positions only). Reports errors as PostgreSQL does:
 * {@code syntax error at or near "x"} with the character position. Depends only on {@code error}.
 */
package io.tuskdb.sql.parser;
