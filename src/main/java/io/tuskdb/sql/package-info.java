/**
 * The SQL engine's facade: {@link io.tuskdb.sql.SqlEngine} parses text into statements and prepares them
 * (analyse, plan, compile once); a {@link io.tuskdb.sql.PreparedPlan} runs as {@link io.tuskdb.sql.Execution}s
 * inside an {@link io.tuskdb.sql.ExecutionContext} that the session provides, re-planning when a table it was
 * built on was dropped or recreated. Knows nothing of the protocol.
 */
package io.tuskdb.sql;
