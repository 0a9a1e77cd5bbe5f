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
import java.util.concurrent.locks.ReentrantLock;

/**
 * A transaction: a RocksDB snapshot (per statement in READ COMMITTED, from the first statement or read on in
 * REPEATABLE READ and SERIALIZABLE) merged with the transaction's own {@link WriteBatchWithIndex}, which keeps
 * the latest write per key, so the transaction reads its own writes and nobody else does until commit.
 *
 * <p>Used by one session thread, but a shutdown may roll it back from another thread: every use of a native
 * handle happens under {@link #guard}, and after the end every use fails with IllegalStateException, so a
 * released handle is never touched. Lock waits happen outside the guard so a shutdown never waits for them.
 */
final class RocksTransaction implements Transaction {
    private enum State { ACTIVE, COMMITTED, ROLLED_BACK }

    private final RocksTransactionManager manager;
    private final RocksDB db;
    private final long xid;
    private final IsolationLevel isolationLevel;
    private final boolean readOnly;
    private final ReentrantLock guard = new ReentrantLock();
    private final List<Cursor> openCursors = new ArrayList<>(2);
    private volatile State state = State.ACTIVE;
    private WriteBatchWithIndex batch;
    private Snapshot snapshot;
    private ReadOptions readOptions;
    private ReadOptions latestOptions;
    private int savepoints;
    /** Per open savepoint, the lock manager's mark when it was set. */
    private int[] lockMarks = new int[4];
    private long lockTimeoutMillis;
    private Runnable interruptCheck;
    private boolean synchronousCommit = true;
    private List<Runnable> afterCommit;
    /** Keys written, for SERIALIZABLE validation of others (kept for every transaction: one reference each). */
    private List<byte[]> writtenKeys;
    /** SERIALIZABLE only: what this transaction read, validated at commit. */
    private final ReadSet reads;
    private boolean registered;
    private long snapshotSequence = -1;

