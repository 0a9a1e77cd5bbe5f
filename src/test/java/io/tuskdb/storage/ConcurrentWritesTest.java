package io.tuskdb.storage;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.txn.IsolationLevel;
import io.tuskdb.txn.RocksTransactionManager;
import io.tuskdb.txn.RowLockMode;
import io.tuskdb.txn.Transaction;
import io.tuskdb.types.PgType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writers of one key serialise through row locks; REPEATABLE READ fails with 40001 on a concurrent change. */
@Timeout(60)
class ConcurrentWritesTest {
    @TempDir
    Path dir;
    private StorageEngine engine;
    private RocksTransactionManager tm;
    private RocksTableAccess access;

    private static final TableLayout T = new TableLayout(16384, new PgType[]{PgType.INT4, PgType.INT8}, new int[]{0});

    @BeforeEach
    void open() {
        engine = StorageEngine.open(dir);
        tm = new RocksTransactionManager(engine);
        access = new RocksTableAccess(engine);
        Transaction tx = tm.begin(IsolationLevel.READ_COMMITTED, false);
        access.insert(tx, T, new Object[]{1, 100L});
        tx.commit();
    }

    @AfterEach
    void close() {
        tm.close();
        engine.close();
    }

    private static CompletableFuture<Boolean> async(java.util.function.Supplier<Boolean> body) {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            try {
                f.complete(body.get());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    private void awaitWaiter() {
        while (tm.locks().waitingCount() == 0) {
            Thread.onSpinWait();
        }
    }

    private byte[] key(int id) {
        return RocksTableAccess.primaryKey(T, new Object[]{id, null});
    }

    @Test
    void secondInsertOfAKeyWaitsAndFailsOnceTheFirstCommits() throws Exception {
        Transaction a = tm.begin(IsolationLevel.READ_COMMITTED, false);
        Transaction b = tm.begin(IsolationLevel.READ_COMMITTED, false);
        assertThat(access.insert(a, T, new Object[]{2, 1L})).isTrue();
        CompletableFuture<Boolean> second = async(() -> access.insert(b, T, new Object[]{2, 2L}));
        awaitWaiter();
        assertThat(second).isNotDone();
        a.commit();
        assertThat(second.get()).isFalse();
        b.rollback();
    }

    @Test
    void secondInsertSucceedsWhenTheFirstRollsBack() throws Exception {
        Transaction a = tm.begin(IsolationLevel.READ_COMMITTED, false);
        Transaction b = tm.begin(IsolationLevel.READ_COMMITTED, false);
        assertThat(access.insert(a, T, new Object[]{3, 1L})).isTrue();
        CompletableFuture<Boolean> second = async(() -> access.insert(b, T, new Object[]{3, 2L}));
        awaitWaiter();
        a.rollback();
        assertThat(second.get()).isTrue();
        b.commit();
    }

    @Test
    void rollbackToSavepointReleasesTheKeyLocksTakenSince() throws Exception {
        Transaction a = tm.begin(IsolationLevel.READ_COMMITTED, false);
        a.setSavepoint();
        assertThat(access.insert(a, T, new Object[]{4, 1L})).isTrue();
        a.rollbackToSavepoint();
        Transaction b = tm.begin(IsolationLevel.READ_COMMITTED, false);
        // no wait: a's insert of key 4 and its lock are gone
        assertThat(b.tryLock(io.tuskdb.txn.LockTag.row(key(4)), RowLockMode.UPDATE)).isTrue();
        assertThat(access.insert(b, T, new Object[]{4, 2L})).isTrue();
        b.commit();
        a.rollback();
    }

    @Test
    void readCommittedLockRowReturnsTheLatestVersionAfterWaiting() throws Exception {
        Transaction a = tm.begin(IsolationLevel.READ_COMMITTED, false);
        Transaction b = tm.begin(IsolationLevel.READ_COMMITTED, false);
        a.startStatement();
        b.startStatement();
        access.update(a, T, key(1), new Object[]{1, 101L});
        CompletableFuture<Object[]> locked = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            try {
                locked.complete(access.lockRow(b, T, key(1), RowLockMode.NO_KEY_UPDATE));
            } catch (Throwable e) {
                locked.completeExceptionally(e);
            }
        });
        awaitWaiter();
        a.commit();
        assertThat(locked.get()).containsExactly(1, 101L); // the re-check input, newer than b's snapshot
        access.update(b, T, key(1), new Object[]{1, 102L});
        b.commit();
    }

