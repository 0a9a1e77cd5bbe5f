package io.tuskdb.txn;

/**
 * One transaction: reads through a storage snapshot merged with its own buffered writes (read-your-writes),
 * writes into its own indexed write batch, and commits through the committer as one durable write.
 * Used by one session thread at a time.
 */
public interface Transaction {
    /** The transaction id written into the header of every row version it writes. */
    long xid();

    IsolationLevel isolationLevel();

    boolean readOnly();

    /**
     * Called by the session before each statement: READ COMMITTED takes a fresh snapshot;
     * REPEATABLE READ and SERIALIZABLE keep the one taken at their first statement.
     */
    void startStatement();

    /** The value visible to this transaction, or null. */
    byte[] get(byte[] key);

    /** Keys in [lowerInclusive, upperExclusive) visible to this transaction; null bounds are open. */
    KvCursor scan(byte[] lowerInclusive, byte[] upperExclusive);

    void put(byte[] key, byte[] value);

    void delete(byte[] key);

    /** True once this transaction has buffered at least one write. */
    boolean hasWrites();

    /** Makes the writes durable (returns after the group-commit flush) and ends the transaction. */
    void commit();

    /** Discards the writes and ends the transaction. Safe to call more than once. */
    void rollback();

    boolean isActive();
}
