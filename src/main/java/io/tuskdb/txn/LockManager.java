package io.tuskdb.txn;

import io.tuskdb.error.Errors;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Table and row locks held to the end of a transaction, as PostgreSQL's lock manager (lmgr/lock.c) and row locks
 * keep them: PostgreSQL's lock modes and conflicts, a FIFO wait queue per lock (a request does not jump ahead of
 * a conflicting waiter unless it already holds the lock), deadlock detection when a transaction starts to wait
 * (40P01, the transaction that closes the cycle is the victim), and lock_timeout (55P03). Waiting parks the
 * thread (virtual-thread friendly) in slices, calling the waiter's interrupt check between slices so cancel and
 * statement_timeout end a wait.
 *
 * <p>One mutex guards the tables: lock traffic is a small fraction of the work in a statement.
 */
public final class LockManager {
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private static final class Waiter {
        final long owner;
        final LockMode mode;
        final Thread thread;
        boolean granted;

        Waiter(long owner, LockMode mode, Thread thread) {
            this.owner = owner;
            this.mode = mode;
            this.thread = thread;
        }
    }

    private static final class LockState {
        /** owner -> modes held, one bit per mode ordinal */
        final Map<Long, Integer> held = new HashMap<>(4);
        final ArrayDeque<Waiter> waiters = new ArrayDeque<>(2);
    }

    private record Waiting(LockTag tag, LockState state, Waiter waiter) {
    }

    private final Object mutex = new Object();
    private final Map<LockTag, LockState> locks = new HashMap<>();
    private final Map<Long, Set<LockTag>> tagsByOwner = new HashMap<>();
    private final Map<Long, Waiting> waiting = new HashMap<>();

    private static int bit(LockMode mode) {
        return 1 << ordinal(mode);
    }

    private static int ordinal(LockMode mode) {
        return switch (mode) {
            case TableLockMode t -> t.ordinal();
            case RowLockMode r -> r.ordinal();
        };
    }

    private static int conflictMask(LockMode mode) {
        return switch (mode) {
            case TableLockMode t -> t.conflictMask();
            case RowLockMode r -> r.conflictMask();
        };
    }

    /**
     * Acquires {@code mode} on {@code tag} for {@code owner}, waiting as long as needed.
     *
     * @param timeoutMillis  lock_timeout: 0 waits forever
     * @param interruptCheck called while waiting; throws the session's pending cancel/timeout error, or null
     * @throws PgException 40P01 on deadlock, 55P03 on lock timeout, or what {@code interruptCheck} throws
     */
    public void acquire(long owner, LockTag tag, LockMode mode, long timeoutMillis, Runnable interruptCheck) {
        Waiter w;
        LockState st;
        synchronized (mutex) {
            st = locks.computeIfAbsent(tag, t -> new LockState());
            if (tryGrant(owner, tag, st, mode)) {
                return;
            }
            w = new Waiter(owner, mode, Thread.currentThread());
            st.waiters.addLast(w);
            waiting.put(owner, new Waiting(tag, st, w));
            if (closesCycle(owner)) {
                abandon(owner, tag, st, w);
                throw new PgException(SqlState.DEADLOCK_DETECTED, io.tuskdb.error.Severity.ERROR,
                        "deadlock detected", "Transaction " + owner + " waits for " + mode.displayName() + " on "
                        + tag + "; the transactions holding it wait for this one.",
                        "See server log for query details.", 0, null, null, null, null, null);
            }
        }
        long deadline = timeoutMillis > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis) : 0;
        while (true) {
            long slice = SLICE_NANOS;
            if (deadline != 0) {
                slice = Math.min(slice, deadline - System.nanoTime());
            }
            if (slice > 0) {
                LockSupport.parkNanos(this, slice);
            }
            synchronized (mutex) {
                if (w.granted) {
                    waiting.remove(owner);
                    return;
                }
            }
            RuntimeException failure = null;
            if (deadline != 0 && System.nanoTime() - deadline >= 0) {
                failure = new PgException(SqlState.LOCK_NOT_AVAILABLE, "canceling statement due to lock timeout");
            } else {
                try {
                    if (interruptCheck != null) {
                        interruptCheck.run();
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        failure = Errors.queryCanceled();
                    }
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                synchronized (mutex) {
                    if (w.granted) { // granted in the meantime: keep it, the caller proceeds
                        waiting.remove(owner);
                        return;
                    }
                    abandon(owner, tag, st, w);
                }
                throw failure;
            }
        }
    }

