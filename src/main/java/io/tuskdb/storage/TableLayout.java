package io.tuskdb.storage;

import io.tuskdb.types.PgType;

/**
 * What the storage layer needs to know of a table to store its rows: its OID (the primary index's key
 * prefix), the column types in attribute order, and the positions (0-based) of the primary-key columns.
 * An empty primary key means rows are keyed by a hidden, increasing row id.
 */
public record TableLayout(int relationOid, PgType[] columnTypes, int[] primaryKey) {
}
