/**
 * Name resolution and type resolution: turns the AST into the bound tree, every name resolved through search_path
 * and every expression typed by PostgreSQL's rules (documentation chapter "Type Conversion").
 */
package io.tuskdb.sql.analyzer;
