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

    /**
     * The holders and waiters of one lock. Most locks (every inserted key) have one holder and no waiter, so that
     * case lives in two fields; more holders and the wait queue are allocated only when they appear.
     */
    private static final class LockState {
        private static final long NONE = Long.MIN_VALUE;
        private long owner0 = NONE;
        /** modes held by owner0, one bit per mode ordinal */
        private int bits0;
        private HashMap<Long, Integer> more;
        private ArrayDeque<Waiter> waiters;

        int bitsOf(long owner) {
            if (owner0 == owner) {
                return bits0;
            }
            return more == null ? 0 : more.getOrDefault(owner, 0);
        }

        void add(long owner, int bits) {
            if (owner0 == owner || owner0 == NONE) {
                owner0 = owner;
                bits0 |= bits;
            } else {
                if (more == null) {
                    more = new HashMap<>(4);
                }
                more.merge(owner, bits, (a, b) -> a | b);
            }
        }

        void remove(long owner) {
            if (owner0 == owner) {
                owner0 = NONE;
                bits0 = 0;
                if (more != null && !more.isEmpty()) {
                    Map.Entry<Long, Integer> e = more.entrySet().iterator().next();
                    owner0 = e.getKey();
                    bits0 = e.getValue();
                    more.remove(owner0);
                }
            } else if (more != null) {
                more.remove(owner);
            }
        }

        void removeBits(long owner, int bits) {
            int left = bitsOf(owner) & ~bits;
            if (left == 0) {
                remove(owner);
            } else if (owner0 == owner) {
                bits0 = left;
            } else {
                more.put(owner, left);
            }
        }

        int holderCount() {
            return (owner0 == NONE ? 0 : 1) + (more == null ? 0 : more.size());
        }

        /** Adds to {@code out} (when not null) the holders other than {@code owner} with a mode in {@code mask}. */
        boolean othersHold(long owner, int mask, List<Long> out) {
            boolean any = false;
            if (owner0 != NONE && owner0 != owner && (bits0 & mask) != 0) {
                if (out == null) {
                    return true;
                }
                out.add(owner0);
                any = true;
            }
            if (more != null) {
                for (Map.Entry<Long, Integer> e : more.entrySet()) {
                    if (e.getKey() != owner && (e.getValue() & mask) != 0) {
                        if (out == null) {
                            return true;
                        }
                        out.add(e.getKey());
                        any = true;
                    }
                }
            }
            return any;
        }

        ArrayDeque<Waiter> waiters() {
            if (waiters == null) {
                waiters = new ArrayDeque<>(2);
            }
            return waiters;
        }

        boolean hasWaiters() {
            return waiters != null && !waiters.isEmpty();
        }

        boolean isIdle() {
            return owner0 == NONE && (more == null || more.isEmpty()) && !hasWaiters();
        }
    }

    private record Waiting(LockTag tag, LockState state, Waiter waiter) {
    }

    private final Object mutex = new Object();
    private final Map<LockTag, LockState> locks = new HashMap<>();
    /** One lock mode newly granted to an owner. */
    private record Grant(LockTag tag, int bit) {
    }

    /** Per owner, its grants in the order they were made (savepoint rollback releases a suffix). */
    private final Map<Long, ArrayList<Grant>> grantsByOwner = new HashMap<>();
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
            st.waiters().addLast(w);
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
            if (st.isIdle()) {
                locks.remove(tag);
            }
            return false;
        }
    }

    private boolean tryGrant(long owner, LockTag tag, LockState st, LockMode mode) {
        int mine = st.bitsOf(owner);
        if ((mine & bit(mode)) != 0) {
            return true; // re-entrant
        }
        if (!grantable(owner, st, mode, mine == 0, null)) {
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
        if (st.othersHold(owner, conflicts, null)) {
            return false;
        }
        if (respectQueue && st.hasWaiters()) {
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
        st.add(owner, bit(mode));
        grantsByOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(new Grant(tag, bit(mode)));
    }

    /** Removes a waiter that gives up, and wakes those behind it that it was blocking. */
    private void abandon(long owner, LockTag tag, LockState st, Waiter w) {
        st.waiters().remove(w);
        waiting.remove(owner);
        wakeWaiters(tag, st);
    }

    /** Grants, in queue order, every waiter that conflicts neither with holders nor with earlier waiters. */
    private void wakeWaiters(LockTag tag, LockState st) {
        if (!st.hasWaiters()) {
            if (st.isIdle()) {
                locks.remove(tag);
            }
            return;
        }
        for (Iterator<Waiter> it = st.waiters.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            boolean upgrade = st.bitsOf(w.owner) != 0;
            if (grantable(w.owner, st, w.mode, !upgrade, w)) {
                it.remove();
                grant(w.owner, tag, st, w.mode);
                w.granted = true;
                LockSupport.unpark(w.thread);
            }
        }
        if (st.isIdle()) {
            locks.remove(tag);
        }
    }

    /** Releases every lock of {@code owner} (transaction end). */
    public void releaseAll(long owner) {
        synchronized (mutex) {
            ArrayList<Grant> grants = grantsByOwner.remove(owner);
            if (grants == null) {
                return;
            }
            for (Grant g : grants) {
                LockState st = locks.get(g.tag());
                if (st != null && st.bitsOf(owner) != 0) {
                    st.remove(owner);
                    wakeWaiters(g.tag(), st);
                }
            }
        }
    }

    /** A mark for {@link #releaseSince}: how many grants {@code owner} has received so far (SAVEPOINT). */
    public int mark(long owner) {
        synchronized (mutex) {
            ArrayList<Grant> grants = grantsByOwner.get(owner);
            return grants == null ? 0 : grants.size();
        }
    }

    /**
     * Releases the lock modes granted to {@code owner} since {@code mark}, keeping those it held before
     * (ROLLBACK TO SAVEPOINT releases the subtransaction's locks, as PostgreSQL's AtSubAbort_Locks).
     */
    public void releaseSince(long owner, int mark) {
        synchronized (mutex) {
            ArrayList<Grant> grants = grantsByOwner.get(owner);
            if (grants == null) {
                return;
            }
            for (int i = grants.size() - 1; i >= mark; i--) {
                Grant g = grants.remove(i);
                LockState st = locks.get(g.tag());
                if (st != null) {
                    st.removeBits(owner, g.bit());
                    wakeWaiters(g.tag(), st);
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
        wt.state().othersHold(owner, conflicts, out);
        for (Waiter other : wt.state().waiters()) {
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
                n += st.holderCount();
            }
            return n;
        }
    }
}
