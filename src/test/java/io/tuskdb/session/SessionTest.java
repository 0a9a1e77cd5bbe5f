package io.tuskdb.session;

import io.tuskdb.catalog.Cluster;
import io.tuskdb.catalog.StoredCluster;
import io.tuskdb.error.PgException;
import io.tuskdb.session.settings.SessionSettings;
import io.tuskdb.sql.Execution;
import io.tuskdb.sql.ParsedStatement;
import io.tuskdb.sql.SqlEngine;
import io.tuskdb.txn.IsolationLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The transaction block state machine and interrupts of a session, driven as the protocol drives it. */
class SessionTest {
    @TempDir
    Path dir;
    Cluster cluster;
    SqlEngine engine = new SqlEngine();
    Session session;
    List<PgException> notices = new ArrayList<>();

    @BeforeEach
    void open() {
        cluster = StoredCluster.open(dir, "tusk", null);
        session = newSession(1);
        run("CREATE TABLE t (id int PRIMARY KEY)");
    }

    private Session newSession(int pid) {
        Session s = new Session(cluster, engine, pid, cluster.catalog().role("tusk").orElseThrow(),
                cluster.catalog().database("postgres").orElseThrow(), new SessionSettings(Map.of()), p -> null);
        s.setNoticeSink(notices::add);
        return s;
    }

    @AfterEach
    void close() {
        session.close();
        cluster.close();
    }

    /** One statement the way a simple query runs it; returns the tag or rethrows after aborting. */
    private String run(String sql) {
        ParsedStatement st = session.parse(sql).get(0);
        try {
            session.beginStatement(st, sql, true);
            try (Execution e = session.plan(st, new int[0]).execute(session, new Object[0])) {
                while (e.next() != null) {
                    // drain
                }
                String tag = e.commandTag();
                session.endStatement(true);
                return tag;
            }
        } catch (PgException e) {
            session.abortStatement();
            throw e;
        }
    }

    private long count() {
        ParsedStatement st = session.parse("SELECT count(*) FROM t").get(0);
        session.beginStatement(st, "", true);
        try (Execution e = session.plan(st, new int[0]).execute(session, new Object[0])) {
            long n = (Long) e.next()[0];
            while (e.next() != null) {
                // drain
            }
            session.endStatement(true);
            return n;
        }
    }

