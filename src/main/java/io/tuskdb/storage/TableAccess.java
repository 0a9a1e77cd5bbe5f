package io.tuskdb.storage;

import io.tuskdb.txn.Transaction;

/**
 * Row-level access to tables through a transaction: encodes rows into the primary index
 * (key = relation OID + order-preserving primary-key encoding, value = row encoding whose header carries the
 * writing transaction's id).
 */
public interface TableAccess {
    /**
     * Inserts a row. Returns false, writing nothing, when a row with the same primary key is visible
     * (the caller raises 23505 with the constraint name and key detail).
     */
    boolean insert(Transaction tx, TableLayout table, Object[] row);

    /** Rows whose primary key lies in the range, in key order. */
    RowCursor scan(Transaction tx, TableLayout table, KeyRange range);

    /** Replaces the row stored under {@code key}; the new row has the same primary-key values. */
    void update(Transaction tx, TableLayout table, byte[] key, Object[] newRow);

    /** Deletes the row stored under {@code key}. */
    void delete(Transaction tx, TableLayout table, byte[] key);

    /** Deletes every row of the relation (DROP TABLE, TRUNCATE), as part of the transaction. */
    void deleteAll(Transaction tx, int relationOid);

    // ---- additions by the storage helper

    /**
     * Locks the row stored under {@code key} in {@code mode} (SELECT FOR UPDATE/SHARE; update and delete take
     * their lock themselves), waiting for conflicting holders, then returns the row's latest version: as last
     * committed or as this transaction wrote it, or null when it has been deleted. In REPEATABLE READ and
     * SERIALIZABLE it throws 40001 when that version is not the one the snapshot sees; READ COMMITTED callers
     * re-check their WHERE clause against the returned row, as PostgreSQL's EvalPlanQual does.
     */
    default Object[] lockRow(Transaction tx, TableLayout table, byte[] key, io.tuskdb.txn.RowLockMode mode) {
        throw io.tuskdb.error.Errors.featureNotSupported("row locks");
    }
}
