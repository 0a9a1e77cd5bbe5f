package io.tuskdb.txn;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class LockManagerTest {
    private final LockManager locks = new LockManager();
    private static final LockTag T = LockTag.relation(16384);
    private static final LockTag ROW = LockTag.row(new byte[]{0, 0, 64, 0, 1});

    private CompletableFuture<Void> inThread(Runnable r) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            try {
                r.run();
                f.complete(null);
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    private void awaitWaiting(int n) {
        while (locks.waitingCount() < n) {
            Thread.onSpinWait();
        }
    }

    @Test
    void conflictTablesArePostgresqls() {
        assertThat(TableLockMode.ACCESS_SHARE.conflictsWith(TableLockMode.ROW_EXCLUSIVE)).isFalse();
        assertThat(TableLockMode.ACCESS_SHARE.conflictsWith(TableLockMode.ACCESS_EXCLUSIVE)).isTrue();
        assertThat(TableLockMode.ROW_EXCLUSIVE.conflictsWith(TableLockMode.ROW_EXCLUSIVE)).isFalse();
        assertThat(TableLockMode.ROW_EXCLUSIVE.conflictsWith(TableLockMode.SHARE)).isTrue();
        assertThat(TableLockMode.SHARE.conflictsWith(TableLockMode.SHARE)).isFalse();
        assertThat(TableLockMode.SHARE_UPDATE_EXCLUSIVE.conflictsWith(TableLockMode.SHARE_UPDATE_EXCLUSIVE)).isTrue();
        assertThat(TableLockMode.EXCLUSIVE.conflictsWith(TableLockMode.ACCESS_SHARE)).isFalse();
        for (TableLockMode a : TableLockMode.values()) {
            for (TableLockMode b : TableLockMode.values()) {
                assertThat(a.conflictsWith(b)).as("%s/%s symmetric", a, b).isEqualTo(b.conflictsWith(a));
            }
        }
        assertThat(RowLockMode.KEY_SHARE.conflictsWith(RowLockMode.NO_KEY_UPDATE)).isFalse();
        assertThat(RowLockMode.KEY_SHARE.conflictsWith(RowLockMode.UPDATE)).isTrue();
        assertThat(RowLockMode.SHARE.conflictsWith(RowLockMode.SHARE)).isFalse();
        assertThat(RowLockMode.NO_KEY_UPDATE.conflictsWith(RowLockMode.NO_KEY_UPDATE)).isTrue();
    }

    @Test
    void compatibleLocksShareConflictingOnesWaitForRelease() throws Exception {
        locks.acquire(1, T, TableLockMode.ROW_EXCLUSIVE, 0, null);
        locks.acquire(2, T, TableLockMode.ROW_EXCLUSIVE, 0, null);
        locks.acquire(1, T, TableLockMode.ROW_EXCLUSIVE, 0, null); // re-entrant
        assertThat(locks.tryAcquire(3, T, TableLockMode.SHARE)).isFalse();
        CompletableFuture<Void> share = inThread(() -> locks.acquire(3, T, TableLockMode.SHARE, 0, null));
        awaitWaiting(1);
        // a new ROW EXCLUSIVE does not jump ahead of the queued SHARE request
        assertThat(locks.tryAcquire(4, T, TableLockMode.ROW_EXCLUSIVE)).isFalse();
        locks.releaseAll(1);
        assertThat(share).isNotDone();
        locks.releaseAll(2);
        share.get();
        locks.releaseAll(3);
        assertThat(locks.heldCount()).isZero();
    }

    @Test
    void releaseSinceAMarkKeepsEarlierLocksAndModes() {
        LockTag other = LockTag.row(new byte[]{9});
        locks.acquire(1, T, TableLockMode.ROW_SHARE, 0, null);
        int mark = locks.mark(1);
        locks.acquire(1, T, TableLockMode.ROW_EXCLUSIVE, 0, null); // an upgrade after the mark
        locks.acquire(1, T, TableLockMode.ROW_SHARE, 0, null); // re-entrant: not a new grant
        locks.acquire(1, other, RowLockMode.UPDATE, 0, null);
        assertThat(locks.tryAcquire(2, T, TableLockMode.SHARE)).isFalse(); // ROW EXCLUSIVE conflicts
        locks.releaseSince(1, mark);
        assertThat(locks.tryAcquire(2, T, TableLockMode.SHARE)).isTrue(); // ROW SHARE is compatible
        assertThat(locks.tryAcquire(2, other, RowLockMode.UPDATE)).isTrue();
        assertThat(locks.tryAcquire(3, T, TableLockMode.EXCLUSIVE)).isFalse(); // ROW SHARE still held
        locks.releaseAll(1);
        locks.releaseAll(2);
        assertThat(locks.heldCount()).isZero();
    }

    @Test
    void deadlockIsDetectedAndTheOtherTransactionProceeds() throws Exception {
        LockTag a = LockTag.row(new byte[]{1});
        LockTag b = LockTag.row(new byte[]{2});
        locks.acquire(1, a, RowLockMode.UPDATE, 0, null);
        locks.acquire(2, b, RowLockMode.UPDATE, 0, null);
        CompletableFuture<Void> first = inThread(() -> locks.acquire(1, b, RowLockMode.UPDATE, 0, null));
        awaitWaiting(1);
        assertThatThrownBy(() -> locks.acquire(2, a, RowLockMode.UPDATE, 0, null))
                .isInstanceOfSatisfying(PgException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.DEADLOCK_DETECTED);
                    assertThat(e.getMessage()).isEqualTo("deadlock detected");
                });
        locks.releaseAll(2); // the victim's transaction rolls back
        first.get();
        locks.releaseAll(1);
        assertThat(locks.heldCount()).isZero();
        assertThat(locks.waitingCount()).isZero();
    }

    @Test
    void lockTimeoutEndsTheWaitWith55P03() {
        locks.acquire(1, ROW, RowLockMode.UPDATE, 0, null);
        assertThatThrownBy(() -> locks.acquire(2, ROW, RowLockMode.SHARE, 50, null))
                .isInstanceOfSatisfying(PgException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.LOCK_NOT_AVAILABLE);
                    assertThat(e.getMessage()).isEqualTo("canceling statement due to lock timeout");
                });
        assertThat(locks.waitingCount()).isZero();
        locks.releaseAll(1);
        locks.acquire(2, ROW, RowLockMode.SHARE, 50, null);
    }

    @Test
    void interruptCheckEndsTheWaitAndUnblocksThoseBehind() throws Exception {
        locks.acquire(1, ROW, RowLockMode.KEY_SHARE, 0, null);
        AtomicBoolean cancel = new AtomicBoolean();
        CompletableFuture<Void> canceled = inThread(() -> locks.acquire(2, ROW, RowLockMode.UPDATE, 0, () -> {
            if (cancel.get()) {
                throw io.tuskdb.error.Errors.queryCanceled();
            }
        }));
        awaitWaiting(1);
        // KEY SHARE queues behind the UPDATE waiter it conflicts with
        CompletableFuture<Void> behind = inThread(() -> locks.acquire(3, ROW, RowLockMode.KEY_SHARE, 0, null));
        awaitWaiting(2);
        cancel.set(true);
        assertThatThrownBy(canceled::get).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(PgException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.QUERY_CANCELED));
        behind.get();
        locks.releaseAll(1);
        locks.releaseAll(3);
        assertThat(locks.heldCount()).isZero();
    }

    /**
     * Eight threads lock random rows in random orders: exclusive holders never overlap, every deadlock is
     * reported to one of its transactions (which then releases), and everyone finishes.
     */
    @Test
    void randomContentionKeepsExclusionAndNeverHangs() throws Exception {
        int keys = 6;
        java.util.concurrent.atomic.AtomicInteger[] inUse = new java.util.concurrent.atomic.AtomicInteger[keys];
        for (int i = 0; i < keys; i++) {
            inUse[i] = new java.util.concurrent.atomic.AtomicInteger();
        }
        java.util.concurrent.atomic.AtomicLong nextOwner = new java.util.concurrent.atomic.AtomicLong(100);
        java.util.concurrent.atomic.AtomicInteger deadlocks = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger violations = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<CompletableFuture<Void>> workers = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int seed = t;
            workers.add(inThread(() -> {
                java.util.Random r = new java.util.Random(seed);
                for (int round = 0; round < 200; round++) {
                    long owner = nextOwner.getAndIncrement();
                    java.util.List<Integer> held = new java.util.ArrayList<>();
                    try {
                        for (int n = 0; n < 3; n++) {
                            int k = r.nextInt(keys);
                            if (held.contains(k)) {
                                continue;
                            }
                            RowLockMode mode = r.nextBoolean() ? RowLockMode.UPDATE : RowLockMode.NO_KEY_UPDATE;
                            locks.acquire(owner, LockTag.row(new byte[]{(byte) k}), mode, 0, null);
                            if (inUse[k].incrementAndGet() != 1) {
                                violations.incrementAndGet();
                            }
                            held.add(k);
                        }
                    } catch (PgException e) {
                        assertThat(e.sqlState()).isEqualTo(SqlState.DEADLOCK_DETECTED);
                        deadlocks.incrementAndGet();
                    } finally {
                        for (int k : held) {
                            inUse[k].decrementAndGet();
                        }
                        locks.releaseAll(owner);
                    }
                }
            }));
        }
        for (CompletableFuture<Void> w : workers) {
            w.get();
        }
        assertThat(violations.get()).isZero();
        assertThat(locks.heldCount()).isZero();
        assertThat(locks.waitingCount()).isZero();
    }
}
