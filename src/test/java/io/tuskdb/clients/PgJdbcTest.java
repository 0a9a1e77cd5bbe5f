package io.tuskdb.clients;

import io.tuskdb.server.HbaRule;
import io.tuskdb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** pgjdbc, the Java client, against a real server: what a JDBC application does first. */
class PgJdbcTest {
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static String sqlState(Throwable e) {
        return ((SQLException) e).getSQLState();
    }

    @Test
    void simpleQueriesAndCommandTags() throws SQLException {
        try (Connection c = server.connect("preferQueryMode", "simple"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE simple_t (id int PRIMARY KEY, name text)");
            assertThat(s.executeUpdate("INSERT INTO simple_t VALUES (1, 'a'), (2, 'b'), (3, NULL)")).isEqualTo(3);
            assertThat(s.executeUpdate("UPDATE simple_t SET name = 'z' WHERE id >= 2")).isEqualTo(2);
            assertThat(s.executeUpdate("DELETE FROM simple_t WHERE id = 1")).isEqualTo(1);
            try (ResultSet rs = s.executeQuery("SELECT id, name FROM simple_t ORDER BY id")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("id")).isEqualTo(2);
                assertThat(rs.getString("name")).isEqualTo("z");
                assertThat(rs.next()).isTrue();
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void serverPreparedStatementsWithBinaryTransfer() throws SQLException {
        try (Connection c = server.connect("prepareThreshold", "1", "binaryTransfer", "true");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE typed (id bigint PRIMARY KEY, i2 smallint, i4 integer, r real, d double precision,"
                    + " n numeric(12,3), t text, v varchar(10), ch char(3), b bytea, dt date, ts timestamp,"
                    + " tz timestamptz, u uuid, flag boolean)");
            UUID uuid = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO typed VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (long id = 1; id <= 3; id++) {
                    insert.setLong(1, id);
                    insert.setShort(2, (short) (id * 2));
                    insert.setInt(3, (int) id * 1000);
                    insert.setFloat(4, 1.5f);
                    insert.setDouble(5, 2.25);
                    insert.setBigDecimal(6, new BigDecimal("123.456"));
                    insert.setString(7, "text " + id);
                    insert.setString(8, "v" + id);
                    insert.setString(9, "ab");
                    insert.setBytes(10, new byte[] {1, 2, (byte) 255});
                    insert.setDate(11, Date.valueOf(LocalDate.of(2024, 2, 29)));
                    insert.setTimestamp(12, Timestamp.valueOf("2024-01-02 03:04:05.123456"));
                    insert.setTimestamp(13, Timestamp.valueOf("2024-01-02 03:04:05"));
                    insert.setObject(14, uuid);
                    insert.setBoolean(15, id % 2 == 0);
                    assertThat(insert.executeUpdate()).isEqualTo(1);
                }
                assertThat(((PGStatement) insert).isUseServerPrepare()).isTrue();
            }
            try (PreparedStatement select = c.prepareStatement("SELECT * FROM typed WHERE id = ?")) {
                for (int round = 0; round < 3; round++) {
                    select.setLong(1, 2);
                    try (ResultSet rs = select.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getShort("i2")).isEqualTo((short) 4);
                        assertThat(rs.getInt("i4")).isEqualTo(2000);
                        assertThat(rs.getFloat("r")).isEqualTo(1.5f);
                        assertThat(rs.getDouble("d")).isEqualTo(2.25);
                        assertThat(rs.getBigDecimal("n")).isEqualByComparingTo("123.456");
                        assertThat(rs.getString("t")).isEqualTo("text 2");
                        assertThat(rs.getString("ch")).isEqualTo("ab ");
                        assertThat(rs.getBytes("b")).containsExactly(1, 2, 255);
                        assertThat(rs.getDate("dt").toLocalDate()).isEqualTo(LocalDate.of(2024, 2, 29));
                        assertThat(rs.getTimestamp("ts")).isEqualTo(Timestamp.valueOf("2024-01-02 03:04:05.123456"));
                        assertThat(rs.getObject("u")).isEqualTo(uuid);
                        assertThat(rs.getBoolean("flag")).isTrue();
                        assertThat(rs.next()).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void batchesAndTransactions() throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE batch_t (id int PRIMARY KEY, v int NOT NULL)");
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO batch_t VALUES (?, ?)")) {
                for (int i = 0; i < 500; i++) {
                    insert.setInt(1, i);
                    insert.setInt(2, i * i);
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                assertThat(counts).hasSize(500).containsOnly(1);
            }
            c.rollback();
            assertThat(count(s, "batch_t")).isZero();
            s.executeUpdate("INSERT INTO batch_t VALUES (1, 1), (2, 4)");
            c.commit();
            assertThat(count(s, "batch_t")).isEqualTo(2);
            // a failed statement aborts the transaction until ROLLBACK: 25P02
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO batch_t VALUES (1, 1)"))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("23505"));
            assertThatThrownBy(() -> s.executeQuery("SELECT 1"))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("25P02"));
            c.rollback();
            assertThat(count(s, "batch_t")).isEqualTo(2);
        }
    }

    private static long count(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void errorsCarryPostgresSqlStates() throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE err_t (id int PRIMARY KEY, name text NOT NULL)");
            assertThatThrownBy(() -> s.execute("SELEC 1")).satisfies(e -> assertThat(sqlState(e)).isEqualTo("42601"));
            assertThatThrownBy(() -> s.execute("SELECT * FROM missing"))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42P01"));
            assertThatThrownBy(() -> s.execute("SELECT missing FROM err_t"))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42703"));
            assertThatThrownBy(() -> s.execute("CREATE TABLE err_t (x int)"))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42P07"));
            assertThatThrownBy(() -> s.execute("INSERT INTO err_t VALUES (1, NULL)"))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("23502"));
            assertThatThrownBy(() -> s.execute("SELECT 1 / 0")).satisfies(e -> assertThat(sqlState(e)).isEqualTo("22012"));
            assertThatThrownBy(() -> s.execute("SELECT 'abc'::int")).satisfies(e -> assertThat(sqlState(e)).isEqualTo("22P02"));
            assertThatThrownBy(() -> s.execute("SELECT 2147483647 + 1"))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("22003"));
            s.execute("INSERT INTO err_t VALUES (1, 'x')");
            assertThatThrownBy(() -> s.execute("INSERT INTO err_t VALUES (1, 'y')"))
                    .satisfies(e -> {
                        assertThat(sqlState(e)).isEqualTo("23505");
                        assertThat(e.getMessage()).contains("Key (id)=(1) already exists.");
                    });
        }
    }

