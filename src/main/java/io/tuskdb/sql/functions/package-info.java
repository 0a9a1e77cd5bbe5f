/**
 * Built-in functions and operators, with PostgreSQL's semantics and errors.
 */
package io.tuskdb.sql.functions;
