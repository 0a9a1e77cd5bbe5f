package io.tuskdb.storage;

import io.tuskdb.txn.IsolationLevel;
import io.tuskdb.txn.RocksTransactionManager;
import io.tuskdb.txn.Transaction;
import io.tuskdb.types.Interval;
import io.tuskdb.types.NumericSpecial;
import io.tuskdb.types.PgType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RocksTableAccessTest {
    @TempDir
    Path dir;

    /** (a int4, b text, v int8) primary key (a, b) */
    private static final TableLayout T = new TableLayout(16384,
            new PgType[]{PgType.INT4, PgType.TEXT, PgType.INT8}, new int[]{0, 1});

    private static List<String> scan(RocksTableAccess access, Transaction tx, TableLayout t, KeyRange range) {
        List<String> out = new ArrayList<>();
        try (RowCursor c = access.scan(tx, t, range)) {
            while (c.next()) {
                Object[] row = c.row();
                out.add(row[0] + "/" + row[1]);
            }
        }
        return out;
    }

    @Test
    void insertDuplicateKeyReturnsFalseAndWritesNothing() {
        try (StorageEngine engine = StorageEngine.open(dir); RocksTransactionManager tm = new RocksTransactionManager(engine)) {
            RocksTableAccess access = new RocksTableAccess(engine);
            Transaction tx = tm.begin(IsolationLevel.READ_COMMITTED, false);
            assertThat(access.insert(tx, T, new Object[]{1, "x", 10L})).isTrue();
            assertThat(access.insert(tx, T, new Object[]{1, "x", 20L})).isFalse();
            tx.commit();
            Transaction tx2 = tm.begin(IsolationLevel.READ_COMMITTED, false);
            assertThat(access.insert(tx2, T, new Object[]{1, "x", 30L})).isFalse();
            try (RowCursor c = access.scan(tx2, T, KeyRange.exactly(1, "x"))) {
                assertThat(c.next()).isTrue();
                assertThat(c.row()).containsExactly(1, "x", 10L);
                assertThat(c.next()).isFalse();
            }
            tx2.rollback();
        }
    }

    @Test
    void scanRangesFollowKeyOrderAndBounds() {
        try (StorageEngine engine = StorageEngine.open(dir); RocksTransactionManager tm = new RocksTransactionManager(engine)) {
            RocksTableAccess access = new RocksTableAccess(engine);
            Transaction tx = tm.begin(IsolationLevel.READ_COMMITTED, false);
            int[] as = {5, -3, 0, 2, 100, -100};
            String[] bs = {"b", "", "a", "ab", "a\u0000"};
            for (int a : as) {
                for (String b : bs) {
                    assertThat(access.insert(tx, T, new Object[]{a, b, 1L})).isTrue();
                }
            }
            // a different table's rows must never show up
            TableLayout other = new TableLayout(16385, new PgType[]{PgType.INT4}, new int[]{0});
            access.insert(tx, other, new Object[]{1});
            tx.commit();

            Transaction r = tm.begin(IsolationLevel.REPEATABLE_READ, true);
            List<String> all = scan(access, r, T, KeyRange.ALL);
            assertThat(all).hasSize(30);
            assertThat(all.subList(0, 5)).containsExactly("-100/", "-100/a", "-100/a\u0000", "-100/ab", "-100/b");
            assertThat(all.get(29)).isEqualTo("100/b");

            assertThat(scan(access, r, T, KeyRange.exactly(2))).containsExactly("2/", "2/a", "2/a\u0000", "2/ab", "2/b");
            assertThat(scan(access, r, T, KeyRange.exactly(2, "a"))).containsExactly("2/a");
            assertThat(scan(access, r, T, KeyRange.exactly(3))).isEmpty();
            // a > 2
            assertThat(scan(access, r, T, new KeyRange(new Object[]{2}, false, null, true)))
                    .first().isEqualTo("5/");
            assertThat(scan(access, r, T, new KeyRange(new Object[]{2}, false, null, true))).hasSize(10);
            // a >= -3 and a < 2
            assertThat(scan(access, r, T, new KeyRange(new Object[]{-3}, true, new Object[]{2}, false)))
                    .hasSize(10).startsWith("-3/").endsWith("0/b");
            // (a, b) > (0, 'a') and (a, b) <= (2, 'a')
            assertThat(scan(access, r, T, new KeyRange(new Object[]{0, "a"}, false, new Object[]{2, "a"}, true)))
                    .containsExactly("0/a\u0000", "0/ab", "0/b", "2/", "2/a");
            // (a, b) >= (0, 'ab') and a <= 0
            assertThat(scan(access, r, T, new KeyRange(new Object[]{0, "ab"}, true, new Object[]{0}, true)))
                    .containsExactly("0/ab", "0/b");
            r.rollback();
        }
    }

    @Test
    void pointLookupsSeeOwnWritesAndDeletes() {
        try (StorageEngine engine = StorageEngine.open(dir); RocksTransactionManager tm = new RocksTransactionManager(engine)) {
            RocksTableAccess access = new RocksTableAccess(engine);
            Transaction setup = tm.begin(IsolationLevel.READ_COMMITTED, false);
            access.insert(setup, T, new Object[]{1, "a", 1L});
            access.insert(setup, T, new Object[]{2, "b", 2L});
            setup.commit();
            Transaction tx = tm.begin(IsolationLevel.READ_COMMITTED, false);
            access.insert(tx, T, new Object[]{3, "c", 3L});
            access.delete(tx, T, RocksTableAccess.primaryKey(T, new Object[]{2, "b", null}));
            assertThat(scan(access, tx, T, KeyRange.exactly(1, "a"))).containsExactly("1/a");
            assertThat(scan(access, tx, T, KeyRange.exactly(2, "b"))).isEmpty();
            assertThat(scan(access, tx, T, KeyRange.exactly(3, "c"))).containsExactly("3/c");
            assertThat(scan(access, tx, T, KeyRange.exactly(4, "d"))).isEmpty();
            // equal bounds given as distinct arrays are a point lookup too
            assertThat(scan(access, tx, T, new KeyRange(new Object[]{1, "a"}, true, new Object[]{1, "a"}, true)))
                    .containsExactly("1/a");
            try (RowCursor c = access.scan(tx, T, KeyRange.exactly(1, "a"))) {
                assertThat(c.next()).isTrue();
                assertThat(c.key()).isEqualTo(RocksTableAccess.primaryKey(T, new Object[]{1, "a", null}));
                assertThat(c.next()).isFalse();
            }
            tx.rollback();
        }
    }

    @Test
    void updateDeleteAndDeleteAllAreTransactional() {
        try (StorageEngine engine = StorageEngine.open(dir); RocksTransactionManager tm = new RocksTransactionManager(engine)) {
            RocksTableAccess access = new RocksTableAccess(engine);
            Transaction tx = tm.begin(IsolationLevel.READ_COMMITTED, false);
            for (int i = 0; i < 10; i++) {
                access.insert(tx, T, new Object[]{i, "k", (long) i});
            }
            tx.commit();
            Transaction w = tm.begin(IsolationLevel.READ_COMMITTED, false);
            byte[] key;
            try (RowCursor c = access.scan(w, T, KeyRange.exactly(3, "k"))) {
                assertThat(c.next()).isTrue();
                key = c.key();
            }
            access.update(w, T, key, new Object[]{3, "k", 333L});
            access.delete(w, T, RocksTableAccess.primaryKey(T, new Object[]{4, "k", null}));
            assertThat(scan(access, w, T, KeyRange.ALL)).hasSize(9).doesNotContain("4/k");
            access.deleteAll(w, T.relationOid());
            assertThat(scan(access, w, T, KeyRange.ALL)).isEmpty();
            Transaction other = tm.begin(IsolationLevel.READ_COMMITTED, true);
            assertThat(scan(access, other, T, KeyRange.ALL)).hasSize(10);
            w.rollback();
            other.rollback();
        }
    }

    @Test
    void everyTypeRoundTripsThroughTheRowEncoding() {
        PgType[] types = {PgType.BOOL, PgType.BYTEA, PgType.CHAR, PgType.NAME, PgType.INT8, PgType.INT2,
                PgType.INT4, PgType.TEXT, PgType.OID, PgType.FLOAT4, PgType.FLOAT8, PgType.BPCHAR, PgType.VARCHAR,
                PgType.DATE, PgType.TIME, PgType.TIMESTAMP, PgType.TIMESTAMPTZ, PgType.INTERVAL, PgType.NUMERIC,
                PgType.NUMERIC, PgType.UUID, PgType.TEXT};
        Object[] row = {true, new byte[]{0, 1, (byte) 255}, "c", "name", Long.MIN_VALUE, (short) -7, 42, "héllo",
                -5, 1.5f, Double.NaN, "ab  ", "v", LocalDate.of(-200, 2, 28), LocalTime.of(23, 59, 59, 999_999_000),
                LocalDateTime.of(2024, 2, 29, 12, 0, 0, 123_456_000), Instant.parse("1900-01-01T00:00:00.000001Z"),
                new Interval(-1, 40, -5_000_000L), new BigDecimal("-123.4500"), NumericSpecial.NAN,
                UUID.randomUUID(), null};
        byte[] encoded = RowEncoding.encode(77, types, row);
        assertThat(RowEncoding.writerXid(encoded)).isEqualTo(77);
        Object[] back = RowEncoding.decode(encoded, types);
        assertThat(back).containsExactly(row);
        assertThat(((BigDecimal) back[18]).scale()).isEqualTo(4);
        // a row written before a column was added decodes with NULL for it
        PgType[] wider = java.util.Arrays.copyOf(types, types.length + 1);
        wider[types.length] = PgType.INT4;
        assertThat(RowEncoding.decode(encoded, wider)[types.length]).isNull();
    }

    @Test
    void hiddenRowIdsIncreaseAcrossRestarts() {
        TableLayout heap = new TableLayout(20000, new PgType[]{PgType.TEXT}, new int[0]);
        List<byte[]> keys = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            try (StorageEngine engine = StorageEngine.open(dir);
                 RocksTransactionManager tm = new RocksTransactionManager(engine)) {
                RocksTableAccess access = new RocksTableAccess(engine);
                Transaction tx = tm.begin(IsolationLevel.READ_COMMITTED, false);
                assertThat(access.insert(tx, heap, new Object[]{"same"})).isTrue();
                assertThat(access.insert(tx, heap, new Object[]{"same"})).isTrue();
                tx.commit();
                Transaction r = tm.begin(IsolationLevel.READ_COMMITTED, true);
                keys.clear();
                try (RowCursor c = access.scan(r, heap, KeyRange.ALL)) {
                    while (c.next()) {
                        keys.add(c.key());
                        assertThat(c.row()).containsExactly("same");
                    }
                }
                r.rollback();
                assertThat(keys).hasSize(2 * (round + 1));
            }
        }
        for (int i = 1; i < keys.size(); i++) {
            assertThat(java.util.Arrays.compareUnsigned(keys.get(i - 1), keys.get(i))).isNegative();
        }
        // inserted in order across restarts: the last two keys are the newest and still the largest
        assertThat(keys).hasSize(6);
    }
}
