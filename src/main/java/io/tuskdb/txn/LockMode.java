package io.tuskdb.txn;

/**
 * A lock mode: PostgreSQL's table-level modes ({@link TableLockMode}) or row-level modes ({@link RowLockMode}).
 * One lock tag is only ever locked in modes of one family.
 */
public sealed interface LockMode permits TableLockMode, RowLockMode {
    /** True when a lock in this mode cannot be held while another transaction holds {@code other}. */
    boolean conflictsWith(LockMode other);

    /** The name PostgreSQL prints (pg_locks.mode, error details): "RowExclusiveLock". */
    String displayName();
}
