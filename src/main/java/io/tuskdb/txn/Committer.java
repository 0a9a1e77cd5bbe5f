package io.tuskdb.txn;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.storage.StorageEngine;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBatchWithIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit (PostgreSQL's WAL writer with commit_delay, done the simple way): one platform thread takes the
 * transactions waiting to commit from a queue, merges their write batches into one batch and makes it durable
 * with one synced RocksDB write, then wakes them all. While one group is being fsync'ed the next one queues up,
 * so under load many commits share one fsync. A failed write fails every commit of its group.
 */
public final class Committer implements AutoCloseable {
    /** RocksDB's WriteBatch header: fixed64 sequence number, fixed32 count (write_batch.cc, kHeader). */
    private static final int BATCH_HEADER = 12;
    private static final int MAX_GROUP = 512;

    /** A SERIALIZABLE commit's reads, checked right before its write (see {@link SerializableValidator}). */
    record Validation(long snapshotSequence, ReadSet reads) {
    }

    private record Request(WriteBatchWithIndex batch, CompletableFuture<Void> done, List<byte[]> keys,
                           Validation validation) {
    }

    /** Queued by close(): the thread exits once it reaches it with nothing else queued. */
    private static final Request STOP = new Request(null, null, List.of(), null);

    private final StorageEngine engine;
    private final SerializableValidator validator;
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong durableWrites = new AtomicLong();
    private final AtomicLong transactionsCommitted = new AtomicLong();
    private final AtomicLong submitted = new AtomicLong();
    private final Object holdLock = new Object();
    private boolean held;
    private volatile boolean running = true;

    public Committer(StorageEngine engine) {
        this(engine, new SerializableValidator());
    }

    Committer(StorageEngine engine, SerializableValidator validator) {
        this.engine = engine;
        this.validator = validator;
        this.thread = Thread.ofPlatform().name("tuskdb-committer").daemon(true).unstarted(this::run);
        thread.start();
    }

    /** Durable RocksDB writes performed (each may carry many transactions). */
    public long durableWrites() {
        return durableWrites.get();
    }

    /** Transactions made durable through this committer. */
    public long transactionsCommitted() {
        return transactionsCommitted.get();
    }

    /** Transactions waiting for the next group. */
    public int queued() {
        return queue.size();
    }

    /** Batches ever handed to the committer (committed, failed or still waiting). */
    public long submitted() {
        return submitted.get();
    }

    /**
     * Queues the batch for the next group and parks until it is durable. The caller keeps owning the batch and
     * must not touch it until this returns.
     *
     * @throws PgException 58030 when the write failed, 57P01 when the committer has been shut down
     */
    public void commit(WriteBatchWithIndex batch) {
        commit(batch, List.of(), null);
    }

    /**
     * Commits a batch whose written keys are {@code keys} (logged for serializable validation); with a
     * {@code validation}, first checks the committing SERIALIZABLE transaction's reads (40001 on conflict).
     */
    void commit(WriteBatchWithIndex batch, List<byte[]> keys, Validation validation) {
        CompletableFuture<Void> done = submit(batch, keys, validation);
        try {
            done.join(); // uninterruptible on purpose: the write happens anyway, its outcome must be known
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof PgException pg) {
                throw pg;
            }
            throw new PgException(SqlState.INTERNAL_ERROR, io.tuskdb.error.Severity.ERROR,
                    "commit failed: " + e.getCause(), null, null, 0, null, null, null, null, e.getCause());
        }
    }

    /** Queues the batch; the future completes when it is durable (for callers that wait in their own way). */
    public CompletableFuture<Void> submit(WriteBatchWithIndex batch) {
        return submit(batch, List.of(), null);
    }

    private CompletableFuture<Void> submit(WriteBatchWithIndex batch, List<byte[]> keys, Validation validation) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(shutDown());
            return done;
        }
        queue.add(new Request(batch, done, keys, validation));
        submitted.incrementAndGet();
        if (!running) {
            // close() raced with us: once the thread is gone, fail whatever it did not write
            joinThread();
            failRemaining();
        }
        return done;
    }

    private static PgException shutDown() {
        return new PgException(SqlState.ADMIN_SHUTDOWN, "terminating connection due to administrator command");
    }

    private void failRemaining() {
        Request r;
        while ((r = queue.poll()) != null) {
            if (r != STOP) {
                r.done().completeExceptionally(shutDown());
            }
        }
    }

    private void run() {
        List<Request> group = new ArrayList<>();
        while (true) {
            Request first;
            try {
                first = queue.take();
            } catch (InterruptedException e) {
                continue; // nobody interrupts this thread; close() queues STOP instead
            }
            if (first == STOP) {
                if (queue.isEmpty()) {
                    return;
                }
                queue.add(STOP); // drain what is left first
                continue;
            }
            waitWhileHeld();
            group.add(first);
            queue.drainTo(group, MAX_GROUP - 1);
            if (group.remove(STOP)) {
                queue.add(STOP);
            }
            writeInOrder(group);
            group.clear();
        }
    }

    /**
     * Writes plain commits in groups; a SERIALIZABLE commit alone, validated right before its write under the
     * validator's lock, once everything queued before it is written.
     */
    private void writeInOrder(List<Request> group) {
        List<Request> plain = new ArrayList<>(group.size());
        for (Request r : group) {
            if (r.validation() == null) {
                plain.add(r);
                continue;
            }
            writeGroup(plain);
            plain.clear();
            validator.lock().lock();
            try {
                try {
                    validator.validate(r.validation().snapshotSequence(), r.validation().reads());
                } catch (PgException e) {
                    r.done().completeExceptionally(e);
                    continue;
                }
                writeGroup(List.of(r));
            } finally {
                validator.lock().unlock();
            }
        }
        writeGroup(plain);
    }

    private void writeGroup(List<Request> group) {
        if (group.isEmpty()) {
            return;
        }
        try {
            if (group.size() == 1) {
                engine.db().write(engine.syncWriteOptions(), group.get(0).batch());
            } else {
                try (WriteBatch merged = merge(group)) {
                    engine.db().write(engine.syncWriteOptions(), merged);
                }
            }
            durableWrites.incrementAndGet();
            transactionsCommitted.addAndGet(group.size());
            logWrites(group);
            for (Request r : group) {
                r.done().complete(null);
            }
        } catch (RocksDBException e) {
            PgException error = StorageEngine.ioError("could not write to the write-ahead log", e);
            for (Request r : group) {
                r.done().completeExceptionally(error);
            }
        } catch (RuntimeException | Error e) {
            for (Request r : group) {
                r.done().completeExceptionally(e);
            }
        }
    }

    private void logWrites(List<Request> group) {
        if (!validator.isRecording()) {
            return;
        }
        if (group.size() == 1) {
            validator.committed(engine.db().getLatestSequenceNumber(), group.get(0).keys());
            return;
        }
        List<byte[]> keys = new ArrayList<>();
        for (Request r : group) {
            keys.addAll(r.keys());
        }
        validator.committed(engine.db().getLatestSequenceNumber(), keys);
    }

    /**
     * One batch holding every record of the group's batches, in order: the records of a WriteBatch follow its
     * 12-byte header, so concatenating them under a header with the summed count is RocksDB's own
     * WriteBatchInternal::Append.
     */
    private static WriteBatch merge(List<Request> group) throws RocksDBException {
        byte[][] reps = new byte[group.size()][];
        int total = BATCH_HEADER;
        long count = 0;
        for (int i = 0; i < reps.length; i++) {
            WriteBatch wb = group.get(i).batch().getWriteBatch(); // a view owned by the WriteBatchWithIndex
            reps[i] = wb.data();
            total += reps[i].length - BATCH_HEADER;
            count += wb.count();
        }
        byte[] merged = new byte[total];
        int pos = BATCH_HEADER;
        for (byte[] rep : reps) {
            System.arraycopy(rep, BATCH_HEADER, merged, pos, rep.length - BATCH_HEADER);
            pos += rep.length - BATCH_HEADER;
        }
        // sequence number 0 (assigned by the write), count little-endian
        merged[8] = (byte) count;
        merged[9] = (byte) (count >>> 8);
        merged[10] = (byte) (count >>> 16);
        merged[11] = (byte) (count >>> 24);
        return new WriteBatch(merged);
    }

    /** Test hook: while held, the committer collects requests without writing them (deterministic grouping). */
    void hold() {
        synchronized (holdLock) {
            held = true;
        }
    }

    void release() {
        synchronized (holdLock) {
            held = false;
            holdLock.notifyAll();
        }
    }

    private void waitWhileHeld() {
        synchronized (holdLock) {
            while (held) {
                try {
                    holdLock.wait();
                } catch (InterruptedException e) {
                    // keep waiting: only release() or close() ends a hold
                }
            }
        }
    }

    /** Writes everything queued, then stops the thread. Idempotent. */
    @Override
    public synchronized void close() {
        if (running) {
            running = false;
            queue.add(STOP);
        }
        release();
        joinThread();
        failRemaining();
    }

    private void joinThread() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
