/**
 * Transactions: snapshots, each transaction's indexed write batch, the lock manager (PostgreSQL's table and row lock
 * modes, wait queues, deadlock detection, lock_timeout) and the committer that makes many commits one durable write
 * (group commit). SERIALIZABLE adds commit-time validation of what a transaction read
(SerializableValidator) to REPEATABLE READ's snapshot. Entry: {@link io.tuskdb.txn.TransactionManager}, implemented over RocksDB by
 * {@link io.tuskdb.txn.RocksTransactionManager}. Depends on {@code storage} (the engine) and {@code error}; never on
 * SQL, the session or the protocol.
 */
package io.tuskdb.txn;
