package io.tuskdb.txn;

import io.tuskdb.error.PgException;
import io.tuskdb.error.Severity;
import io.tuskdb.error.SqlState;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * SERIALIZABLE by commit-time validation: a serializable transaction reads from one snapshot (like REPEATABLE
 * READ) and, when it commits, fails with 40001 if any transaction that committed after its snapshot wrote a key
 * it read or a key inside a range it scanned. Its reads are then exactly what it would have read at its commit
 * point, where its writes take effect atomically, so serializable transactions are equivalent to running one by
 * one in commit order. (PostgreSQL gets the same guarantee with SSI, which aborts less often; this is the
 * "correct locking scheme" alternative, with the same SQLSTATE and message.)
 *
 * <p>Write sets are logged only while a serializable transaction is active, and dropped once no active
 * serializable snapshot predates them. Validation and the commit's write happen under {@link #lock()} held by
 * whoever writes, so no commit lands between the check and the write.
 */
final class SerializableValidator {
    private record Committed(long sequence, List<byte[]> keys) {
    }

    private final java.util.concurrent.locks.ReentrantLock writeLock = new java.util.concurrent.locks.ReentrantLock();
    private final ArrayDeque<Committed> log = new ArrayDeque<>();
    /** snapshot sequence -> number of active serializable transactions holding it */
    private final TreeMap<Long, Integer> snapshots = new TreeMap<>();
    /** registered serializable transactions, including those whose snapshot is not taken yet */
    private int active;
    private volatile boolean recording;

    /** Held while validating and writing a serializable commit, and while writing outside the committer. */
    java.util.concurrent.locks.ReentrantLock lock() {
        return writeLock;
    }

    /** True while some serializable transaction is active (commits must log their keys). */
    boolean isRecording() {
        return recording;
    }

    /** Called before a serializable transaction takes its snapshot, so later commits are logged for it. */
    synchronized void register() {
        active++;
        recording = true;
    }

    synchronized void snapshotTaken(long sequence) {
        snapshots.merge(sequence, 1, Integer::sum);
    }

    /** A registered transaction ended; {@code sequence} is its snapshot's, or -1 when it took none. */
    synchronized void unregister(long sequence) {
        active--;
        if (sequence >= 0) {
            snapshots.computeIfPresent(sequence, (k, n) -> n == 1 ? null : n - 1);
        }
        prune();
    }

    private void prune() {
        if (active == 0) {
            log.clear();
            recording = false;
            return;
        }
        int withSnapshot = 0;
        for (int n : snapshots.values()) {
            withSnapshot += n;
        }
        if (withSnapshot < active || snapshots.isEmpty()) {
            return; // someone registered is about to take a snapshot: keep everything
        }
        long oldest = snapshots.firstKey();
        while (!log.isEmpty() && log.peekFirst().sequence() <= oldest) {
            log.removeFirst();
        }
    }

    /**
     * Logs the keys a commit wrote, {@code sequence} being the database's latest sequence number read after the
     * write (at least the write's own). Call after the write lands.
     */
    void committed(long sequence, List<byte[]> keys) {
        if (!recording || keys.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (active > 0) {
                log.addLast(new Committed(sequence, keys));
            }
        }
    }

    /** Throws 40001 when a commit after {@code snapshotSequence} wrote something {@code reads} covers. */
    synchronized void validate(long snapshotSequence, ReadSet reads) {
        if (reads.isEmpty()) {
            return;
        }
        for (Iterator<Committed> it = log.descendingIterator(); it.hasNext(); ) {
            Committed c = it.next();
            if (c.sequence() <= snapshotSequence) {
                continue; // in the snapshot (the log is only roughly ordered: asynchronous commits interleave)
            }
            for (byte[] key : c.keys()) {
                if (reads.reads(key)) {
                    throw serializationFailure();
                }
            }
        }
    }

    static PgException serializationFailure() {
        return new PgException(SqlState.SERIALIZATION_FAILURE, Severity.ERROR,
                "could not serialize access due to read/write dependencies among transactions",
                "Reason code: Canceled on identification as a pivot, during commit attempt.",
                "The transaction might succeed if retried.", 0, null, null, null, null, null);
    }

    synchronized int loggedCommits() {
        return log.size();
    }
}
