package io.tuskdb.txn;

import io.tuskdb.storage.StorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RocksTransactionTest {
    @TempDir
    Path dir;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static List<String> keys(Transaction tx, String lo, String hi) {
        List<String> out = new ArrayList<>();
        try (KvCursor c = tx.scan(lo == null ? null : b(lo), hi == null ? null : b(hi))) {
            while (c.next()) {
                out.add(s(c.key()) + "=" + s(c.value()));
            }
        }
        return out;
    }

    @Test
    void ownWritesVisibleOthersOnlyAfterCommit() {
        try (StorageEngine engine = StorageEngine.open(dir); RocksTransactionManager tm = new RocksTransactionManager(engine)) {
            Transaction a = tm.begin(IsolationLevel.READ_COMMITTED, false);
            Transaction b = tm.begin(IsolationLevel.READ_COMMITTED, false);
            a.startStatement();
            b.startStatement();
            a.put(b("k1"), b("v1"));
            assertThat(a.hasWrites()).isTrue();
            assertThat(s(a.get(b("k1")))).isEqualTo("v1");
            assertThat(keys(a, "k", "l")).containsExactly("k1=v1");
            assertThat(b.get(b("k1"))).isNull();
            assertThat(keys(b, "k", "l")).isEmpty();
            a.commit();
            b.startStatement();
            assertThat(s(b.get(b("k1")))).isEqualTo("v1");
            b.rollback();
        }
    }

    @Test
    void readCommittedSeesCommitsBetweenStatementsRepeatableReadDoesNot() {
        try (StorageEngine engine = StorageEngine.open(dir); RocksTransactionManager tm = new RocksTransactionManager(engine)) {
            Transaction rc = tm.begin(IsolationLevel.READ_COMMITTED, true);
            Transaction rr = tm.begin(IsolationLevel.REPEATABLE_READ, true);
            rc.startStatement();
            rr.startStatement();
            assertThat(rc.get(b("x"))).isNull();
            assertThat(rr.get(b("x"))).isNull();

            Transaction w = tm.begin(IsolationLevel.READ_COMMITTED, false);
            w.put(b("x"), b("1"));
            w.commit();

            // same statement: neither sees it
            assertThat(rc.get(b("x"))).isNull();
            rc.startStatement();
            rr.startStatement();
            assertThat(s(rc.get(b("x")))).isEqualTo("1");
            assertThat(rr.get(b("x"))).isNull();
            assertThat(keys(rr, null, null)).noneMatch(k -> k.startsWith("x="));
            rc.commit();
            rr.commit();
        }
    }

    @Test
    void repeatableReadSnapshotTakenAtFirstRead() {
        try (StorageEngine engine = StorageEngine.open(dir); RocksTransactionManager tm = new RocksTransactionManager(engine)) {
            Transaction rr = tm.begin(IsolationLevel.SERIALIZABLE, true);
            Transaction w = tm.begin(IsolationLevel.READ_COMMITTED, false);
            w.put(b("y"), b("1"));
            w.commit();
            assertThat(s(rr.get(b("y")))).isEqualTo("1"); // began before, but the snapshot is from the first read
            Transaction w2 = tm.begin(IsolationLevel.READ_COMMITTED, false);
            w2.put(b("y"), b("2"));
            w2.commit();
            assertThat(s(rr.get(b("y")))).isEqualTo("1");
            rr.rollback();
        }
    }

    @Test
    void scanMergesBatchWithSnapshotWithinBounds() {
        try (StorageEngine engine = StorageEngine.open(dir); RocksTransactionManager tm = new RocksTransactionManager(engine)) {
            Transaction setup = tm.begin(IsolationLevel.READ_COMMITTED, false);
            for (String k : new String[]{"a1", "a3", "a5", "b1"}) {
                setup.put(b(k), b("old"));
            }
            setup.commit();
            Transaction tx = tm.begin(IsolationLevel.READ_COMMITTED, false);
            tx.startStatement();
            tx.put(b("a2"), b("new"));
            tx.put(b("a3"), b("new"));
            tx.delete(b("a5"));
            tx.put(b("a9"), b("new"));
            tx.put(b("b0"), b("new"));
            assertThat(keys(tx, "a", "b")).containsExactly("a1=old", "a2=new", "a3=new", "a9=new");
            assertThat(keys(tx, "a2", "a9")).containsExactly("a2=new", "a3=new");
            assertThat(keys(tx, "b", null)).containsExactly("b0=new", "b1=old");
            tx.rollback();
        }
    }

    @Test
    void finishedTransactionRejectsUseAndRollbackIsIdempotent() {
        try (StorageEngine engine = StorageEngine.open(dir); RocksTransactionManager tm = new RocksTransactionManager(engine)) {
            Transaction tx = tm.begin(IsolationLevel.READ_COMMITTED, false);
            tx.put(b("k"), b("v"));
            tx.commit();
            assertThat(tx.isActive()).isFalse();
            assertThatThrownBy(() -> tx.get(b("k"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> tx.put(b("k"), b("w"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(tx::commit).isInstanceOf(IllegalStateException.class);
            tx.rollback();
            Transaction t2 = tm.begin(IsolationLevel.READ_COMMITTED, false);
            t2.rollback();
            t2.rollback();
            assertThatThrownBy(t2::startStatement).isInstanceOf(IllegalStateException.class);
            assertThat(tm.activeCount()).isZero();
        }
    }

    @Test
    void committedWritesSurviveReopenRolledBackLeaveNoTraceAndXidsNeverRepeat() {
        long lastXid;
        try (StorageEngine engine = StorageEngine.open(dir); RocksTransactionManager tm = new RocksTransactionManager(engine)) {
            Transaction tx = tm.begin(IsolationLevel.READ_COMMITTED, false);
            tx.put(b("kept"), b("1"));
            tx.commit();
            Transaction gone = tm.begin(IsolationLevel.READ_COMMITTED, false);
            gone.put(b("gone"), b("1"));
            gone.rollback();
            Transaction open = tm.begin(IsolationLevel.READ_COMMITTED, false);
            open.put(b("open"), b("1"));
            lastXid = open.xid();
            assertThat(lastXid).isGreaterThan(gone.xid()).isGreaterThan(tx.xid());
        } // closing with "open" still active rolls it back
        try (StorageEngine engine = StorageEngine.open(dir); RocksTransactionManager tm = new RocksTransactionManager(engine)) {
            Transaction tx = tm.begin(IsolationLevel.READ_COMMITTED, true);
            assertThat(s(tx.get(b("kept")))).isEqualTo("1");
            assertThat(tx.get(b("gone"))).isNull();
            assertThat(tx.get(b("open"))).isNull();
            assertThat(tx.xid()).isGreaterThan(lastXid);
            tx.rollback();
        }
    }

    @Test
    void asynchronousCommitIsVisibleAtOnceAndKeptByACleanClose() {
        try (StorageEngine engine = StorageEngine.open(dir); RocksTransactionManager tm = new RocksTransactionManager(engine)) {
            Transaction tx = tm.begin(IsolationLevel.READ_COMMITTED, false);
            tx.setSynchronousCommit(false);
            tx.put(b("async"), b("1"));
            tx.commit();
            assertThat(tm.committer().transactionsCommitted()).isZero();
            Transaction r = tm.begin(IsolationLevel.READ_COMMITTED, true);
            assertThat(s(r.get(b("async")))).isEqualTo("1");
            r.rollback();
        }
        try (StorageEngine engine = StorageEngine.open(dir); RocksTransactionManager tm = new RocksTransactionManager(engine)) {
            Transaction r = tm.begin(IsolationLevel.READ_COMMITTED, true);
            assertThat(s(r.get(b("async")))).isEqualTo("1");
            r.rollback();
        }
    }

    @Test
    void shutdownRollsBackOpenTransactionsAndTheirCursorsFailCleanly() {
        try (StorageEngine engine = StorageEngine.open(dir)) {
            RocksTransactionManager tm = new RocksTransactionManager(engine);
            Transaction setup = tm.begin(IsolationLevel.READ_COMMITTED, false);
            setup.put(b("a"), b("1"));
            setup.put(b("b"), b("2"));
            setup.commit();
            Transaction tx = tm.begin(IsolationLevel.READ_COMMITTED, false);
            tx.put(b("c"), b("3"));
            KvCursor cursor = tx.scan(null, null);
            assertThat(cursor.next()).isTrue();
            tm.close(); // as a fast shutdown does, from another session's point of view
            assertThat(tx.isActive()).isFalse();
            assertThatThrownBy(cursor::next).isInstanceOf(IllegalStateException.class);
            cursor.close();
            assertThatThrownBy(() -> tx.get(b("a"))).isInstanceOf(IllegalStateException.class);
            tm.close();
        }
    }

    /** Prefix bloom filters (the 4-byte relation prefix) must never hide keys from scans that cross prefixes. */
    @Test
    void scansAcrossRelationPrefixesSeeEveryKeyAfterAFlush() {
        try (StorageEngine engine = StorageEngine.open(dir); RocksTransactionManager tm = new RocksTransactionManager(engine)) {
            for (int rel = 1; rel <= 5; rel += 2) { // relations 1, 3, 5 in separate files
                Transaction tx = tm.begin(IsolationLevel.READ_COMMITTED, false);
                for (int i = 0; i < 3; i++) {
                    tx.put(new byte[]{0, 0, 0, (byte) rel, (byte) i}, b("v"));
                }
                tx.commit();
                engine.checkpoint();
            }
            Transaction r = tm.begin(IsolationLevel.READ_COMMITTED, true);
            int n = 0;
            try (KvCursor c = r.scan(new byte[]{0, 0, 0, 1}, new byte[]{0, 0, 0, 6})) {
                while (c.next()) {
                    n++;
                }
            }
            assertThat(n).isEqualTo(9);
            n = 0;
            try (KvCursor c = r.scan(new byte[]{0, 0, 0, 2}, new byte[]{0, 0, 0, 3, 2})) { // starts in a gap
                while (c.next()) {
                    n++;
                }
            }
            assertThat(n).isEqualTo(2);
            n = 0;
            try (KvCursor c = r.scan(new byte[]{0, 0, 0, 3}, new byte[]{0, 0, 0, 4})) { // one prefix
                while (c.next()) {
                    n++;
                }
            }
            assertThat(n).isEqualTo(3);
            r.rollback();
        }
    }
}