    @Test
    void cancelStopsARunningStatement() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            ExecutorService canceller = Executors.newSingleThreadExecutor();
            try {
                canceller.submit(() -> {
                    Thread.sleep(300);
                    s.cancel();
                    return null;
                });
                assertThatThrownBy(() -> s.execute("SELECT pg_sleep(30)"))
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("57014"))
                        .hasMessageContaining("canceling statement due to user request");
            } finally {
                canceller.shutdownNow();
            }
            // the session lives on
            try (ResultSet rs = s.executeQuery("SELECT 42")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void pgCancelBackendCancelsAnotherSessionsStatement() throws Exception {
        try (Connection victim = server.connect(); Connection admin = server.connect();
             Statement sleeping = victim.createStatement()) {
            int pid = victim.unwrap(PGConnection.class).getBackendPID();
            AtomicBoolean victimFailed = new AtomicBoolean();
            // a cancel that arrives while no statement runs is ignored (as in PostgreSQL), so repeat it until the
            // victim's statement has been cancelled
            Thread canceller = new Thread(() -> {
                try (Statement s = admin.createStatement()) {
                    for (int i = 0; i < 600 && !victimFailed.get(); i++) {
                        try (ResultSet rs = s.executeQuery("SELECT pg_cancel_backend(" + pid + ")")) {
                            rs.next();
                            assertThat(rs.getBoolean(1)).isTrue();
                        }
                        Thread.sleep(50);
                    }
                } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            canceller.start();
            try {
                assertThatThrownBy(() -> sleeping.execute("SELECT pg_sleep(30)"))
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("57014"))
                        .hasMessageContaining("canceling statement due to user request");
            } finally {
                victimFailed.set(true);
                canceller.join(30_000);
            }
            try (ResultSet rs = sleeping.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void backendPidMatchesBackendKeyData() throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(c.unwrap(PGConnection.class).getBackendPID());
        }
    }

    @Test
    void twentyConcurrentConnections() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE concurrent_t (id int PRIMARY KEY, worker int)");
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int w = 0; w < 20; w++) {
                int worker = w;
                results.add(pool.submit(() -> {
                    try (Connection c = server.connect();
                         PreparedStatement insert = c.prepareStatement("INSERT INTO concurrent_t VALUES (?, ?)")) {
                        for (int i = 0; i < 50; i++) {
                            insert.setInt(1, worker * 1000 + i);
                            insert.setInt(2, worker);
                            insert.executeUpdate();
                        }
                        try (Statement s = c.createStatement();
                             ResultSet rs = s.executeQuery("SELECT count(*) FROM concurrent_t WHERE worker = " + worker)) {
                            rs.next();
                            return rs.getInt(1);
                        }
                    }
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(120, TimeUnit.SECONDS)).isEqualTo(50);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            assertThat(count(s, "concurrent_t")).isEqualTo(1000);
        }
    }

    @Test
    void scramLoginWithPassword() throws Exception {
        try (TestServer scram = TestServer.start(
                List.of(HbaRule.parse("host all all 127.0.0.1/32 scram-sha-256")), "pa55word", 10)) {
            try (Connection c = DriverManager.getConnection(scram.jdbcUrl("postgres"), "postgres", "pa55word");
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_user, session_user")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("postgres");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(scram.jdbcUrl("postgres"), "postgres", "nope"))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("28P01"));
            assertThatThrownBy(() -> DriverManager.getConnection(scram.jdbcUrl("nodb"), "postgres", "pa55word"))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("3D000"));
        }
    }
}