    RocksTransaction(RocksTransactionManager manager, long xid, IsolationLevel isolationLevel, boolean readOnly) {
        this.manager = manager;
        this.db = manager.engine().db();
        this.xid = xid;
        this.isolationLevel = isolationLevel;
        this.readOnly = readOnly;
        this.reads = isolationLevel == IsolationLevel.SERIALIZABLE ? new ReadSet() : null;
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

    /** Takes the guard and checks the transaction is still active; callers unlock in finally. */
    private void enter() {
        guard.lock();
        if (state != State.ACTIVE) {
            guard.unlock();
            throw ended();
        }
    }

    private IllegalStateException ended() {
        return new IllegalStateException("transaction " + xid + " is already "
                + (state == State.COMMITTED ? "committed" : "rolled back"));
    }

    @Override
    public void startStatement() {
        enter();
        try {
            if (snapshot != null && snapshotPerStatement()) {
                releaseSnapshot();
            }
            ensureSnapshot();
        } finally {
            guard.unlock();
        }
    }

    private void ensureSnapshot() {
        if (snapshot == null) {
            if (reads != null && !registered) {
                manager.validator().register(); // before the snapshot: commits after it are logged for us
                registered = true;
            }
            snapshot = db.getSnapshot();
            if (reads != null) {
                snapshotSequence = snapshot.getSequenceNumber();
                manager.validator().snapshotTaken(snapshotSequence);
            }
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
        enter();
        try {
            ensureSnapshot();
            if (reads != null) {
                reads.point(key);
            }
            return batch == null ? db.get(readOptions, key) : batch.getFromBatchAndDB(db, readOptions, key);
        } catch (RocksDBException e) {
            throw StorageEngine.ioError("could not read from storage", e);
        } finally {
            guard.unlock();
        }
    }

    @Override
    public byte[] getLatest(byte[] key) {
        enter();
        try {
            if (latestOptions == null) {
                latestOptions = new ReadOptions();
            }
            return batch == null ? db.get(latestOptions, key) : batch.getFromBatchAndDB(db, latestOptions, key);
        } catch (RocksDBException e) {
            throw StorageEngine.ioError("could not read from storage", e);
        } finally {
            guard.unlock();
        }
    }

    @Override
    public KvCursor scan(byte[] lowerInclusive, byte[] upperExclusive) {
        enter();
        try {
            ensureSnapshot();
            // auto_prefix_mode: prefix bloom filters only where they cannot change the result (see StorageEngine)
            ReadOptions options = new ReadOptions().setSnapshot(snapshot).setAutoPrefixMode(true);
            Slice upperSlice = null;
            if (upperExclusive != null) {
                upperSlice = new Slice(upperExclusive);
                options.setIterateUpperBound(upperSlice);
            }
            RocksIterator base = db.newIterator(options);
            RocksIterator it = batch == null ? base
                    : batch.newIteratorWithBase(db.getDefaultColumnFamily(), base, options);
            Cursor cursor = new Cursor(it, options, upperSlice, lowerInclusive, upperExclusive,
                    reads == null ? null : reads.range(lowerInclusive, upperExclusive));
            openCursors.add(cursor);
            return cursor;
        } finally {
            guard.unlock();
        }
    }

    @Override
    public void put(byte[] key, byte[] value) {
        enter();
        try {
            batch().put(key, value);
            wrote(key);
        } catch (RocksDBException e) {
            throw StorageEngine.ioError("could not buffer a write", e);
        } finally {
            guard.unlock();
        }
    }

    @Override
    public void delete(byte[] key) {
        enter();
        try {
            batch().delete(key);
            wrote(key);
        } catch (RocksDBException e) {
            throw StorageEngine.ioError("could not buffer a write", e);
        } finally {
            guard.unlock();
        }
    }

    private void wrote(byte[] key) {
        if (writtenKeys == null) {
            writtenKeys = new ArrayList<>();
        }
        writtenKeys.add(key);
    }

    private WriteBatchWithIndex batch() {
        if (batch == null) {
            batch = new WriteBatchWithIndex(true); // overwrite_key: the index keeps the latest write per key
        }
        return batch;
    }

    @Override
    public boolean hasWrites() {
        guard.lock();
        try {
            return batch != null && batch.count() > 0;
        } finally {
            guard.unlock();
        }
    }

    @Override
    public void lock(LockTag tag, LockMode mode) {
        if (state != State.ACTIVE) {
            throw ended();
        }
        manager.locks().acquire(xid, tag, mode, lockTimeoutMillis, interruptCheck);
    }

    @Override
    public boolean tryLock(LockTag tag, LockMode mode) {
        if (state != State.ACTIVE) {
            throw ended();
        }
        return manager.locks().tryAcquire(xid, tag, mode);
    }

    @Override
    public void setLockTimeout(long millis) {
        lockTimeoutMillis = Math.max(0, millis);
    }

    @Override
    public void setInterruptCheck(Runnable check) {
        interruptCheck = check;
    }

    @Override
    public void setSynchronousCommit(boolean waitForFlush) {
        synchronousCommit = waitForFlush;
    }

    @Override
    public void afterCommit(Runnable action) {
        enter();
        try {
            if (afterCommit == null) {
                afterCommit = new ArrayList<>(1);
            }
            afterCommit.add(action);
        } finally {
            guard.unlock();
        }
    }

    @Override
    public void setSavepoint() {
        enter();
        try {
            batch().setSavePoint();
            if (savepoints == lockMarks.length) {
                lockMarks = Arrays.copyOf(lockMarks, savepoints * 2);
            }
            lockMarks[savepoints] = manager.locks().mark(xid);
            savepoints++;
        } finally {
            guard.unlock();
        }
    }

    @Override
    public void rollbackToSavepoint() {
        enter();
        try {
            if (savepoints == 0) {
                throw new IllegalStateException("no savepoint");
            }
            batch.rollbackToSavePoint();
            savepoints--;
            manager.locks().releaseSince(xid, lockMarks[savepoints]);
        } catch (RocksDBException e) {
            throw StorageEngine.ioError("could not roll back to a savepoint", e);
        } finally {
            guard.unlock();
        }
    }

    @Override
    public void releaseSavepoint() {
        enter();
        try {
            if (savepoints == 0) {
                throw new IllegalStateException("no savepoint");
            }
            batch.popSavePoint();
            savepoints--;
        } catch (RocksDBException e) {
            throw StorageEngine.ioError("could not release a savepoint", e);
        } finally {
            guard.unlock();
        }
    }

    /** Holds the guard while the committer writes, so a shutdown's rollback waits for a commit in flight. */
    @Override
    public void commit() {
        enter();
        List<Runnable> actions = null;
        try {
            Committer.Validation validation = reads != null && snapshotSequence >= 0
                    ? new Committer.Validation(snapshotSequence, reads) : null;
            // without writes no validation: every validated writer acts at its commit point, so the snapshot is
            // the state after a prefix of the serial (commit) order, and a reader fits in at that point
            if (batch != null && batch.count() > 0) {
                manager.write(batch, writtenKeys == null ? List.of() : writtenKeys, validation, synchronousCommit);
            }
            state = State.COMMITTED;
            actions = afterCommit;
        } finally {
            if (state != State.COMMITTED) {
                state = State.ROLLED_BACK;
            }
            try {
                release();
            } finally {
                guard.unlock();
            }
        }
        if (actions != null) {
            for (Runnable action : actions) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    // the commit stands; leftovers of a failed cleanup are unreachable garbage
                }
            }
        }
    }

