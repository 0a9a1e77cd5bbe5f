package io.tuskdb.sql;

import io.tuskdb.types.PgType;

/**
 * One column of a statement's result, as RowDescription describes it.
 *
 * @param tableOid the source table's OID when the column is a plain table column, else 0
 * @param attnum   the source column's attribute number, else 0
 * @param typmod   -1 when unknown
 */
public record ResultColumn(String name, int tableOid, int attnum, PgType type, int typmod) {
    public ResultColumn(String name, PgType type) {
        this(name, 0, 0, type, -1);
    }
}
