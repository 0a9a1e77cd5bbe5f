/**
 * Built-in functions, operators and aggregates with PostgreSQL 15's signatures (pg_proc, pg_operator,
 * pg_aggregate), semantics and errors. {@link io.tuskdb.sql.functions.Builtins} is the registry the analyzer
 * resolves against; each family registers itself from its own class: ArithmeticOperators (with NumericOps and
 * BigMath for numeric's scales and transcendental functions), ComparisonOperators, TextOperators (LikeMatcher,
 * public as {@link io.tuskdb.sql.functions.LikePattern} for the executor's LIKE), RegexFunctions, DateTimeOperators,
 * StringFunctions, EncodingFunctions, MathFunctions and MathExtras, DateTimeFunctions (ToChar, NumberToChar,
 * FromChar) and DateTimeConstructors, SystemFunctions (with PgTypeof, which the analyzer binds to its argument's
 * type through {@link io.tuskdb.sql.functions.ScalarFunction#forArgumentTypes}) and Aggregates. Values follow
 * {@link io.tuskdb.types.PgType}'s representation.
 * Depends on {@code types}, {@code error}, {@code session.ServerVersion} and the {@code sql.ExecutionContext}
 * interface only.
 */
package io.tuskdb.sql.functions;
