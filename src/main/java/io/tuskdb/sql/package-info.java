/**
 * The SQL engine's facade: {@link io.tuskdb.sql.SqlEngine} parses text into statements and plans them;
 * {@link io.tuskdb.sql.PreparedPlan} runs as {@link io.tuskdb.sql.Execution}s inside an
 * {@link io.tuskdb.sql.ExecutionContext} that the session provides. Knows nothing of the protocol.
 */
package io.tuskdb.sql;
