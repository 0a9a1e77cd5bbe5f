package io.tuskdb.catalog;

import io.tuskdb.error.Errors;
import io.tuskdb.storage.BlockCounter;
import io.tuskdb.storage.ByteWriter;
import io.tuskdb.storage.KeyEncoding;
import io.tuskdb.storage.StorageEngine;
import io.tuskdb.txn.IsolationLevel;
import io.tuskdb.txn.KvCursor;
import io.tuskdb.txn.LockTag;
import io.tuskdb.txn.RowLockMode;
import io.tuskdb.txn.TableLockMode;
import io.tuskdb.txn.Transaction;
import io.tuskdb.txn.TransactionManager;
import io.tuskdb.types.PgType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The catalog in system relations of the engine, keyed under PostgreSQL's own relation OIDs: pg_database (1262)
 * by name, pg_authid (1260) by name, pg_class (1259, with its columns and primary key inline, standing in for
 * pg_attribute and pg_index) by (database OID, schema, name). Everything is read and written through a
 * {@link Transaction}, so DDL is as transactional as any other write.
 */
final class StoredCatalog implements Catalog {
    static final int PG_CLASS = 1259;
    static final int PG_AUTHID = 1260;
    static final int PG_DATABASE = 1262;

    /** FirstNormalObjectId: OIDs below are PostgreSQL's built-in objects. */
    static final int FIRST_NORMAL_OBJECT_ID = 16384;
    /** NAMEDATALEN - 1: the longest identifier PostgreSQL keeps, in bytes. */
    static final int MAX_IDENTIFIER_BYTES = 63;

    private final StorageEngine engine;
    private final TransactionManager transactions;
    private final BlockCounter oids;
    private final CatalogCache cache = new CatalogCache();

    StoredCatalog(StorageEngine engine, TransactionManager transactions) {
        this.engine = engine;
        this.transactions = transactions;
        this.oids = engine.counter("oid", FIRST_NORMAL_OBJECT_ID, 100);
    }

    // ---- keys

    private static byte[] nameKey(int relation, String name) {
        ByteWriter out = new ByteWriter(24).write(KeyEncoding.relationPrefix(relation));
        KeyEncoding.encode(out, PgType.NAME, name);
        return out.toByteArray();
    }

    private static ByteWriter classKeyPrefix(int databaseOid) {
        ByteWriter out = new ByteWriter(48).write(KeyEncoding.relationPrefix(PG_CLASS));
        KeyEncoding.encode(out, PgType.OID, databaseOid);
        return out;
    }

    private static byte[] classKey(int databaseOid, String schema, String name) {
        ByteWriter out = classKeyPrefix(databaseOid);
        KeyEncoding.encode(out, PgType.NAME, schema);
        KeyEncoding.encode(out, PgType.NAME, name);
        return out.toByteArray();
    }

    /** Runs {@code body} in a fresh read-only transaction: the latest committed state. */
    private <T> T committed(Function<Transaction, T> body) {
        Transaction tx = transactions.begin(IsolationLevel.READ_COMMITTED, true);
        try {
            tx.startStatement();
            return body.apply(tx);
        } finally {
            tx.rollback();
        }
    }

    private static <T> List<T> scanAll(Transaction tx, byte[] prefix, Function<byte[], T> decode) {
        List<T> out = new ArrayList<>();
        try (KvCursor c = tx.scan(prefix, KeyEncoding.prefixEnd(prefix))) {
            while (c.next()) {
                out.add(decode.apply(c.value()));
            }
        }
        return out;
    }

    // ---- databases and roles

    /** The latest committed value of a catalog key, outside any transaction. */
    private byte[] committedValue(byte[] key) {
        try {
            return engine.db().get(key);
        } catch (org.rocksdb.RocksDBException e) {
            throw StorageEngine.ioError("could not read the catalog", e);
        }
    }

    @Override
    public Optional<DatabaseDescriptor> database(String name) {
        return Optional.ofNullable(committedValue(nameKey(PG_DATABASE, name))).map(CatalogCodec::decodeDatabase);
    }

    @Override
    public List<DatabaseDescriptor> databases() {
        List<DatabaseDescriptor> all = committed(tx -> scanAll(tx, KeyEncoding.relationPrefix(PG_DATABASE),
                CatalogCodec::decodeDatabase));
        all.sort(Comparator.comparingInt(DatabaseDescriptor::oid));
        return all;
    }

    @Override
    public Optional<RoleDescriptor> role(String name) {
        return Optional.ofNullable(committedValue(nameKey(PG_AUTHID, name))).map(CatalogCodec::decodeRole);
    }

    void putDatabase(Transaction tx, DatabaseDescriptor d) {
        tx.put(nameKey(PG_DATABASE, d.name()), CatalogCodec.encodeDatabase(d));
    }

    void putRole(Transaction tx, RoleDescriptor r) {
        tx.put(nameKey(PG_AUTHID, r.name()), CatalogCodec.encodeRole(r));
    }

    // ---- tables