    @Override
    public void rollback() {
        guard.lock();
        try {
            if (state != State.ACTIVE) {
                return;
            }
            state = State.ROLLED_BACK;
            release();
        } finally {
            guard.unlock();
        }
    }

    private void release() {
        for (Cursor c : openCursors.toArray(new Cursor[0])) {
            c.closeNative();
        }
        openCursors.clear();
        releaseSnapshot();
        if (readOptions != null) {
            readOptions.close();
            readOptions = null;
        }
        if (latestOptions != null) {
            latestOptions.close();
            latestOptions = null;
        }
        if (batch != null) {
            batch.close();
            batch = null;
        }
        afterCommit = null;
        writtenKeys = null;
        if (registered) {
            registered = false;
            manager.validator().unregister(snapshotSequence);
        }
        manager.locks().releaseAll(xid); // after the commit is durable, as PostgreSQL releases at commit
        manager.ended(this);
    }

    @Override
    public boolean isActive() {
        return state == State.ACTIVE;
    }

    /** Keys in [lower, upper) in byte order; checks the upper bound itself since the batch's delta may not. */
    private final class Cursor implements KvCursor {
        private final RocksIterator it;
        private final ReadOptions options;
        private final Slice upperSlice;
        private final byte[] lower;
        private final byte[] upper;
        private final ReadSet.Range readRange;
        private boolean started;
        private boolean closed;
        private byte[] key;
        private byte[] value;

        Cursor(RocksIterator it, ReadOptions options, Slice upperSlice, byte[] lower, byte[] upper,
               ReadSet.Range readRange) {
            this.readRange = readRange;
            this.it = it;
            this.options = options;
            this.upperSlice = upperSlice;
            this.lower = lower;
            this.upper = upper;
        }

        @Override
        public boolean next() {
            guard.lock();
            try {
                if (closed) {
                    if (state != State.ACTIVE) {
                        throw ended();
                    }
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
                    return exhausted();
                }
                byte[] k = it.key();
                if (upper != null && Arrays.compareUnsigned(k, upper) >= 0) {
                    return exhausted();
                }
                key = k;
                value = it.value();
                if (readRange != null) {
                    readRange.last = k;
                }
                return true;
            } finally {
                guard.unlock();
            }
        }

        private boolean exhausted() {
            key = value = null;
            if (readRange != null) {
                readRange.exhausted = true; // the whole range was read: phantoms in it conflict too
            }
            return false;
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
            guard.lock();
            try {
                if (!closed) {
                    closeNative();
                    openCursors.remove(this);
                }
            } finally {
                guard.unlock();
            }
        }

        void closeNative() {
            if (closed) {
                return;
            }
            closed = true;
            it.close();
            options.close();
            if (upperSlice != null) {
                upperSlice.close();
            }
        }
    }
}
