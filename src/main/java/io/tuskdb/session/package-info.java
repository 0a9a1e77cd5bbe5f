/**
 * A connection's state: settings (the GUC registry), the transaction block, prepared statements and portals.
 * Implements {@link io.tuskdb.sql.ExecutionContext} for the SQL engine. Knows nothing of sockets.
 */
package io.tuskdb.session;
