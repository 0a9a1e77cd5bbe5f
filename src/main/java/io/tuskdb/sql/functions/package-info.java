/**
 * Built-in functions, operators and aggregates with PostgreSQL 15's signatures (pg_proc, pg_operator,
 * pg_aggregate), semantics and errors. {@link io.tuskdb.sql.functions.Builtins} is the registry the analyzer
 * resolves against; each family registers itself from its own class (ArithmeticOperators, ComparisonOperators,
 * TextOperators with the LikeMatcher, DateTimeOperators, StringFunctions, MathFunctions with NumericOps,
 * DateTimeFunctions, SystemFunctions, Aggregates). Values follow {@link io.tuskdb.types.PgType}'s representation;
 * depends on {@code types}, {@code error}, and the {@code sql.ExecutionContext} interface only.
 */
package io.tuskdb.sql.functions;
