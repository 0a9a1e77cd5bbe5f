/**
 * Name resolution and type resolution: turns the parser's AST into the bound tree ({@link
 * io.tuskdb.sql.analyzer.BoundStatement}, {@link io.tuskdb.sql.analyzer.BoundQuery}, {@link
 * io.tuskdb.sql.analyzer.BoundExpr}: sealed records, every name resolved through search_path and the catalog,
 * every expression typed). Entry: {@link io.tuskdb.sql.analyzer.Analyzer}; operator, function and common-type
 * resolution follow PostgreSQL's documentation chapter "Type Conversion" in {@link
 * io.tuskdb.sql.analyzer.TypeResolver}. Grouping rules (42803), parameter type inference (42P18), column naming
 * (FigureColname), WITH expansion and correlated references are here, and constant folding as the planner's
 * eval_const_expressions ({@link io.tuskdb.sql.analyzer.ConstantFolding}: AND/OR/CASE/COALESCE simplified first,
 * errors of surviving immutable calls over constants raised once the statement is analysed). Reads the catalog through the
 * {@link io.tuskdb.sql.ExecutionContext}; knows nothing of plans, operators, storage encodings or the protocol.
 */
package io.tuskdb.sql.analyzer;
