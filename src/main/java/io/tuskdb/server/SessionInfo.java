package io.tuskdb.server;

import java.time.Instant;

/**
 * A snapshot of one live session, a row of pg_stat_activity.
 *
 * @param state            "active", "idle", "idle in transaction", "idle in transaction (aborted)", or "starting"
 *                         while the connection authenticates
 * @param transactionStart null when no transaction is open
 */
public record SessionInfo(int pid, String user, String database, int databaseOid, String applicationName,
                          String clientAddress, int clientPort, Instant backendStart, Instant transactionStart,
                          Instant queryStart, String state, String query) {
}
