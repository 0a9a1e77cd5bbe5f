package io.tuskdb.storage;

import io.tuskdb.txn.IsolationLevel;
import io.tuskdb.txn.RocksTransactionManager;
import io.tuskdb.txn.Transaction;
import io.tuskdb.types.PgType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LargeTableScanTest {
    @TempDir
    Path dir;

    @Test
    void hundredThousandRowsScanInKeyOrderAfterFlushAndReopen() {
        TableLayout t = new TableLayout(16400, new PgType[]{PgType.INT8, PgType.TEXT}, new int[]{0});
        int rows = 100_000;
        // insert in a scrambled order, in several transactions, so the order comes from the keys
        long[] ids = new long[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = i - rows / 2;
        }
        Random r = new Random(1);
        for (int i = rows - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            long tmp = ids[i];
            ids[i] = ids[j];
            ids[j] = tmp;
        }
        try (StorageEngine engine = StorageEngine.open(dir); RocksTransactionManager tm = new RocksTransactionManager(engine)) {
            RocksTableAccess access = new RocksTableAccess(engine);
            for (int chunk = 0; chunk < rows; chunk += 25_000) {
                Transaction tx = tm.begin(IsolationLevel.READ_COMMITTED, false);
                for (int i = chunk; i < chunk + 25_000; i++) {
                    assertThat(access.insert(tx, t, new Object[]{ids[i], "row " + ids[i]})).isTrue();
                }
                tx.commit();
            }
        }
        try (StorageEngine engine = StorageEngine.open(dir); RocksTransactionManager tm = new RocksTransactionManager(engine)) {
            RocksTableAccess access = new RocksTableAccess(engine);
            Transaction tx = tm.begin(IsolationLevel.REPEATABLE_READ, true);
            long expected = -rows / 2;
            try (RowCursor c = access.scan(tx, t, KeyRange.ALL)) {
                while (c.next()) {
                    Object[] row = c.row();
                    assertThat(row[0]).isEqualTo(expected);
                    assertThat(row[1]).isEqualTo("row " + expected);
                    expected++;
                }
            }
            assertThat(expected).isEqualTo(rows / 2);
            int count = 0;
            try (RowCursor c = access.scan(tx, t, new KeyRange(new Object[]{-10L}, false, new Object[]{10L}, true))) {
                while (c.next()) {
                    count++;
                }
            }
            assertThat(count).isEqualTo(20);
            tx.rollback();
        }
    }
}
