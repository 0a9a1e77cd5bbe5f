package io.tuskdb.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.tuskdb.testing.TestServer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.jdbc.PgConnection;
import org.postgresql.util.PSQLException;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The query protocols through pgjdbc against the real SQL engine: simple, extended, binary, COPY, interrupts. */
class ExtendedProtocolTest {
    TestServer server;
    Connection c;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
        c = Clients.connect(server, "postgres", null);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id int PRIMARY KEY, v text)");
        }
    }

    @AfterEach
    void stop() throws Exception {
        c.close();
        server.close();
    }

    private static String state(Throwable e) {
        return ((SQLException) e).getSQLState();
    }

    private long count() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM t")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void multiStatementQueryIsOneImplicitTransaction() throws Exception {
        try (Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("INSERT INTO t VALUES (1, 'a'); INSERT INTO t VALUES (1, 'b')"))
                    .satisfies(e -> assertThat(state(e)).isEqualTo("23505"));
            assertThat(count()).isZero();
            s.execute("INSERT INTO t VALUES (1, 'a'); INSERT INTO t VALUES (2, 'b')");
            assertThat(count()).isEqualTo(2);
        }
    }

    @Test
    void errorResponseCarriesThePosition() throws Exception {
        // (pgjdbc splits multi-statement strings itself; ProtocolRobustnessTest checks the simple-query shift.)
        try (Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("SELECT * FROM nope"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42P01");
                        assertThat(e.getServerErrorMessage().getPosition()).isEqualTo(15);
                        assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("relation \"nope\" does not exist");
                        assertThat(e.getServerErrorMessage().getSeverity()).isEqualTo("ERROR");
                    });
        }
    }

    @Test
    void serverPreparedStatementsWithBinaryTransfer() throws Exception {
        Properties p = new Properties();
        p.setProperty("prepareThreshold", "1");
        p.setProperty("binaryTransfer", "true");
        try (Connection b = Clients.connect(server, "postgres", "postgres", null, p);
             PreparedStatement ins = b.prepareStatement("INSERT INTO t VALUES (?, ?)");
             PreparedStatement sel = b.prepareStatement("SELECT id, v, id * 1.5 FROM t WHERE id = ?")) {
            for (int i = 1; i <= 5; i++) {
                ins.setInt(1, i);
                ins.setString(2, "v" + i);
                assertThat(ins.executeUpdate()).isEqualTo(1);
            }
            for (int i = 1; i <= 5; i++) {
                sel.setInt(1, i);
                try (ResultSet r = sel.executeQuery()) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getInt(1)).isEqualTo(i);
                    assertThat(r.getString(2)).isEqualTo("v" + i);
                    assertThat(r.getBigDecimal(3)).isEqualByComparingTo(new BigDecimal(i).multiply(new BigDecimal("1.5")));
                    assertThat(r.next()).isFalse();
                }
            }
        }
    }

    @Test
    void fetchSizeSuspendsAndResumesThePortal() throws Exception {
        try (Statement s = c.createStatement()) {
            StringBuilder sql = new StringBuilder("INSERT INTO t VALUES ");
            for (int i = 1; i <= 95; i++) {
                sql.append(i > 1 ? "," : "").append("(").append(i).append(",'x')");
            }
            s.execute(sql.toString());
        }
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.setFetchSize(10);
            int n = 0;
            try (ResultSet r = s.executeQuery("SELECT id FROM t ORDER BY id")) {
                while (r.next()) {
                    assertThat(r.getInt(1)).isEqualTo(++n);
                }
            }
            assertThat(n).isEqualTo(95);
        }
        c.commit();
    }

    @Test
    void batches() throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            for (int i = 0; i < 50; i++) {
                ps.setInt(1, i);
                ps.setString(2, "b" + i);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            assertThat(counts).hasSize(50).containsOnly(1);
        }
        assertThat(count()).isEqualTo(50);
    }

    @Test
    void failedTransactionIgnoresCommandsUntilRollback() throws Exception {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO t VALUES (1, 'a')");
            assertThatThrownBy(() -> s.execute("SELECT * FROM nope")).satisfies(e -> assertThat(state(e)).isEqualTo("42P01"));
            assertThatThrownBy(() -> s.execute("SELECT 1"))
                    .satisfies(e -> assertThat(state(e)).isEqualTo("25P02"))
                    .hasMessageContaining("current transaction is aborted, commands ignored until end of transaction block");
            c.rollback();
            c.setAutoCommit(true);
            assertThat(count()).isZero();
        }
    }

    @Test
    void commitOfAFailedBlockRollsBack() throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN");
            s.execute("INSERT INTO t VALUES (1, 'a')");
            assertThatThrownBy(() -> s.execute("SELECT * FROM nope")).isInstanceOf(SQLException.class);
            s.execute("COMMIT");
            assertThat(c.unwrap(PgConnection.class).getTransactionState().name()).isEqualTo("IDLE");
            assertThat(count()).isZero();
        }
    }

    @Test
    void cancelInterruptsPgSleep() throws Exception {
        try (Statement s = c.createStatement()) {
            CompletableFuture<Void> sleeper = CompletableFuture.runAsync(() -> {
                try {
                    s.execute("SELECT pg_sleep(10)");
                } catch (SQLException e) {
                    throw new RuntimeException(e);
                }
            });
            long deadline = System.currentTimeMillis() + 5000;
            while (server.postmaster().sessions().sessions().stream().noneMatch(i -> i.state().equals("active"))
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            s.cancel();
            assertThatThrownBy(() -> sleeper.get(5, TimeUnit.SECONDS))
                    .cause().cause().satisfies(e -> assertThat(state(e)).isEqualTo("57014"))
                    .hasMessageContaining("canceling statement due to user request");
            try (ResultSet r = s.executeQuery("SELECT 42")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void statementTimeout() throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("SET statement_timeout = '200ms'");
            long start = System.nanoTime();
            assertThatThrownBy(() -> s.execute("SELECT pg_sleep(10)"))
                    .satisfies(e -> assertThat(state(e)).isEqualTo("57014"))
                    .hasMessageContaining("canceling statement due to statement timeout");
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(9);
            s.execute("SET statement_timeout = 0");
            s.execute("SELECT pg_sleep(0.3)");
        }
    }

    @Test
    void pgTerminateBackendEndsTheOtherSession() throws Exception {
        try (Connection victim = Clients.connect(server, "postgres", null); Statement s = c.createStatement()) {
            int pid = victim.unwrap(PGConnection.class).getBackendPID();
            try (ResultSet r = s.executeQuery("SELECT pg_terminate_backend(" + pid + ")")) {
                r.next();
                assertThat(r.getBoolean(1)).isTrue();
            }
            assertThatThrownBy(() -> victim.createStatement().execute("SELECT 1"))
                    .satisfies(e -> assertThat(state(e)).isIn("57P01", "08006", "08003"));
            try (ResultSet r = s.executeQuery("SELECT pg_terminate_backend(999999)")) {
                r.next();
                assertThat(r.getBoolean(1)).isFalse();
                SQLWarning w = s.getWarnings();
                assertThat((Object) w).isNotNull();
                assertThat(w.getMessage()).contains("PID 999999 is not a PostgreSQL backend process");
            }
        }
    }

    @Test
    void setReportsParameterStatusAndRollsBack() throws Exception {
        PgConnection pg = c.unwrap(PgConnection.class);
        try (Statement s = c.createStatement()) {
            s.execute("SET application_name = 'tusk-test'");
            assertThat(pg.getParameterStatus("application_name")).isEqualTo("tusk-test");
            s.execute("BEGIN");
            s.execute("SET IntervalStyle = 'iso_8601'");
            assertThat(show(s, "IntervalStyle")).isEqualTo("iso_8601");
            s.execute("ROLLBACK");
            assertThat(show(s, "IntervalStyle")).isEqualTo("postgres");
            assertThat(pg.getParameterStatus("IntervalStyle")).isEqualTo("postgres");
            s.execute("BEGIN");
            s.execute("SET LOCAL TimeZone = 'Europe/Berlin'");
            assertThat(show(s, "TimeZone")).isEqualTo("Europe/Berlin");
            s.execute("COMMIT");
            assertThat(show(s, "TimeZone")).isNotEqualTo("Europe/Berlin");
            assertThatThrownBy(() -> s.execute("SET no_such_setting = 1"))
                    .satisfies(e -> assertThat(state(e)).isEqualTo("42704"));
            assertThatThrownBy(() -> s.execute("SET extra_float_digits = 9"))
                    .satisfies(e -> assertThat(state(e)).isEqualTo("22023"));
        }
    }

    private static String show(Statement s, String name) throws SQLException {
        try (ResultSet r = s.executeQuery("SHOW " + name)) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void transactionWarningsArriveAsNotices() throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN");
            s.execute("BEGIN");
            assertThat((Object) s.getWarnings()).isNotNull();
            assertThat(s.getWarnings().getSQLState()).isEqualTo("25001");
            assertThat(s.getWarnings().getMessage()).contains("there is already a transaction in progress");
            s.execute("COMMIT");
            s.clearWarnings();
            s.execute("COMMIT");
            assertThat(s.getWarnings().getSQLState()).isEqualTo("25P01");
        }
    }

    @Test
    void copyInAndOut() throws Exception {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        long loaded = copy.copyIn("COPY t FROM STDIN", new StringReader("1\tone\n2\ttwo\n3\t\\N\n"));
        assertThat(loaded).isEqualTo(3);
        StringWriter out = new StringWriter();
        long written = copy.copyOut("COPY t TO STDOUT", out);
        assertThat(written).isEqualTo(3);
        assertThat(out.toString()).isEqualTo("1\tone\n2\ttwo\n3\t\\N\n");
        // a failing COPY leaves the session usable
        assertThatThrownBy(() -> copy.copyIn("COPY t FROM STDIN", new StringReader("1\tdup\n")))
                .satisfies(e -> assertThat(state(e)).isEqualTo("23505"));
        assertThat(count()).isEqualTo(3);
    }

    @Test
    void lockWaitsEndWithLockTimeoutOrStatementTimeout() throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO t VALUES (1, 'a')");
        }
        try (Connection holder = server.connect(); Statement h = holder.createStatement(); Statement s = c.createStatement()) {
            holder.setAutoCommit(false);
            h.execute("UPDATE t SET v = 'held' WHERE id = 1");
            s.execute("SET lock_timeout = '200ms'");
            assertThatThrownBy(() -> s.execute("UPDATE t SET v = 'waiter' WHERE id = 1"))
                    .satisfies(e -> assertThat(state(e)).isEqualTo("55P03"))
                    .hasMessageContaining("canceling statement due to lock timeout");
            s.execute("SET lock_timeout = 0");
            s.execute("SET statement_timeout = '200ms'");
            assertThatThrownBy(() -> s.execute("UPDATE t SET v = 'waiter' WHERE id = 1"))
                    .satisfies(e -> assertThat(state(e)).isEqualTo("57014"));
            holder.rollback();
        }
    }

    @Test
    void jdbcIsolationAndReadOnly() throws Exception {
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
        c.setAutoCommit(false);
        c.setReadOnly(true);
        try (Statement s = c.createStatement()) {
            assertThat(show(s, "transaction_isolation")).isEqualTo("repeatable read");
            assertThat(show(s, "transaction_read_only")).isEqualTo("on");
        }
        c.commit();
        c.setReadOnly(false);
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            assertThat(show(s, "default_transaction_isolation")).isEqualTo("repeatable read");
            assertThat(show(s, "transaction_read_only")).isEqualTo("off");
        }
    }
}
