/**
 * A connection's state, PostgreSQL's backend-local state: {@link io.tuskdb.session.Session} implements
 * {@link io.tuskdb.sql.ExecutionContext} for the SQL engine and holds the transaction block
 * ({@code TransactionBlock}, states {@link io.tuskdb.session.TransactionState}: idle, implicit, block, failed, with
 * savepoints), prepared statements and portals,
 * the settings ({@code session.settings}, the GUC registry) and the interrupt flag
 * ({@link io.tuskdb.session.Interrupts}: cancel, statement_timeout, idle timeouts, terminate, on one shared timer
 * thread). Knows nothing of sockets or protocol messages; reaches other sessions only through
 * {@link io.tuskdb.session.SessionDirectory}.
 */
package io.tuskdb.session;
