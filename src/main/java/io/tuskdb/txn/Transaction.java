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

    // ---- additions by the storage helper (defaults keep other implementations compiling)

    /**
     * The latest committed version of {@code key}, or this transaction's own write, ignoring the snapshot: what a
     * writer must look at after locking the key (uniqueness checks, PostgreSQL's EvalPlanQual re-check).
     */
    default byte[] getLatest(byte[] key) {
        return get(key);
    }

    /**
     * Takes a lock held until the transaction ends, waiting while a conflicting one is held or queued.
     *
     * @throws io.tuskdb.error.PgException 40P01 on deadlock, 55P03 after lock_timeout, or what the interrupt
     *                                     check throws
     */
    default void lock(LockTag tag, LockMode mode) {
        throw io.tuskdb.error.Errors.featureNotSupported("locks");
    }

    /** Takes a lock only if that needs no wait (NOWAIT, SKIP LOCKED); false otherwise. */
    default boolean tryLock(LockTag tag, LockMode mode) {
        throw io.tuskdb.error.Errors.featureNotSupported("locks");
    }

    /** lock_timeout in milliseconds for the following lock waits; 0 (the default) waits forever. */
    default void setLockTimeout(long millis) {
    }

    /**
     * Called repeatedly while this transaction waits for a lock: throws the session's pending error (cancel,
     * statement_timeout, termination) to end the wait. Without one, a Thread interrupt ends it with 57014.
     */
    default void setInterruptCheck(Runnable check) {
    }

    /**
     * synchronous_commit: when false, commit() makes the writes visible at once and returns without waiting for
     * the WAL flush (a crash may lose the last such commits, never corrupt anything), as PostgreSQL's
     * synchronous_commit = off.
     */
    default void setSynchronousCommit(boolean waitForFlush) {
    }

    /**
     * Runs {@code action} once this transaction's commit is durable (never on rollback), like PostgreSQL's
     * at-commit file unlinks; an exception it throws is not the commit's failure.
     */
    default void afterCommit(Runnable action) {
        throw io.tuskdb.error.Errors.featureNotSupported("commit actions");
    }

    /** Marks a save point of the writes (SAVEPOINT); save points nest. */
    default void setSavepoint() {
        throw io.tuskdb.error.Errors.featureNotSupported("savepoints");
    }

    /**
     * Undoes the writes since the latest save point and removes it (ROLLBACK TO SAVEPOINT then re-marks it with
     * {@link #setSavepoint()}, as PostgreSQL keeps the savepoint). Locks taken since are released.
     */
    default void rollbackToSavepoint() {
        throw io.tuskdb.error.Errors.featureNotSupported("savepoints");
    }

    /** Removes the latest save point, keeping its writes (RELEASE SAVEPOINT). */
    default void releaseSavepoint() {
        throw io.tuskdb.error.Errors.featureNotSupported("savepoints");
    }
}
