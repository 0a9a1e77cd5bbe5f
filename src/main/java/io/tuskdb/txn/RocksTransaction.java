package io.tuskdb.txn;

import io.tuskdb.storage.StorageEngine;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatchWithIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A transaction: a RocksDB snapshot (per statement in READ COMMITTED, from the first statement or read on in
 * REPEATABLE READ and SERIALIZABLE) merged with the transaction's own {@link WriteBatchWithIndex}, which keeps
 * the latest write per key, so the transaction reads its own writes and nobody else does until commit.
 */
final class RocksTransaction implements Transaction {
    private enum State { ACTIVE, COMMITTED, ROLLED_BACK }

    private final RocksTransactionManager manager;
    private final RocksDB db;
    private final long xid;
    private final IsolationLevel isolationLevel;
    private final boolean readOnly;
    private final List<Cursor> openCursors = new ArrayList<>(2);
    private State state = State.ACTIVE;
    private WriteBatchWithIndex batch;
    private boolean hasWrites;
    private Snapshot snapshot;
    private ReadOptions readOptions;

    RocksTransaction(RocksTransactionManager manager, long xid, IsolationLevel isolationLevel, boolean readOnly) {
        this.manager = manager;
        this.db = manager.engine().db();
        this.xid = xid;
        this.isolationLevel = isolationLevel;
        this.readOnly = readOnly;
    }

    @Override
    public long xid() {
        return xid;
    }

    @Override
    public IsolationLevel isolationLevel() {
        return isolationLevel;
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    private boolean snapshotPerStatement() {
        return isolationLevel == IsolationLevel.READ_COMMITTED || isolationLevel == IsolationLevel.READ_UNCOMMITTED;
    }

    @Override
    public void startStatement() {
        checkActive();
        if (snapshot != null && snapshotPerStatement()) {
            releaseSnapshot();
        }
        ensureSnapshot();
    }

    private void ensureSnapshot() {
        if (snapshot == null) {
            snapshot = db.getSnapshot();
            if (readOptions == null) {
                readOptions = new ReadOptions();
            }
            readOptions.setSnapshot(snapshot);
        }
    }

    private void releaseSnapshot() {
        if (snapshot != null) {
            readOptions.setSnapshot(null);
            db.releaseSnapshot(snapshot);
            snapshot = null;
        }
    }

    @Override
    public byte[] get(byte[] key) {
        checkActive();
        ensureSnapshot();
        try {
            return batch == null ? db.get(readOptions, key) : batch.getFromBatchAndDB(db, readOptions, key);
        } catch (RocksDBException e) {
            throw StorageEngine.ioError("could not read from storage", e);
        }
    }

    @Override
    public KvCursor scan(byte[] lowerInclusive, byte[] upperExclusive) {
        checkActive();
        ensureSnapshot();
        ReadOptions options = new ReadOptions().setSnapshot(snapshot);
        Slice upperSlice = null;
        if (upperExclusive != null) {
            upperSlice = new Slice(upperExclusive);
            options.setIterateUpperBound(upperSlice);
        }
        RocksIterator base = db.newIterator(options);
        RocksIterator it = batch == null ? base
                : batch.newIteratorWithBase(db.getDefaultColumnFamily(), base, options);
        Cursor cursor = new Cursor(it, options, upperSlice, lowerInclusive, upperExclusive);
        openCursors.add(cursor);
        return cursor;
    }

    @Override
    public void put(byte[] key, byte[] value) {
        checkActive();
        try {
            batch().put(key, value);
        } catch (RocksDBException e) {
            throw StorageEngine.ioError("could not buffer a write", e);
        }
        hasWrites = true;
    }

    @Override
    public void delete(byte[] key) {
        checkActive();
        try {
            batch().delete(key);
        } catch (RocksDBException e) {
            throw StorageEngine.ioError("could not buffer a write", e);
        }
        hasWrites = true;
    }

    private WriteBatchWithIndex batch() {
        if (batch == null) {
            batch = new WriteBatchWithIndex(true); // overwrite_key: the index keeps the latest write per key
        }
        return batch;
    }

    @Override
    public boolean hasWrites() {
        return hasWrites;
    }

    @Override
    public void commit() {
        checkActive();
        try {
            if (hasWrites) {
                manager.write(batch);
            }
            state = State.COMMITTED;
        } finally {
            if (state != State.COMMITTED) {
                state = State.ROLLED_BACK;
            }
            release();
        }
    }

    @Override
    public void rollback() {
        if (state != State.ACTIVE) {
            return;
        }
        state = State.ROLLED_BACK;
        release();
    }

    private void release() {
        for (Cursor c : openCursors.toArray(new Cursor[0])) {
            c.close();
        }
        releaseSnapshot();
        if (readOptions != null) {
            readOptions.close();
            readOptions = null;
        }
        if (batch != null) {
            batch.close();
            batch = null;
        }
        manager.ended(this);
    }

    @Override
    public boolean isActive() {
        return state == State.ACTIVE;
    }

    private void checkActive() {
        if (state != State.ACTIVE) {
            throw new IllegalStateException("transaction " + xid + " is already "
                    + (state == State.COMMITTED ? "committed" : "rolled back"));
        }
    }

    /** Keys in [lower, upper) in byte order; checks the upper bound itself since the batch's delta may not. */
    private final class Cursor implements KvCursor {
        private final RocksIterator it;
        private final ReadOptions options;
        private final Slice upperSlice;
        private final byte[] lower;
        private final byte[] upper;
        private boolean started;
        private boolean closed;
        private byte[] key;
        private byte[] value;

        Cursor(RocksIterator it, ReadOptions options, Slice upperSlice, byte[] lower, byte[] upper) {
            this.it = it;
            this.options = options;
            this.upperSlice = upperSlice;
            this.lower = lower;
            this.upper = upper;
        }

        @Override
        public boolean next() {
            if (closed) {
                return false;
            }
            if (!started) {
                started = true;
                if (lower == null) {
                    it.seekToFirst();
                } else {
                    it.seek(lower);
                }
            } else {
                it.next();
            }
            if (!it.isValid()) {
                try {
                    it.status();
                } catch (RocksDBException e) {
                    throw StorageEngine.ioError("could not read from storage", e);
                }
                key = value = null;
                return false;
            }
            byte[] k = it.key();
            if (upper != null && Arrays.compareUnsigned(k, upper) >= 0) {
                key = value = null;
                return false;
            }
            key = k;
            value = it.value();
            return true;
        }

        @Override
        public byte[] key() {
            return key;
        }

        @Override
        public byte[] value() {
            return value;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            it.close();
            options.close();
            if (upperSlice != null) {
                upperSlice.close();
            }
            openCursors.remove(this);
        }
    }
}
