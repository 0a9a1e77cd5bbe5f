/**
 * Transactions: snapshots, each transaction's indexed write batch, and the committer that makes many commits one
 * durable write (group commit). Entry: {@link io.tuskdb.txn.TransactionManager}. Depends on {@code storage} and
 * {@code error}; never on SQL or the protocol.
 */
package io.tuskdb.txn;