    /** Acquires without waiting (NOWAIT); false when a conflicting lock is held or queued. */
    public boolean tryAcquire(long owner, LockTag tag, LockMode mode) {
        synchronized (mutex) {
            LockState st = locks.computeIfAbsent(tag, t -> new LockState());
            if (tryGrant(owner, tag, st, mode)) {
                return true;
            }
            if (st.held.isEmpty() && st.waiters.isEmpty()) {
                locks.remove(tag);
            }
            return false;
        }
    }

    private boolean tryGrant(long owner, LockTag tag, LockState st, LockMode mode) {
        Integer mine = st.held.get(owner);
        if (mine != null && (mine & bit(mode)) != 0) {
            return true; // re-entrant
        }
        if (!grantable(owner, st, mode, mine == null, null)) {
            return false;
        }
        grant(owner, tag, st, mode);
        return true;
    }

    /**
     * No other owner holds a conflicting mode and, when {@code respectQueue}, no waiter ahead (before
     * {@code upTo}, or all when null) from another owner requests a conflicting one.
     */
    private static boolean grantable(long owner, LockState st, LockMode mode, boolean respectQueue, Waiter upTo) {
        int conflicts = conflictMask(mode);
        for (Map.Entry<Long, Integer> e : st.held.entrySet()) {
            if (e.getKey() != owner && (e.getValue() & conflicts) != 0) {
                return false;
            }
        }
        if (respectQueue) {
            for (Waiter other : st.waiters) {
                if (other == upTo) {
                    break;
                }
                if (other.owner != owner && (conflicts & bit(other.mode)) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private void grant(long owner, LockTag tag, LockState st, LockMode mode) {
        st.held.merge(owner, bit(mode), (a, b) -> a | b);
        tagsByOwner.computeIfAbsent(owner, o -> new HashSet<>()).add(tag);
    }

    /** Removes a waiter that gives up, and wakes those behind it that it was blocking. */
    private void abandon(long owner, LockTag tag, LockState st, Waiter w) {
        st.waiters.remove(w);
        waiting.remove(owner);
        wakeWaiters(tag, st);
    }

    /** Grants, in queue order, every waiter that conflicts neither with holders nor with earlier waiters. */
    private void wakeWaiters(LockTag tag, LockState st) {
        for (Iterator<Waiter> it = st.waiters.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            boolean upgrade = st.held.containsKey(w.owner);
            if (grantable(w.owner, st, w.mode, !upgrade, w)) {
                it.remove();
                grant(w.owner, tag, st, w.mode);
                w.granted = true;
                LockSupport.unpark(w.thread);
            }
        }
        if (st.held.isEmpty() && st.waiters.isEmpty()) {
            locks.remove(tag);
        }
    }

    /** Releases every lock of {@code owner} (transaction end). */
    public void releaseAll(long owner) {
        synchronized (mutex) {
            Set<LockTag> tags = tagsByOwner.remove(owner);
            if (tags == null) {
                return;
            }
            for (LockTag tag : tags) {
                LockState st = locks.get(tag);
                if (st != null) {
                    st.held.remove(owner);
                    wakeWaiters(tag, st);
                }
            }
        }
    }

    /** True when the wait just queued for {@code start} closes a cycle in the wait-for graph. */
    private boolean closesCycle(long start) {
        Set<Long> visited = new HashSet<>();
        List<Long> stack = new ArrayList<>(blockers(start));
        while (!stack.isEmpty()) {
            long o = stack.remove(stack.size() - 1);
            if (o == start) {
                return true;
            }
            if (visited.add(o)) {
                stack.addAll(blockers(o));
            }
        }
        return false;
    }

    /** The owners {@code owner} waits for: conflicting holders and conflicting waiters ahead of it. */
    private List<Long> blockers(long owner) {
        Waiting wt = waiting.get(owner);
        if (wt == null) {
            return List.of();
        }
        List<Long> out = new ArrayList<>();
        int conflicts = conflictMask(wt.waiter().mode);
        for (Map.Entry<Long, Integer> e : wt.state().held.entrySet()) {
            if (e.getKey() != owner && (e.getValue() & conflicts) != 0) {
                out.add(e.getKey());
            }
        }
        for (Waiter other : wt.state().waiters) {
            if (other == wt.waiter()) {
                break;
            }
            if (other.owner != owner && (conflicts & bit(other.mode)) != 0) {
                out.add(other.owner);
            }
        }
        return out;
    }

    /** Transactions currently waiting for a lock. */
    public int waitingCount() {
        synchronized (mutex) {
            return waiting.size();
        }
    }

    /** Locks currently held, for tests and pg_locks. */
    public int heldCount() {
        synchronized (mutex) {
            int n = 0;
            for (LockState st : locks.values()) {
                n += st.held.size();
            }
            return n;
        }
    }
}
