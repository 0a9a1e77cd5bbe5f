package io.tuskdb.storage;

/** Rows of one table in primary-key order; {@link #key()} identifies the row for update and delete. */
public interface RowCursor extends AutoCloseable {
    boolean next();

    /** The row's storage key (primary index key). */
    byte[] key();

    /** The row's values in attribute order, per the value representation of {@link io.tuskdb.types.PgType}. */
    Object[] row();

    @Override
    void close();
}