    @Test
    void implicitTransactionsCommitPerStatement() {
        run("INSERT INTO t VALUES (1)");
        assertThat(session.transactionState()).isEqualTo(TransactionState.IDLE);
        assertThat(session.transaction()).isNull();
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void blockFailsAndOnlyExitsRun() {
        run("BEGIN");
        assertThat(session.transactionState()).isEqualTo(TransactionState.BLOCK);
        run("INSERT INTO t VALUES (1)");
        assertThatThrownBy(() -> run("INSERT INTO t VALUES (1)")).isInstanceOf(PgException.class);
        assertThat(session.transactionState()).isEqualTo(TransactionState.FAILED);
        assertThat(session.transactionState().readyForQueryStatus()).isEqualTo('E');
        assertThatThrownBy(() -> run("SELECT 1"))
                .hasMessage("current transaction is aborted, commands ignored until end of transaction block");
        assertThat(run("COMMIT")).isEqualTo("ROLLBACK");
        assertThat(session.transactionState()).isEqualTo(TransactionState.IDLE);
        assertThat(count()).isZero();
    }

    @Test
    void beginWithIsolationLevelAndWarnings() {
        session.beginStatement(session.parse("BEGIN").get(0), "BEGIN", true);
        session.beginTransactionBlock(IsolationLevel.REPEATABLE_READ, true);
        assertThat(session.transaction().isolationLevel()).isEqualTo(IsolationLevel.REPEATABLE_READ);
        assertThat(session.setting("transaction_isolation")).isEqualTo("repeatable read");
        assertThat(session.setting("transaction_read_only")).isEqualTo("on");
        session.endStatement(true);
        session.beginTransactionBlock(null, null);
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.sqlState().code()).isEqualTo("25001");
            assertThat(n.getMessage()).isEqualTo("there is already a transaction in progress");
        });
        session.rollbackTransactionBlock();
        session.rollbackTransactionBlock();
        assertThat(notices.get(1).getMessage()).isEqualTo("there is no transaction in progress");
        assertThat(session.setting("transaction_isolation")).isEqualTo("read committed");
    }

    @Test
    void setInsideARolledBackBlockIsUndone() {
        run("BEGIN");
        session.setSetting("search_path", "other", false);
        run("ROLLBACK");
        assertThat(session.setting("search_path")).isEqualTo("\"$user\", public");
        assertThat(session.searchPath()).containsExactly("public");
        run("BEGIN");
        session.setSetting("search_path", "pg_catalog, \"public\"", false);
        run("COMMIT");
        assertThat(session.searchPath()).containsExactly("pg_catalog", "public");
        run("SET LOCAL DateStyle = 'SQL, DMY'"); // outside a block: warns
        assertThat(notices).last().satisfies(n -> assertThat(n.getMessage())
                .isEqualTo("SET LOCAL can only be used in transaction blocks"));
    }

    @Test
    void portalsEndWithTheirTransaction() {
        run("BEGIN");
        PreparedStatement ps = session.prepare("s", "SELECT 1", new int[0]);
        session.bind("p", ps, new Object[0], new short[] {0});
        assertThat(session.portal("p")).isNotNull();
        run("COMMIT");
        assertThatThrownBy(() -> session.portal("p")).hasMessage("portal \"p\" does not exist");
        assertThat(session.statement("s")).isSameAs(ps);
        assertThatThrownBy(() -> session.prepare("s", "SELECT 2", new int[0]))
                .hasMessage("prepared statement \"s\" already exists");
    }

    @Test
    void cancelIsIgnoredWhenIdleAndInterruptsARunningSleep() throws Exception {
        session.interrupts().cancel(); // nothing runs: ignored
        session.interrupts().check();
        ParsedStatement st = session.parse("SELECT 1").get(0);
        session.beginStatement(st, "SELECT 1", true);
        session.interrupts().bindThread(Thread.currentThread());
        CompletableFuture.runAsync(() -> session.interrupts().cancel(),
                CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
        long start = System.nanoTime();
        assertThatThrownBy(() -> session.sleep(TimeUnit.SECONDS.toNanos(10)))
                .hasMessage("canceling statement due to user request");
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
        session.abortStatement();
    }

    @Test
    void statementTimeoutAndTerminate() {
        session.setSetting("statement_timeout", "100ms", false);
        session.sync();
        ParsedStatement st = session.parse("SELECT 1").get(0);
        session.beginStatement(st, "SELECT 1", true);
        assertThatThrownBy(() -> session.sleep(TimeUnit.SECONDS.toNanos(10)))
                .hasMessage("canceling statement due to statement timeout");
        session.abortStatement();

        Session other = newSession(2);
        Session withDirectory = new Session(cluster, engine, 3, cluster.catalog().role("tusk").orElseThrow(),
                cluster.catalog().database("postgres").orElseThrow(), new SessionSettings(Map.of()),
                pid -> pid == 2 ? other : null);
        withDirectory.setNoticeSink(notices::add);
        assertThat(withDirectory.terminateBackend(2)).isTrue();
        assertThatThrownBy(other::checkForInterrupts)
                .hasMessage("terminating connection due to administrator command")
                .satisfies(e -> assertThat(((PgException) e).sqlState().code()).isEqualTo("57P01"));
        assertThat(withDirectory.cancelBackend(77)).isFalse();
        assertThat(notices).last().satisfies(n -> assertThat(n.getMessage())
                .isEqualTo("PID 77 is not a PostgreSQL backend process"));
        other.close();
        withDirectory.close();
    }

    @Test
    void savepointsReviveAFailedBlock() {
        assertThatThrownBy(() -> session.defineSavepoint("a"))
                .hasMessage("SAVEPOINT can only be used in transaction blocks")
                .satisfies(e -> assertThat(((PgException) e).sqlState().code()).isEqualTo("25P01"));
        run("BEGIN");
        run("INSERT INTO t VALUES (1)");
        session.defineSavepoint("a");
        run("INSERT INTO t VALUES (2)");
        assertThatThrownBy(() -> run("INSERT INTO t VALUES (2)")).isInstanceOf(PgException.class);
        assertThat(session.transactionState()).isEqualTo(TransactionState.FAILED);
        assertThatThrownBy(() -> session.rollbackToSavepoint("nope"))
                .hasMessage("savepoint \"nope\" does not exist")
                .satisfies(e -> assertThat(((PgException) e).sqlState().code()).isEqualTo("3B001"));
        session.rollbackToSavepoint("a");
        assertThat(session.transactionState()).isEqualTo(TransactionState.BLOCK);
        run("INSERT INTO t VALUES (3)");
        session.defineSavepoint("b");
        session.releaseSavepoint("a");
        assertThatThrownBy(() -> session.releaseSavepoint("b")).hasMessage("savepoint \"b\" does not exist");
        run("COMMIT");
        assertThat(count()).isEqualTo(2); // rows 1 and 3; row 2 was rolled back with the savepoint
    }

    @Test
    void transactionBlockTestAndDiscardAll() {
        assertThat(session.inTransactionBlock()).isFalse();
        session.setImplicitBlock(true);
        assertThat(session.inTransactionBlock()).isTrue();
        session.setImplicitBlock(false);
        run("BEGIN");
        assertThat(session.inTransactionBlock()).isTrue();
        run("COMMIT");
        session.prepare("s", "SELECT 1", new int[0]);
        session.setSetting("application_name", "x", false);
        session.discardAll();
        assertThat(session.setting("application_name")).isEmpty();
        assertThatThrownBy(() -> session.statement("s")).hasMessage("prepared statement \"s\" does not exist");
    }

    /** The first column of the first row of a query run as a simple query. */
    private Object value(String sql) {
        ParsedStatement st = session.parse(sql).get(0);
        session.beginStatement(st, sql, true);
        try (Execution e = session.plan(st, new int[0]).execute(session, new Object[0])) {
            Object v = e.next()[0];
            while (e.next() != null) {
                // drain
            }
            session.endStatement(true);
            return v;
        } catch (PgException e) {
            session.abortStatement();
            throw e;
        }
    }

    @Test
    void searchPathKeepsOnlyExistingSchemas() {
        session.setSettingValues("search_path", List.of("$user", "public"), false);
        assertThat(session.setting("search_path")).isEqualTo("\"$user\", public");
        assertThat(session.searchPath()).containsExactly("public"); // no schema named as the user
        session.setSettingValues("search_path", List.of("public", "My Schema", "pg_catalog"), false);
        assertThat(session.setting("search_path")).isEqualTo("public, \"My Schema\", pg_catalog");
        assertThat(session.searchPath()).containsExactly("public", "pg_catalog");
        session.setSettingValues("search_path", List.of(""), false);
        assertThat(session.setting("search_path")).isEqualTo("\"\"");
        assertThat(value("SELECT current_schema()")).isNull();
        session.setSettingValues("search_path", List.of("nosuch"), false);
        assertThat(value("SELECT current_schema()")).isNull();
        session.setSettingValues("search_path", List.of("nosuch", "public"), false);
        assertThat(value("SELECT current_schema()")).isEqualTo("public");
        assertThatThrownBy(() -> session.setSettingValues("application_name", List.of("a", "b"), false))
                .hasMessage("SET application_name takes only one argument");
    }

    @Test
    void setLocalWarnsFromSetButNotFromSetConfig() {
        notices.clear();
        assertThat(value("SELECT set_config('statement_timeout', '1min', true)")).isEqualTo("1min");
        assertThat(notices).isEmpty();
        run("SET LOCAL statement_timeout = '1min'");
        assertThat(notices).singleElement().satisfies(n -> assertThat(n.getMessage())
                .isEqualTo("SET LOCAL can only be used in transaction blocks"));
        notices.clear();
        run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        assertThat(notices).singleElement().satisfies(n -> assertThat(n.getMessage())
                .isEqualTo("SET TRANSACTION can only be used in transaction blocks"));
        notices.clear();
        run("BEGIN");
        run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        run("SET LOCAL statement_timeout = '1min'");
        run("COMMIT");
        assertThat(notices).isEmpty();
    }

    @Test
    void isolationAndReadWriteAreFixedOnceAQueryRan() {
        run("BEGIN");
        run("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
        run("SHOW TimeZone"); // no snapshot
        run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        assertThat(session.setting("transaction_isolation")).isEqualTo("repeatable read");
        value("SELECT 1");
        run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"); // the same level again is allowed
        assertThatThrownBy(() -> run("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"))
                .hasMessage("SET TRANSACTION ISOLATION LEVEL must be called before any query")
                .satisfies(e -> assertThat(((PgException) e).sqlState().code()).isEqualTo("25001"));
        assertThat(run("COMMIT")).isEqualTo("ROLLBACK");

        run("BEGIN READ ONLY");
        value("SELECT 1");
        assertThatThrownBy(() -> run("SET TRANSACTION READ WRITE"))
                .hasMessage("transaction read-write mode must be set before any query");
        run("ROLLBACK");
    }

    @Test
    void switchingToReadOnlyAfterWritesKeepsThem() {
        run("BEGIN");
        run("SET TRANSACTION READ WRITE");
        run("INSERT INTO t VALUES (3)");
        run("SET TRANSACTION READ ONLY");
        assertThatThrownBy(() -> run("INSERT INTO t VALUES (4)"))
                .hasMessage("cannot execute INSERT in a read-only transaction");
        run("ROLLBACK");
        run("BEGIN");
        run("INSERT INTO t VALUES (5)");
        run("SET TRANSACTION READ ONLY");
        assertThat(session.setting("transaction_read_only")).isEqualTo("on");
        assertThat(run("COMMIT")).isEqualTo("COMMIT");
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void longApplicationNameIsTruncatedWithANotice() {
        notices.clear();
        run("SET application_name = '" + "a".repeat(70) + "'");
        assertThat(session.setting("application_name")).isEqualTo("a".repeat(63));
        assertThat(notices).singleElement().satisfies(n -> assertThat(n.getMessage())
                .isEqualTo("identifier \"" + "a".repeat(70) + "\" will be truncated to \"" + "a".repeat(63) + "\""));
    }

    @Test
    void beginInAMultiStatementStringAfterAQuery() {
        // "SELECT 1; BEGIN READ ONLY; ..." is fine; "SELECT 1; BEGIN ISOLATION LEVEL SERIALIZABLE" fails (PG 15)
        session.setImplicitBlock(true);
        selectOneNotLast();
        run("BEGIN READ ONLY");
        assertThat(session.setting("transaction_read_only")).isEqualTo("on");
        run("ROLLBACK");
        selectOneNotLast();
        assertThatThrownBy(() -> run("BEGIN ISOLATION LEVEL SERIALIZABLE"))
                .hasMessage("SET TRANSACTION ISOLATION LEVEL must be called before any query");
        session.setImplicitBlock(false);
        assertThat(session.transactionState()).isEqualTo(TransactionState.IDLE);
    }

    /** SELECT 1 as a statement of a query string that goes on: its implicit transaction stays open. */
    private void selectOneNotLast() {
        ParsedStatement st = session.parse("SELECT 1").get(0);
        session.beginStatement(st, "SELECT 1", true);
        try (Execution e = session.plan(st, new int[0]).execute(session, new Object[0])) {
            while (e.next() != null) {
                // drain
            }
        }
        session.endStatement(false);
        assertThat(session.transactionState()).isEqualTo(TransactionState.IMPLICIT);
    }

    @Test
    void anImplicitTransactionStartsWithItsStatement() {
        assertThat(value("SELECT now() = statement_timestamp()")).isEqualTo(true);
        ParsedStatement st = session.parse("SELECT 1").get(0);
        session.beginStatement(st, "SELECT 1", true);
        assertThat(session.transactionStartTimestamp()).isEqualTo(session.statementStartTimestamp());
        assertThat(session.statementStartTimestamp().getNano() % 1000).isZero();
        session.endStatement(true);
    }
}
