package io.tuskdb.catalog;

import io.tuskdb.txn.Transaction;

import java.util.List;
import java.util.Optional;

/**
 * The catalog, stored in the engine's system relations and read through transactions, so DDL is transactional:
 * a transaction sees its own uncommitted CREATE/DROP, others do not until it commits.
 */
public interface Catalog {
    /** Databases and roles as last committed (used at connection start). */
    Optional<DatabaseDescriptor> database(String name);

    List<DatabaseDescriptor> databases();

    Optional<RoleDescriptor> role(String name);

    Optional<TableDescriptor> table(Transaction tx, int databaseOid, String schema, String name);

    /** All tables of a database, ordered by schema and name. */
    List<TableDescriptor> tables(Transaction tx, int databaseOid);

    /**
     * Creates a table, assigning its OID and attnums ({@code columns}' attnum is ignored).
     * Throws 42P07 when the name is taken in that schema.
     */
    TableDescriptor createTable(Transaction tx, int databaseOid, String schema, String name,
                                List<ColumnDescriptor> columns, int[] primaryKey);

    /**
     * As {@link #createTable(Transaction, int, String, String, List, int[])}, naming the primary key constraint
     * {@code primaryKeyName} (CONSTRAINT name PRIMARY KEY); null chooses "table_pkey" as PostgreSQL does. A given
     * name that is taken by a relation (table or primary key index) of the schema is 42P07.
     */
    TableDescriptor createTable(Transaction tx, int databaseOid, String schema, String name,
                                List<ColumnDescriptor> columns, int[] primaryKey, String primaryKeyName);

    /** Whether the schema exists; the catalog has exactly the schemas public and pg_catalog (no CREATE SCHEMA yet). */
    default boolean schemaExists(Transaction tx, int databaseOid, String schema) {
        return "public".equals(schema) || "pg_catalog".equals(schema);
    }

    /** Drops the table and all its rows. */
    void dropTable(Transaction tx, TableDescriptor table);
}
