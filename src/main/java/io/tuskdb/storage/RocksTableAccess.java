package io.tuskdb.storage;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.txn.IsolationLevel;
import io.tuskdb.txn.KvCursor;
import io.tuskdb.txn.LockTag;
import io.tuskdb.txn.RowLockMode;
import io.tuskdb.txn.Transaction;
import io.tuskdb.types.PgType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link TableAccess} on the engine's key space: a row lives in its table's primary index under
 * {@code relationOid (4 bytes big-endian) + KeyEncoding of the primary-key columns} (or of a hidden int8 row id
 * when the table has no primary key), with a {@link RowEncoding} value.
 */
public final class RocksTableAccess implements TableAccess {
    private final StorageEngine engine;

    public RocksTableAccess(StorageEngine engine) {
        this.engine = engine;
    }

    /** The primary-index key of a row. */
    public static byte[] primaryKey(TableLayout table, Object[] row) {
        ByteWriter out = new ByteWriter(16);
        out.write(KeyEncoding.relationPrefix(table.relationOid()));
        for (int pos : table.primaryKey()) {
            KeyEncoding.encode(out, table.columnTypes()[pos], row[pos]);
        }
        return out.toByteArray();
    }

    @Override
    public boolean insert(Transaction tx, TableLayout table, Object[] row) {
        byte[] key;
        if (table.primaryKey().length == 0) {
            ByteWriter out = new ByteWriter(12);
            out.write(KeyEncoding.relationPrefix(table.relationOid()));
            KeyEncoding.encode(out, PgType.INT8, engine.nextRowId(table.relationOid()));
            key = out.toByteArray();
        } else {
            key = primaryKey(table, row);
            // lock the key before the uniqueness check, against the latest state: two inserts of one key wait
            // for each other, and the second sees the first's row once it commits
            tx.lock(LockTag.row(key), RowLockMode.UPDATE);
            if (tx.getLatest(key) != null) {
                return false;
            }
        }
        tx.put(key, RowEncoding.encode(tx.xid(), table.columnTypes(), row));
        return true;
    }

    @Override
    public RowCursor scan(Transaction tx, TableLayout table, KeyRange range) {
        if (isPointLookup(table, range)) {
            return pointLookup(tx, table, boundKey(table, KeyEncoding.relationPrefix(table.relationOid()),
                    range.lower()));
        }
        byte[] prefix = KeyEncoding.relationPrefix(table.relationOid());
        byte[] lower = prefix;
        byte[] upper = KeyEncoding.prefixEnd(prefix);
        if (range.lower() != null && range.lower().length > 0) {
            byte[] bound = boundKey(table, prefix, range.lower());
            // every key starting with the bound's encoding equals the bound on those columns
            lower = range.lowerInclusive() ? bound : KeyEncoding.prefixEnd(bound);
        }
        if (range.upper() != null && range.upper().length > 0) {
            byte[] bound = boundKey(table, prefix, range.upper());
            upper = range.upperInclusive() ? KeyEncoding.prefixEnd(bound) : bound;
        }
        if (lower == null) { // the exclusive lower bound was the very last key
            lower = upper;
        }
        PgType[] types = table.columnTypes();
        KvCursor kv = tx.scan(lower, upper);
        return new RowCursor() {
            private Object[] row;

            @Override
            public boolean next() {
                if (!kv.next()) {
                    row = null;
                    return false;
                }
                row = RowEncoding.decode(kv.value(), types);
                return true;
            }

            @Override
            public byte[] key() {
                return kv.key();
            }

            @Override
            public Object[] row() {
                return row;
            }

            @Override
            public void close() {
                kv.close();
            }
        };
    }

