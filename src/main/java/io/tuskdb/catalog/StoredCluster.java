package io.tuskdb.catalog;

import io.tuskdb.storage.RocksTableAccess;
import io.tuskdb.storage.StorageEngine;
import io.tuskdb.storage.TableAccess;
import io.tuskdb.txn.Committer;
import io.tuskdb.txn.IsolationLevel;
import io.tuskdb.txn.RocksTransactionManager;
import io.tuskdb.txn.Transaction;
import io.tuskdb.txn.TransactionManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the cluster stored in a data directory, initialising it on first start as initdb does. */
public final class StoredCluster {
    /** The data directory's format version, kept in {@value #VERSION_FILE} (PostgreSQL's PG_VERSION). */
    public static final String FORMAT_VERSION = "1";
    public static final String VERSION_FILE = "TUSKDB_VERSION";
    /** The RocksDB files live in this subdirectory of the data directory. */
    public static final String STORAGE_DIRECTORY = "storage";

    static final int TEMPLATE1_OID = 1;
    static final int TEMPLATE0_OID = 4;
    static final int POSTGRES_OID = 5;
    /** BOOTSTRAP_SUPERUSERID */
    static final int SUPERUSER_OID = 10;

    private StoredCluster() {
    }

    /**
     * Opens (creating and initialising on first start: databases postgres and template1, the superuser role)
     * the cluster in {@code dataDirectory}.
     *
     * @param superuserPassword the superuser's password on first start, or null for none
     * @throws IllegalStateException when the directory is in use by another open cluster, or holds another
     *                               format version
     */
    public static Cluster open(Path dataDirectory, String superuserName, String superuserPassword) {
        Path versionFile = dataDirectory.resolve(VERSION_FILE);
        StorageEngine engine = StorageEngine.open(dataDirectory.resolve(STORAGE_DIRECTORY));
        try {
            checkVersion(dataDirectory, versionFile);
            RocksTransactionManager transactions = new RocksTransactionManager(engine);
            RocksTableAccess tables = new RocksTableAccess(engine);
            StoredCatalog catalog = new StoredCatalog(engine, transactions);
            OpenCluster cluster = new OpenCluster(engine, transactions, tables, catalog);
            if (catalog.database("template1").isEmpty()) {
                bootstrap(transactions, catalog, superuserName, superuserPassword);
            }
            if (!Files.exists(versionFile)) {
                Files.writeString(versionFile, FORMAT_VERSION + "\n", StandardCharsets.US_ASCII);
            }
            return cluster;
        } catch (IOException e) {
            engine.close();
            throw new UncheckedIOException("could not write \"" + versionFile + "\"", e);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    private static void checkVersion(Path dataDirectory, Path versionFile) throws IOException {
        if (Files.exists(versionFile)) {
            String version = Files.readString(versionFile, StandardCharsets.US_ASCII).trim();
            if (!version.equals(FORMAT_VERSION)) {
                throw new IllegalStateException("data directory \"" + dataDirectory + "\" has format version "
                        + version + ", this server reads " + FORMAT_VERSION);
            }
        }
    }

    /** What initdb creates: template1, template0, postgres and the bootstrap superuser, in one transaction. */
    private static void bootstrap(TransactionManager transactions, StoredCatalog catalog, String superuserName,
                                  String superuserPassword) {
        Transaction tx = transactions.begin(IsolationLevel.READ_COMMITTED, false);
        try {
            tx.startStatement();
            catalog.putDatabase(tx, new DatabaseDescriptor(TEMPLATE1_OID, "template1", true, true));
            catalog.putDatabase(tx, new DatabaseDescriptor(TEMPLATE0_OID, "template0", true, false));
            catalog.putDatabase(tx, new DatabaseDescriptor(POSTGRES_OID, "postgres", false, true));
            String verifier = superuserPassword == null ? null : ScramVerifier.create(superuserPassword).toString();
            catalog.putRole(tx, new RoleDescriptor(SUPERUSER_OID, superuserName, true, true, verifier));
            tx.commit();
        } finally {
            tx.rollback();
        }
    }

    private static final class OpenCluster implements Cluster {
        private final StorageEngine engine;
        private final RocksTransactionManager transactions;
        private final RocksTableAccess tables;
        private final StoredCatalog catalog;
        private boolean closed;

        OpenCluster(StorageEngine engine, RocksTransactionManager transactions, RocksTableAccess tables,
                    StoredCatalog catalog) {
            this.engine = engine;
            this.transactions = transactions;
            this.tables = tables;
            this.catalog = catalog;
        }

        @Override
        public TransactionManager transactions() {
            return transactions;
        }

        @Override
        public TableAccess tables() {
            return tables;
        }

        @Override
        public Catalog catalog() {
            return catalog;
        }

        @Override
        public void checkpoint() {
            engine.checkpoint();
        }

        @Override
        public void vacuum(int relationOid) {
            engine.compact(relationOid);
        }

        @Override
        public long relationSize(int relationOid) {
            return engine.approximateSize(relationOid);
        }

        @Override
        public java.util.Map<String, Long> statistics() {
            Committer committer = transactions.committer();
            return java.util.Map.of(
                    "tuskdb_commit_durable_writes_total", committer.durableWrites(),
                    "tuskdb_commit_transactions_total", committer.transactionsCommitted(),
                    "tuskdb_commit_queue_length", (long) committer.queued(),
                    "tuskdb_transactions_active", (long) transactions.activeCount(),
                    "tuskdb_locks_waiting", (long) transactions.locks().waitingCount());
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                transactions.close();
            } finally {
                engine.close();
            }
        }
    }
}