    /**
     * The latest committed descriptor (cached), or, when {@code tx} changed the catalog itself, the one it sees
     * including its own changes. As in PostgreSQL, catalog lookups are not bound to the data snapshot: a table
     * created after a REPEATABLE READ snapshot is visible (and empty) to it.
     */
    @Override
    public Optional<TableDescriptor> table(Transaction tx, int databaseOid, String schema, String name) {
        byte[] key = classKey(databaseOid, schema, name);
        if (cache.bypass(tx)) {
            return Optional.ofNullable(tx.get(key)).map(CatalogCodec::decodeTable);
        }
        return cache.table(new CatalogCache.TableName(databaseOid, schema, name),
                () -> Optional.ofNullable(committedValue(key)).map(CatalogCodec::decodeTable));
    }

    @Override
    public List<TableDescriptor> tables(Transaction tx, int databaseOid) {
        // key order is (schema, name) in byte order, which is the order the contract asks for
        byte[] prefix = classKeyPrefix(databaseOid).toByteArray();
        if (cache.bypass(tx)) {
            return scanAll(tx, prefix, CatalogCodec::decodeTable);
        }
        return committed(fresh -> scanAll(fresh, prefix, CatalogCodec::decodeTable));
    }

    CatalogCache cache() {
        return cache;
    }

    @Override
    public TableDescriptor createTable(Transaction tx, int databaseOid, String schema, String name,
                                       List<ColumnDescriptor> columns, int[] primaryKey) {
        return createTable(tx, databaseOid, schema, name, columns, primaryKey, null);
    }

    @Override
    public TableDescriptor createTable(Transaction tx, int databaseOid, String schema, String name,
                                       List<ColumnDescriptor> columns, int[] primaryKey, String primaryKeyName) {
        byte[] key = classKey(databaseOid, schema, name);
        // like pg_class's unique index: a concurrent CREATE of the same name waits for the first to finish
        tx.lock(LockTag.row(key), RowLockMode.UPDATE);
        // a primary key's index is a relation too (pg_class), so its name and table names share one namespace
        if (tx.getLatest(key) != null || indexNameTaken(tx, databaseOid, schema, name)) {
            throw Errors.duplicateTable(name);
        }
        List<ColumnDescriptor> numbered = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            ColumnDescriptor c = columns.get(i);
            numbered.add(new ColumnDescriptor(c.name(), i + 1, c.type(), c.typmod(), c.notNull(),
                    c.defaultExpression()));
        }
        int[] pk = primaryKey == null ? new int[0] : primaryKey.clone();
        String pkName = null;
        if (pk.length > 0) {
            if (primaryKeyName != null) {
                // index_create: the table itself already exists when its index is created
                if (primaryKeyName.equals(name) || relationExists(tx, databaseOid, schema, primaryKeyName)) {
                    throw Errors.duplicateTable(primaryKeyName);
                }
                pkName = primaryKeyName;
            } else {
                pkName = chooseRelationName(tx, databaseOid, schema, name, "pkey");
            }
        }
        TableDescriptor table = new TableDescriptor((int) oids.next(), databaseOid, schema, name,
                List.copyOf(numbered), pk, pkName);
        cache.changedBy(tx);
        tx.put(key, CatalogCodec.encodeTable(table));
        return table;
    }

    /** PostgreSQL's ChooseRelationName: name_label, else name_label1, name_label2, ... until unused. */
    private String chooseRelationName(Transaction tx, int databaseOid, String schema, String name, String label) {
        String candidate = objectName(name, label);
        for (int pass = 1; relationExists(tx, databaseOid, schema, candidate); pass++) {
            candidate = objectName(name, label + pass);
        }
        return candidate;
    }

    private boolean relationExists(Transaction tx, int databaseOid, String schema, String name) {
        return tx.getLatest(classKey(databaseOid, schema, name)) != null
                || indexNameTaken(tx, databaseOid, schema, name);
    }

    private boolean indexNameTaken(Transaction tx, int databaseOid, String schema, String name) {
        for (TableDescriptor t : tables(tx, databaseOid)) {
            if (t.schema().equals(schema) && name.equals(t.primaryKeyName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes the descriptor in the transaction and, once it commits, the rows with one range deletion (as
     * PostgreSQL unlinks the relation's files at commit). Takes ACCESS EXCLUSIVE on the table, as DROP TABLE does.
     */
    @Override
    public void dropTable(Transaction tx, TableDescriptor table) {
        tx.lock(LockTag.relation(table.oid()), TableLockMode.ACCESS_EXCLUSIVE);
        byte[] key = classKey(table.databaseOid(), table.schema(), table.name());
        tx.lock(LockTag.row(key), RowLockMode.UPDATE);
        // the table may have been dropped (and even re-created) while we waited for the locks
        byte[] latest = tx.getLatest(key);
        if (latest == null || CatalogCodec.decodeTable(latest).oid() != table.oid()) {
            throw Errors.undefinedTable(table.name(), 0);
        }
        cache.changedBy(tx);
        tx.delete(key);
        int oid = table.oid();
        tx.afterCommit(() -> engine.deleteRelation(oid));
    }

    /**
     * PostgreSQL's makeObjectName(name, NULL, label): {@code name_label}, with the name clipped (on a character
     * boundary) so the result fits in NAMEDATALEN - 1 bytes.
     */
    static String objectName(String name, String label) {
        int budget = MAX_IDENTIFIER_BYTES - label.length() - 1;
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > budget) {
            int end = budget;
            while (end > 0 && (bytes[end] & 0xC0) == 0x80) { // do not split a UTF-8 sequence
                end--;
            }
            name = new String(bytes, 0, end, StandardCharsets.UTF_8);
        }
        return name + "_" + label;
    }
}
