/**
 * The parser's output: an immutable syntax tree of sealed interfaces and records. It carries syntax and 1-based
 * source positions (in the whole query string) only: no types, no resolved names. Root types are
 * {@link io.tuskdb.sql.parser.ast.Statement} and {@link io.tuskdb.sql.parser.ast.Expr}; queries are
 * {@link io.tuskdb.sql.parser.ast.Select} around a {@link io.tuskdb.sql.parser.ast.QueryBody}. Names are already
 * case-folded and SQL-standard type spellings already mapped as gram.y does. Depends on nothing else in TuskDB.
 */
package io.tuskdb.sql.parser.ast;
