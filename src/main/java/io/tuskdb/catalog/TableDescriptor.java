package io.tuskdb.catalog;

import io.tuskdb.storage.TableLayout;
import io.tuskdb.types.PgType;

import java.util.List;

/**
 * A table (pg_class row with its columns and primary key).
 *
 * @param primaryKey     0-based positions of the primary-key columns, in key order; empty when there is none
 * @param primaryKeyName the primary key constraint's name ("t_pkey"), or null
 */
public record TableDescriptor(int oid, int databaseOid, String schema, String name, List<ColumnDescriptor> columns,
                              int[] primaryKey, String primaryKeyName) {

    public TableLayout layout() {
        PgType[] types = new PgType[columns.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = columns.get(i).type();
        }
        return new TableLayout(oid, types, primaryKey);
    }

    /** The 0-based position of the column, or -1. */
    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        return -1;
    }
}