    @Test
    void repeatableReadUpdateOfAConcurrentlyUpdatedRowFailsWith40001() {
        Transaction rr = tm.begin(IsolationLevel.REPEATABLE_READ, false);
        rr.startStatement();
        Transaction w = tm.begin(IsolationLevel.READ_COMMITTED, false);
        access.update(w, T, key(1), new Object[]{1, 200L});
        w.commit();
        assertThatThrownBy(() -> access.update(rr, T, key(1), new Object[]{1, 300L}))
                .isInstanceOfSatisfying(PgException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.SERIALIZATION_FAILURE);
                    assertThat(e.getMessage()).isEqualTo("could not serialize access due to concurrent update");
                });
        rr.rollback();

        Transaction rr2 = tm.begin(IsolationLevel.REPEATABLE_READ, false);
        rr2.startStatement();
        Transaction d = tm.begin(IsolationLevel.READ_COMMITTED, false);
        access.delete(d, T, key(1));
        d.commit();
        assertThatThrownBy(() -> access.delete(rr2, T, key(1)))
                .isInstanceOfSatisfying(PgException.class, e ->
                        assertThat(e.getMessage()).isEqualTo("could not serialize access due to concurrent delete"));
        rr2.rollback();
    }

    @Test
    void repeatableReadMayUpdateItsOwnWritesAgain() {
        Transaction rr = tm.begin(IsolationLevel.REPEATABLE_READ, false);
        rr.startStatement();
        access.update(rr, T, key(1), new Object[]{1, 1L});
        access.update(rr, T, key(1), new Object[]{1, 2L});
        rr.commit();
    }

    @Test
    void savepointsUndoOnlyTheWritesSinceThem() {
        Transaction tx = tm.begin(IsolationLevel.READ_COMMITTED, false);
        access.insert(tx, T, new Object[]{10, 1L});
        tx.setSavepoint();
        access.insert(tx, T, new Object[]{11, 1L});
        access.update(tx, T, key(10), new Object[]{10, 2L});
        tx.setSavepoint();
        access.insert(tx, T, new Object[]{12, 1L});
        tx.releaseSavepoint();
        tx.rollbackToSavepoint();
        assertThat(tx.get(key(11))).isNull();
        assertThat(tx.get(key(12))).isNull();
        assertThat(RowEncoding.decode(tx.get(key(10)), T.columnTypes())).containsExactly(10, 1L);
        assertThat(tx.hasWrites()).isTrue();
        tx.commit();
        Transaction r = tm.begin(IsolationLevel.READ_COMMITTED, true);
        assertThat(r.get(key(10))).isNotNull();
        assertThat(r.get(key(11))).isNull();
        r.rollback();
    }

    /**
     * pgbench in miniature: 8 threads move amounts between 10 accounts in READ COMMITTED, locking each row and
     * updating its latest version (the EvalPlanQual way). No update is lost, and deadlocks are reported, not hung.
     */
    @Test
    void concurrentReadModifyWriteLosesNoUpdate() throws Exception {
        TableLayout accounts = new TableLayout(16390, new PgType[]{PgType.INT4, PgType.INT8}, new int[]{0});
        Transaction setup = tm.begin(IsolationLevel.READ_COMMITTED, false);
        for (int i = 0; i < 10; i++) {
            access.insert(setup, accounts, new Object[]{i, 0L});
        }
        setup.commit();
        java.util.concurrent.atomic.AtomicLong expectedTotal = new java.util.concurrent.atomic.AtomicLong();
        java.util.List<CompletableFuture<Boolean>> workers = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int seed = t;
            workers.add(async(() -> {
                java.util.Random r = new java.util.Random(seed);
                for (int n = 0; n < 100; n++) {
                    Transaction tx = tm.begin(IsolationLevel.READ_COMMITTED, false);
                    long delta = r.nextInt(100) + 1;
                    try {
                        tx.startStatement();
                        for (int leg = 0; leg < 2; leg++) {
                            int id = r.nextInt(10);
                            byte[] key = RocksTableAccess.primaryKey(accounts, new Object[]{id, null});
                            Object[] latest = access.lockRow(tx, accounts, key, RowLockMode.NO_KEY_UPDATE);
                            access.update(tx, accounts, key, new Object[]{id, (Long) latest[1] + delta});
                        }
                        tx.commit();
                        expectedTotal.addAndGet(2 * delta);
                    } catch (PgException e) {
                        assertThat(e.sqlState()).isEqualTo(SqlState.DEADLOCK_DETECTED);
                        tx.rollback();
                    }
                }
                return true;
            }));
        }
        for (CompletableFuture<Boolean> w : workers) {
            w.get();
        }
        Transaction check = tm.begin(IsolationLevel.READ_COMMITTED, true);
        long total = 0;
        try (RowCursor c = access.scan(check, accounts, KeyRange.ALL)) {
            while (c.next()) {
                total += (Long) c.row()[1];
            }
        }
        check.rollback();
        assertThat(total).isEqualTo(expectedTotal.get()).isPositive();
        assertThat(tm.locks().heldCount()).isZero();
    }
}
