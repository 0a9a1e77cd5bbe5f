package io.tuskdb.txn;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.storage.StorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SERIALIZABLE is not REPEATABLE READ: write skew and phantoms fail with 40001 at commit. */
class SerializableTest {
    @TempDir
    Path dir;
    private StorageEngine engine;
    private RocksTransactionManager tm;

    @BeforeEach
    void open() {
        engine = StorageEngine.open(dir);
        tm = new RocksTransactionManager(engine);
        Transaction setup = tm.begin(IsolationLevel.READ_COMMITTED, false);
        setup.put(b("doctor/1"), b("on"));
        setup.put(b("doctor/2"), b("on"));
        setup.commit();
    }

    @AfterEach
    void close() {
        tm.close();
        engine.close();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int onCall(Transaction tx) {
        int n = 0;
        try (KvCursor c = tx.scan(b("doctor/"), b("doctor0"))) {
            while (c.next()) {
                if (new String(c.value(), StandardCharsets.UTF_8).equals("on")) {
                    n++;
                }
            }
        }
        return n;
    }

    private static void assertSerializationFailure(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(PgException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(SqlState.SERIALIZATION_FAILURE);
            assertThat(e.getMessage())
                    .isEqualTo("could not serialize access due to read/write dependencies among transactions");
        });
    }

    /** Two doctors each check that someone else is on call, then go off call: one must fail. */
    private void writeSkew(IsolationLevel level, boolean secondShouldFail) {
        Transaction t1 = tm.begin(level, false);
        Transaction t2 = tm.begin(level, false);
        t1.startStatement();
        t2.startStatement();
        assertThat(onCall(t1)).isEqualTo(2);
        assertThat(onCall(t2)).isEqualTo(2);
        t1.put(b("doctor/1"), b("off"));
        t2.put(b("doctor/2"), b("off"));
        t1.commit();
        if (secondShouldFail) {
            assertSerializationFailure(t2::commit);
            assertThat(t2.isActive()).isFalse();
        } else {
            t2.commit();
        }
    }

    @Test
    void writeSkewFailsUnderSerializable() {
        writeSkew(IsolationLevel.SERIALIZABLE, true);
        Transaction check = tm.begin(IsolationLevel.READ_COMMITTED, true);
        assertThat(onCall(check)).isEqualTo(1);
        check.rollback();
    }

    @Test
    void writeSkewIsAllowedUnderRepeatableReadAsInPostgresql() {
        writeSkew(IsolationLevel.REPEATABLE_READ, false);
        Transaction check = tm.begin(IsolationLevel.READ_COMMITTED, true);
        assertThat(onCall(check)).isZero();
        check.rollback();
    }

    @Test
    void phantomInAScannedRangeFails() {
        Transaction t1 = tm.begin(IsolationLevel.SERIALIZABLE, false);
        t1.startStatement();
        try (KvCursor c = t1.scan(b("nurse/"), b("nurse0"))) {
            assertThat(c.next()).isFalse(); // nobody: the whole range was read
        }
        t1.put(b("log/1"), b("no nurse"));
        Transaction t2 = tm.begin(IsolationLevel.READ_COMMITTED, false);
        t2.put(b("nurse/7"), b("on"));
        t2.commit();
        assertSerializationFailure(t1::commit);
    }

    @Test
    void pointReadOverwrittenAfterTheSnapshotFails() {
        Transaction t1 = tm.begin(IsolationLevel.SERIALIZABLE, false);
        t1.startStatement();
        assertThat(t1.get(b("doctor/1"))).isEqualTo(b("on"));
        Transaction t2 = tm.begin(IsolationLevel.SERIALIZABLE, false);
        t2.put(b("doctor/1"), b("off")); // blind write: nothing read, nothing to validate
        t2.commit();
        t1.put(b("copy"), b("on"));
        assertSerializationFailure(t1::commit);
    }

    @Test
    void disjointReadsAndWritesCommitAndReadOnlyTransactionsNeverFail() {
        Transaction reader = tm.begin(IsolationLevel.SERIALIZABLE, true);
        reader.startStatement();
        assertThat(onCall(reader)).isEqualTo(2);

        Transaction t1 = tm.begin(IsolationLevel.SERIALIZABLE, false);
        Transaction t2 = tm.begin(IsolationLevel.SERIALIZABLE, false);
        t1.startStatement();
        t2.startStatement();
        assertThat(t1.get(b("doctor/1"))).isNotNull();
        assertThat(t2.get(b("doctor/2"))).isNotNull();
        // a scan stopped after its first row has read only that far
        try (KvCursor c = t2.scan(b("doctor/"), b("doctor0"))) {
            assertThat(c.next()).isTrue();
        }
        t1.put(b("doctor/1"), b("off"));
        t2.put(b("doctor/3"), b("on"));
        t1.commit();
        // t2 read doctor/1 (first row of its scan), which t1 changed: t2 must fail
        assertSerializationFailure(t2::commit);

        Transaction t3 = tm.begin(IsolationLevel.SERIALIZABLE, false);
        t3.startStatement();
        assertThat(t3.get(b("doctor/2"))).isNotNull();
        Transaction t4 = tm.begin(IsolationLevel.SERIALIZABLE, false);
        t4.startStatement();
        t4.get(b("doctor/1"));
        t4.put(b("doctor/1"), b("on"));
        t4.commit();
        t3.put(b("doctor/2"), b("off"));
        t3.commit(); // read doctor/2 only; t4 wrote doctor/1

        assertThat(onCall(reader)).isEqualTo(2); // its snapshot
        reader.commit(); // read-only: fits in at its snapshot
        assertThat(tm.validator().loggedCommits()).isZero(); // no serializable transaction left: log dropped
    }
}
