package io.tuskdb.catalog;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.storage.KeyRange;
import io.tuskdb.storage.RowCursor;
import io.tuskdb.txn.IsolationLevel;
import io.tuskdb.txn.LockTag;
import io.tuskdb.txn.TableLockMode;
import io.tuskdb.txn.Transaction;
import io.tuskdb.types.PgType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredClusterTest {
    @TempDir
    Path dir;

    private static final List<ColumnDescriptor> COLUMNS = List.of(
            new ColumnDescriptor("id", 0, PgType.INT4, -1, true, null),
            new ColumnDescriptor("name", 0, PgType.VARCHAR, 20 + 4, false, "'x'::character varying"));

    @Test
    void firstStartBootstrapsLikeInitdb() {
        try (Cluster cluster = StoredCluster.open(dir.resolve("data"), "admin", "s3cret")) {
            Catalog catalog = cluster.catalog();
            assertThat(catalog.databases()).containsExactly(
                    new DatabaseDescriptor(1, "template1", true, true),
                    new DatabaseDescriptor(4, "template0", true, false),
                    new DatabaseDescriptor(5, "postgres", false, true));
            RoleDescriptor admin = catalog.role("admin").orElseThrow();
            assertThat(admin.oid()).isEqualTo(10);
            assertThat(admin.superuser()).isTrue();
            assertThat(admin.canLogin()).isTrue();
            ScramVerifier verifier = ScramVerifier.parse(admin.passwordVerifier());
            assertThat(verifier).isNotNull();
            assertThat(verifier.matches("s3cret")).isTrue();
            assertThat(verifier.matches("wrong")).isFalse();
            assertThat(catalog.role("nobody")).isEmpty();
            assertThat(catalog.database("nope")).isEmpty();
        }
        assertThat(Files.exists(dir.resolve("data").resolve("TUSKDB_VERSION"))).isTrue();
        assertThat(Files.isDirectory(dir.resolve("data").resolve("storage"))).isTrue();
        // later starts just open: the password given then does not replace the stored verifier
        try (Cluster cluster = StoredCluster.open(dir.resolve("data"), "admin", "other")) {
            String verifier = cluster.catalog().role("admin").orElseThrow().passwordVerifier();
            assertThat(ScramVerifier.parse(verifier).matches("s3cret")).isTrue();
        }
    }

    @Test
    void nullPasswordGivesNullVerifier() {
        try (Cluster cluster = StoredCluster.open(dir, "postgres", null)) {
            assertThat(cluster.catalog().role("postgres").orElseThrow().passwordVerifier()).isNull();
        }
    }

    @Test
    void secondOpenOfAnOpenDirectoryFailsClearlyAndCloseIsIdempotent() {
        Cluster cluster = StoredCluster.open(dir, "postgres", null);
        assertThatThrownBy(() -> StoredCluster.open(dir, "postgres", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dir.toString());
        cluster.close();
        cluster.close();
        try (Cluster again = StoredCluster.open(dir, "postgres", null)) {
            assertThat(again.catalog().database("postgres")).isPresent();
        }
    }

    @Test
    void namedPrimaryKeysShareTheRelationNamespace() {
        try (Cluster cluster = StoredCluster.open(dir, "postgres", null)) {
            Catalog catalog = cluster.catalog();
            Transaction tx = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, false);
            assertThat(catalog.createTable(tx, 5, "public", "a", COLUMNS, new int[]{0}, "a_pk").primaryKeyName())
                    .isEqualTo("a_pk");
            // PostgreSQL 15: a table, or another index, cannot take an index's name, nor the index its table's
            for (var attempt : List.<Runnable>of(
                    () -> catalog.createTable(tx, 5, "public", "a_pk", COLUMNS, new int[0]),
                    () -> catalog.createTable(tx, 5, "public", "b", COLUMNS, new int[]{0}, "a_pk"),
                    () -> catalog.createTable(tx, 5, "public", "c", COLUMNS, new int[]{0}, "a"),
                    () -> catalog.createTable(tx, 5, "public", "d", COLUMNS, new int[]{0}, "d"))) {
                assertThatThrownBy(attempt::run).isInstanceOfSatisfying(PgException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.DUPLICATE_TABLE));
            }
            // a default name that is taken becomes name_pkey1 (ChooseRelationName)
            catalog.createTable(tx, 5, "public", "h_pkey", COLUMNS, new int[0]);
            assertThat(catalog.createTable(tx, 5, "public", "h", COLUMNS, new int[]{0}).primaryKeyName())
                    .isEqualTo("h_pkey1");
            assertThat(catalog.schemaExists(tx, 5, "public")).isTrue();
            assertThat(catalog.schemaExists(tx, 5, "pg_catalog")).isTrue();
            assertThat(catalog.schemaExists(tx, 5, "nosuch")).isFalse();
            tx.commit();
        }
    }

    @Test
    void createTableAssignsOidsAttnumsAndPrimaryKeyName() {
        try (Cluster cluster = StoredCluster.open(dir, "postgres", null)) {
            Transaction tx = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, false);
            TableDescriptor t = cluster.catalog().createTable(tx, 5, "public", "t", COLUMNS, new int[]{0});
            assertThat(t.oid()).isGreaterThanOrEqualTo(16384);
            assertThat(t.columns()).extracting(ColumnDescriptor::attnum).containsExactly(1, 2);
            assertThat(t.primaryKeyName()).isEqualTo("t_pkey");
            TableDescriptor heap = cluster.catalog().createTable(tx, 5, "public", "heap", COLUMNS, new int[0]);
            assertThat(heap.primaryKeyName()).isNull();
            assertThat(heap.oid()).isGreaterThan(t.oid());
            String longName = "x".repeat(63);
            assertThat(cluster.catalog().createTable(tx, 5, "public", longName, COLUMNS, new int[]{0})
                    .primaryKeyName()).isEqualTo("x".repeat(58) + "_pkey");
            assertThatThrownBy(() -> cluster.catalog().createTable(tx, 5, "public", "t", COLUMNS, new int[0]))
                    .isInstanceOfSatisfying(PgException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo(SqlState.DUPLICATE_TABLE);
                        assertThat(e.getMessage()).isEqualTo("relation \"t\" already exists");
                    });
            // same name in another schema or database is fine
            cluster.catalog().createTable(tx, 5, "other", "t", COLUMNS, new int[0]);
            cluster.catalog().createTable(tx, 1, "public", "t", COLUMNS, new int[0]);
            assertThat(cluster.catalog().tables(tx, 5)).extracting(d -> d.schema() + "." + d.name())
                    .containsExactly("other.t", "public.heap", "public.t", "public." + longName);
            tx.commit();
        }
        try (Cluster cluster = StoredCluster.open(dir, "postgres", null)) {
            Transaction tx = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, true);
            TableDescriptor t = cluster.catalog().table(tx, 5, "public", "t").orElseThrow();
            assertThat(t.columns()).isEqualTo(List.of(
                    new ColumnDescriptor("id", 1, PgType.INT4, -1, true, null),
                    new ColumnDescriptor("name", 2, PgType.VARCHAR, 24, false, "'x'::character varying")));
            assertThat(t.primaryKey()).containsExactly(0);
            assertThat(cluster.catalog().tables(tx, 1)).hasSize(1);
            tx.rollback();
        }
    }

    @Test
    void ddlIsTransactional() {
        try (Cluster cluster = StoredCluster.open(dir, "postgres", null)) {
            Catalog catalog = cluster.catalog();
            Transaction creator = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, false);
            Transaction other = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, false);
            TableDescriptor t = catalog.createTable(creator, 5, "public", "t", COLUMNS, new int[]{0});
            assertThat(catalog.table(creator, 5, "public", "t").orElseThrow().oid()).isEqualTo(t.oid());
            assertThat(catalog.table(other, 5, "public", "t")).isEmpty();
            assertThat(catalog.tables(other, 5)).isEmpty();
            creator.rollback();
            Transaction after = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, false);
            assertThat(catalog.table(after, 5, "public", "t")).isEmpty();

            TableDescriptor kept = catalog.createTable(after, 5, "public", "t", COLUMNS, new int[]{0});
            cluster.tables().insert(after, kept.layout(), new Object[]{1, "a"});
            after.commit();

            Transaction dropper = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, false);
            catalog.dropTable(dropper, kept);
            assertThat(catalog.table(dropper, 5, "public", "t")).isEmpty();
            other.startStatement();
            assertThat(catalog.table(other, 5, "public", "t")).isPresent();
            // DROP holds ACCESS EXCLUSIVE: a reader cannot even start scanning until it ends
            Transaction blocked = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, true);
            assertThat(blocked.tryLock(LockTag.relation(kept.oid()), TableLockMode.ACCESS_SHARE)).isFalse();
            blocked.rollback();
            dropper.rollback();
            Transaction reader = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, true);
            try (RowCursor c = cluster.tables().scan(reader, kept.layout(), KeyRange.ALL)) {
                assertThat(c.next()).isTrue();
            }
            reader.rollback(); // ends its ACCESS SHARE lock, which DROP waits for

            Transaction oldSnapshot = cluster.transactions().begin(IsolationLevel.REPEATABLE_READ, true);
            oldSnapshot.startStatement();
            Transaction dropper2 = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, false);
            catalog.dropTable(dropper2, kept);
            dropper2.commit();
            // the rows go with one range deletion at commit, which snapshots taken before still look through
            try (RowCursor c = cluster.tables().scan(oldSnapshot, kept.layout(), KeyRange.ALL)) {
                assertThat(c.next()).isTrue();
            }
            oldSnapshot.rollback();
            other.startStatement();
            assertThat(catalog.table(other, 5, "public", "t")).isEmpty();
            try (RowCursor c = cluster.tables().scan(other, kept.layout(), KeyRange.ALL)) {
                assertThat(c.next()).isFalse();
            }
            other.rollback();
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void dropOfATableDroppedMeanwhileFailsAfterWaiting() throws Exception {
        try (Cluster cluster = StoredCluster.open(dir, "postgres", null)) {
            Catalog catalog = cluster.catalog();
            Transaction setup = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, false);
            catalog.createTable(setup, 5, "public", "t", COLUMNS, new int[]{0});
            setup.commit();
            Transaction a = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, false);
            Transaction b = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, false);
            TableDescriptor seenByA = catalog.table(a, 5, "public", "t").orElseThrow();
            TableDescriptor seenByB = catalog.table(b, 5, "public", "t").orElseThrow();
            catalog.dropTable(a, seenByA);
            java.util.concurrent.CompletableFuture<Void> second = new java.util.concurrent.CompletableFuture<>();
            Thread.ofPlatform().start(() -> {
                try {
                    catalog.dropTable(b, seenByB);
                    second.complete(null);
                } catch (Throwable e) {
                    second.completeExceptionally(e);
                }
            });
            var locks = ((io.tuskdb.txn.RocksTransactionManager) cluster.transactions()).locks();
            while (locks.waitingCount() == 0) { // b waits for a's ACCESS EXCLUSIVE lock
                Thread.onSpinWait();
            }
            a.commit();
            assertThatThrownBy(second::get).cause().isInstanceOfSatisfying(PgException.class, e -> {
                assertThat(e.sqlState()).isEqualTo(SqlState.UNDEFINED_TABLE);
                assertThat(e.getMessage()).isEqualTo("relation \"t\" does not exist");
            });
            b.rollback();
        }
    }

    @Test
    void rolledBackWritesLeaveNoTraceAfterReopen() {
        TableDescriptor t;
        try (Cluster cluster = StoredCluster.open(dir, "postgres", null)) {
            Transaction tx = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, false);
            t = cluster.catalog().createTable(tx, 5, "public", "t", COLUMNS, new int[]{0});
            cluster.tables().insert(tx, t.layout(), new Object[]{1, "committed"});
            tx.commit();
            Transaction rolledBack = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, false);
            cluster.tables().insert(rolledBack, t.layout(), new Object[]{2, "rolled back"});
            cluster.catalog().createTable(rolledBack, 5, "public", "u", COLUMNS, new int[0]);
            rolledBack.rollback();
        }
        try (Cluster cluster = StoredCluster.open(dir, "postgres", null)) {
            Transaction tx = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, true);
            assertThat(cluster.catalog().tables(tx, 5)).extracting(TableDescriptor::name).containsExactly("t");
            try (RowCursor c = cluster.tables().scan(tx, t.layout(), KeyRange.ALL)) {
                assertThat(c.next()).isTrue();
                assertThat(c.row()).containsExactly(1, "committed");
                assertThat(c.next()).isFalse();
            }
            tx.rollback();
        }
    }

    @Test
    void tableLookupsAreCachedUntilACatalogChangeCommits() {
        try (Cluster cluster = StoredCluster.open(dir, "postgres", null)) {
            StoredCatalog catalog = (StoredCatalog) cluster.catalog();
            CatalogCache cache = catalog.cache();
            Transaction reader = cluster.transactions().begin(IsolationLevel.REPEATABLE_READ, true);
            reader.startStatement();
            assertThat(catalog.table(reader, 5, "public", "t")).isEmpty();
            long misses = cache.misses();
            assertThat(catalog.table(reader, 5, "public", "t")).isEmpty();
            assertThat(cache.misses()).isEqualTo(misses);
            assertThat(cache.hits()).isPositive();

            Transaction ddl = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, false);
            catalog.createTable(ddl, 5, "public", "t", COLUMNS, new int[]{0});
            assertThat(catalog.table(ddl, 5, "public", "t")).isPresent(); // its own change, past the cache
            assertThat(catalog.table(reader, 5, "public", "t")).isEmpty(); // the cached committed state
            long version = cache.version();
            ddl.commit();
            assertThat(cache.version()).isEqualTo(version + 1);
            // like PostgreSQL's catalog snapshots: visible at once, even to an older REPEATABLE READ snapshot
            assertThat(catalog.table(reader, 5, "public", "t")).isPresent();
            reader.rollback();

            Transaction rolledBack = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, false);
            TableDescriptor t = catalog.table(rolledBack, 5, "public", "t").orElseThrow();
            catalog.dropTable(rolledBack, t);
            rolledBack.rollback();
            assertThat(cache.version()).isEqualTo(version + 1);
            Transaction r2 = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, true);
            assertThat(catalog.table(r2, 5, "public", "t")).isPresent();
            r2.rollback();
        }
    }

    @Test
    void checkpointVacuumSizeAndStatistics() {
        try (Cluster cluster = StoredCluster.open(dir, "postgres", null)) {
            Transaction tx = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, false);
            TableDescriptor t = cluster.catalog().createTable(tx, 5, "public", "t", COLUMNS, new int[]{0});
            for (int i = 0; i < 1000; i++) {
                cluster.tables().insert(tx, t.layout(), new Object[]{i, "some text " + i});
            }
            tx.commit();
            cluster.checkpoint();
            assertThat(cluster.relationSize(t.oid())).isPositive();
            assertThat(cluster.relationSize(t.oid() + 1)).isZero();
            cluster.vacuum(t.oid());
            cluster.vacuum(0);
            assertThat(cluster.statistics()).containsEntry("tuskdb_commit_transactions_total", 2L)
                    .containsKey("tuskdb_commit_durable_writes_total");
        }
    }
}
