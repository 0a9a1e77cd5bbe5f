/**
 * Physical plans ({@link io.tuskdb.sql.planner.PlanNode}, immutable records) built from the bound tree by
 * {@link io.tuskdb.sql.planner.Planner}: WHERE conjuncts pushed down to the scans they read (never into the
 * nullable side of an outer join), primary-key equality / range / IN-list access chosen by
 * {@link io.tuskdb.sql.planner.KeyRangeExtractor}, hash joins for equality joins, Sort skipped when the key order
 * already gives the ORDER BY. {@link io.tuskdb.sql.planner.Explain} prints plans in PostgreSQL's EXPLAIN text
 * format. Depends on the analyzer's bound tree and the catalog's descriptors only; executes nothing.
 */
package io.tuskdb.sql.planner;
