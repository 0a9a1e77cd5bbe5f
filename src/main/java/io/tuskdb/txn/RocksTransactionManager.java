package io.tuskdb.txn;

import io.tuskdb.storage.BlockCounter;
import io.tuskdb.storage.StorageEngine;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatchWithIndex;
import org.rocksdb.WriteOptions;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Transactions over the cluster's {@link StorageEngine}: each gets an xid from a counter persisted ahead in
 * blocks (like PostgreSQL's xid epoch, it never repeats after a restart), reads through RocksDB snapshots and
 * buffers its writes in its own indexed write batch until commit.
 */
public final class RocksTransactionManager implements TransactionManager, AutoCloseable {
    /** PostgreSQL's FirstNormalTransactionId: 0-2 are reserved there, so we start at 3 too. */
    static final long FIRST_NORMAL_XID = 3;
    private static final int XID_BLOCK = 10_000;

    private final StorageEngine engine;
    private final BlockCounter xids;
    private final Set<RocksTransaction> active = ConcurrentHashMap.newKeySet();
    private final Committer committer;
    private final LockManager locks = new LockManager();
    private final SerializableValidator validator = new SerializableValidator();
    private boolean closed;

    public RocksTransactionManager(StorageEngine engine) {
        this.engine = engine;
        this.xids = engine.counter("xid", FIRST_NORMAL_XID, XID_BLOCK);
        this.committer = new Committer(engine, validator);
    }

    /** The table and row locks of the cluster's transactions. */
    public LockManager locks() {
        return locks;
    }

    /** The group committer (its counters feed the metrics). */
    public Committer committer() {
        return committer;
    }

    @Override
    public Transaction begin(IsolationLevel isolationLevel, boolean readOnly) {
        // under the manager's lock, so close() either sees the new transaction or it is refused
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the cluster is shut down");
            }
            RocksTransaction tx = new RocksTransaction(this, xids.next(), isolationLevel, readOnly);
            active.add(tx);
            return tx;
        }
    }

    StorageEngine engine() {
        return engine;
    }

    SerializableValidator validator() {
        return validator;
    }

    /**
     * Makes a transaction's batch durable through the group committer, parking until it is; without
     * {@code waitForFlush} (synchronous_commit = off) the batch is written at once without an fsync, except for
     * SERIALIZABLE commits, which need the committer's validation.
     *
     * @param keys the keys the batch writes (logged for SERIALIZABLE validation)
     */
    void write(WriteBatchWithIndex batch, List<byte[]> keys, Committer.Validation validation, boolean waitForFlush) {
        if (waitForFlush || validation != null) {
            committer.commit(batch, keys, validation);
            return;
        }
        validator.lock().lock(); // not between a serializable commit's validation and its write
        try (WriteOptions noSync = new WriteOptions()) {
            engine.db().write(noSync, batch);
            validator.committed(engine.db().getLatestSequenceNumber(), keys);
        } catch (RocksDBException e) {
            throw StorageEngine.ioError("could not write to the write-ahead log", e);
        } finally {
            validator.lock().unlock();
        }
    }

    void ended(RocksTransaction tx) {
        active.remove(tx);
    }

    /** Transactions begun and not yet ended. */
    public int activeCount() {
        return active.size();
    }

    /**
     * Stops new transactions, lets the committer write what is queued, then rolls back the transactions still
     * open (releasing their snapshots and batches). Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        committer.close();
        for (RocksTransaction tx : active.toArray(new RocksTransaction[0])) {
            tx.rollback();
        }
    }
}