    /** The whole primary key given as both inclusive bounds: at most one row, read with a get, not an iterator. */
    private static boolean isPointLookup(TableLayout table, KeyRange range) {
        Object[] lo = range.lower();
        Object[] hi = range.upper();
        int n = table.primaryKey().length;
        if (n == 0 || lo == null || hi == null || lo.length != n || hi.length != n || !range.lowerInclusive()
                || !range.upperInclusive()) {
            return false;
        }
        if (lo == hi) {
            return true;
        }
        for (int i = 0; i < n; i++) {
            if (!java.util.Objects.equals(lo[i], hi[i])) {
                return false;
            }
        }
        return true;
    }

    private static RowCursor pointLookup(Transaction tx, TableLayout table, byte[] key) {
        byte[] value = tx.get(key);
        return new RowCursor() {
            private boolean done = value == null;
            private Object[] row;

            @Override
            public boolean next() {
                if (done) {
                    row = null;
                    return false;
                }
                done = true;
                row = RowEncoding.decode(value, table.columnTypes());
                return true;
            }

            @Override
            public byte[] key() {
                return row == null ? null : key;
            }

            @Override
            public Object[] row() {
                return row;
            }

            @Override
            public void close() {
                done = true;
            }
        };
    }

    private static byte[] boundKey(TableLayout table, byte[] prefix, Object[] values) {
        int[] pk = table.primaryKey();
        if (values.length > pk.length) {
            throw new IllegalArgumentException("key range has " + values.length + " values for a "
                    + pk.length + "-column key");
        }
        ByteWriter out = new ByteWriter(16);
        out.write(prefix);
        for (int i = 0; i < values.length; i++) {
            KeyEncoding.encode(out, table.columnTypes()[pk[i]], values[i]);
        }
        return out.toByteArray();
    }

    @Override
    public void update(Transaction tx, TableLayout table, byte[] key, Object[] newRow) {
        lockAndCheck(tx, key, RowLockMode.NO_KEY_UPDATE);
        tx.put(key, RowEncoding.encode(tx.xid(), table.columnTypes(), newRow));
    }

    @Override
    public void delete(Transaction tx, TableLayout table, byte[] key) {
        lockAndCheck(tx, key, RowLockMode.UPDATE);
        tx.delete(key);
    }

    @Override
    public Object[] lockRow(Transaction tx, TableLayout table, byte[] key, RowLockMode mode) {
        byte[] latest = lockAndCheck(tx, key, mode);
        return latest == null ? null : RowEncoding.decode(latest, table.columnTypes());
    }

    /**
     * Locks the key and returns its latest version. Outside READ COMMITTED, a version other than the snapshot's
     * means a concurrent transaction changed the row after our snapshot: 40001, as heap_update/heap_delete
     * report under IsolationUsesXactSnapshot().
     */
    private static byte[] lockAndCheck(Transaction tx, byte[] key, RowLockMode mode) {
        tx.lock(LockTag.row(key), mode);
        byte[] latest = tx.getLatest(key);
        IsolationLevel level = tx.isolationLevel();
        if (level == IsolationLevel.REPEATABLE_READ || level == IsolationLevel.SERIALIZABLE) {
            byte[] seen = tx.get(key);
            if (seen != null) {
                if (latest == null) {
                    throw new PgException(SqlState.SERIALIZATION_FAILURE,
                            "could not serialize access due to concurrent delete");
                }
                if (seen != latest && RowEncoding.writerXid(seen) != RowEncoding.writerXid(latest)) {
                    throw new PgException(SqlState.SERIALIZATION_FAILURE,
                            "could not serialize access due to concurrent update");
                }
            }
        }
        return latest;
    }

    @Override
    public void deleteAll(Transaction tx, int relationOid) {
        byte[] prefix = KeyEncoding.relationPrefix(relationOid);
        // collect first: the write batch is not modified while one of its iterators is open
        List<byte[]> keys = new ArrayList<>();
        try (KvCursor kv = tx.scan(prefix, KeyEncoding.prefixEnd(prefix))) {
            while (kv.next()) {
                keys.add(kv.key());
            }
        }
        for (byte[] key : keys) {
            tx.delete(key);
        }
    }
}
