package io.tuskdb.txn;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.storage.StorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class CommitterTest {
    @TempDir
    Path dir;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void concurrentCommitsShareDurableWritesAndSurviveReopen() throws Exception {
        int threads = 20;
        try (StorageEngine engine = StorageEngine.open(dir); RocksTransactionManager tm = new RocksTransactionManager(engine)) {
            Committer committer = tm.committer();
            // hold the committer so all 20 commits are queued before any is written: grouping without timing
            committer.hold();
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<Long>> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                for (int i = 0; i < threads; i++) {
                    int n = i;
                    results.add(pool.submit(() -> {
                        Transaction tx = tm.begin(IsolationLevel.READ_COMMITTED, false);
                        tx.put(b("row" + n), b("value" + n));
                        tx.put(b("shared"), b("from" + n));
                        start.await();
                        tx.commit();
                        return tx.xid();
                    }));
                }
                while (committer.submitted() < threads) {
                    Thread.onSpinWait();
                }
                committer.release();
                for (Future<Long> f : results) {
                    f.get();
                }
            }
            assertThat(committer.transactionsCommitted()).isEqualTo(threads);
            assertThat(committer.durableWrites()).isLessThan(committer.transactionsCommitted()).isLessThanOrEqualTo(2);
            Transaction reader = tm.begin(IsolationLevel.READ_COMMITTED, true);
            assertThat(new String(reader.get(b("shared")), StandardCharsets.UTF_8)).startsWith("from");
            reader.rollback();
        }
        try (StorageEngine engine = StorageEngine.open(dir); RocksTransactionManager tm = new RocksTransactionManager(engine)) {
            Transaction reader = tm.begin(IsolationLevel.READ_COMMITTED, true);
            for (int i = 0; i < threads; i++) {
                assertThat(reader.get(b("row" + i))).isEqualTo(b("value" + i));
            }
            reader.rollback();
        }
    }

    @Test
    void transactionsWithoutWritesDoNotTouchTheCommitter() {
        try (StorageEngine engine = StorageEngine.open(dir); RocksTransactionManager tm = new RocksTransactionManager(engine)) {
            Transaction ro = tm.begin(IsolationLevel.READ_COMMITTED, true);
            ro.get(b("x"));
            ro.commit();
            Transaction idle = tm.begin(IsolationLevel.REPEATABLE_READ, false);
            idle.commit();
            assertThat(tm.committer().transactionsCommitted()).isZero();
            assertThat(tm.committer().durableWrites()).isZero();
            Transaction w = tm.begin(IsolationLevel.READ_COMMITTED, false);
            w.put(b("x"), b("1"));
            w.commit();
            assertThat(tm.committer().transactionsCommitted()).isEqualTo(1);
        }
    }

    @Test
    void closeDrainsQueuedCommitsAndLaterCommitsFail() throws Exception {
        StorageEngine engine = StorageEngine.open(dir);
        RocksTransactionManager tm = new RocksTransactionManager(engine);
        tm.committer().hold();
        Transaction tx = tm.begin(IsolationLevel.READ_COMMITTED, false);
        tx.put(b("k"), b("v"));
        Thread committing = Thread.ofPlatform().start(tx::commit);
        while (tm.committer().submitted() == 0) {
            Thread.onSpinWait();
        }
        Transaction late = tm.begin(IsolationLevel.READ_COMMITTED, false);
        late.put(b("late"), b("v"));
        tm.close(); // releases the hold, writes "k", then stops
        committing.join();
        assertThat(tx.isActive()).isFalse();
        assertThat(late.isActive()).isFalse(); // rolled back by the shutdown
        assertThatThrownBy(() -> tm.begin(IsolationLevel.READ_COMMITTED, false))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> tm.committer().commit(null)).isInstanceOfSatisfying(PgException.class,
                e -> assertThat(e.sqlState()).isEqualTo(SqlState.ADMIN_SHUTDOWN));
        tm.close();
        engine.close();
        engine.close();
        try (StorageEngine again = StorageEngine.open(dir); RocksTransactionManager tm2 = new RocksTransactionManager(again)) {
            Transaction reader = tm2.begin(IsolationLevel.READ_COMMITTED, true);
            assertThat(reader.get(b("k"))).isEqualTo(b("v"));
            assertThat(reader.get(b("late"))).isNull();
            reader.rollback();
        }
    }
}
