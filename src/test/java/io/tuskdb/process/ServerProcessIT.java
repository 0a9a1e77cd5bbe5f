package io.tuskdb.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The packaged jar as operators run it: restart, crash, SIGTERM and the three configuration sources. */
class ServerProcessIT {

    @TempDir
    Path work;

    private ServerProcess start(int port, Map<String, String> env, String... extraArgs) throws Exception {
        String[] args = new String[extraArgs.length + 2];
        args[0] = "--tuskdb.port=" + port;
        args[1] = "--tuskdb.data-directory=" + work.resolve("data");
        System.arraycopy(extraArgs, 0, args, 2, extraArgs.length);
        return ServerProcess.start(work, port, env, args);
    }

    @Test
    void restartKeepsCommittedDataAndDropsUncommitted() throws Exception {
        int port = ServerProcess.freePort();
        try (ServerProcess server = start(port, Map.of())) {
            try (Connection c = server.connect("postgres", null); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (id int PRIMARY KEY, note text)");
                s.execute("INSERT INTO kept VALUES (1, 'one'), (2, 'two')");
                c.setAutoCommit(false);
                s.execute("INSERT INTO kept VALUES (3, 'never committed')");
                // the open transaction is rolled back by the shutdown
            }
            server.terminate();
        }
        try (ServerProcess server = start(port, Map.of());
             Connection c = server.connect("postgres", null); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, note FROM kept ORDER BY id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo("two");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void killDashNineLosesNoAcknowledgedCommit() throws Exception {
        int port = ServerProcess.freePort();
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        try (ServerProcess server = start(port, Map.of())) {
            try (Connection c = server.connect("postgres", null); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE acked (id int PRIMARY KEY, writer int)");
            }
            int writers = 4;
            CountDownLatch enough = new CountDownLatch(writers * 50);
            Thread[] threads = new Thread[writers];
            for (int w = 0; w < writers; w++) {
                int writer = w;
                threads[w] = new Thread(() -> {
                    try (Connection c = server.connect("postgres", null);
                         PreparedStatement insert = c.prepareStatement("INSERT INTO acked VALUES (?, ?)")) {
                        for (int i = 0; i < 100_000; i++) {
                            int id = writer * 1_000_000 + i;
                            insert.setInt(1, id);
                            insert.setInt(2, writer);
                            insert.executeUpdate();
                            acknowledged.add(id);
                            enough.countDown();
                        }
                    } catch (SQLException expectedWhenKilled) {
                        // the server died under us
                    }
                });
                threads[w].start();
            }
            assertThat(enough.await(120, TimeUnit.SECONDS)).isTrue();
            server.kill();
            for (Thread t : threads) {
                t.join(30_000);
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(200);
        try (ServerProcess server = start(port, Map.of());
             Connection c = server.connect("postgres", null); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM acked")) {
            Set<Integer> recovered = new HashSet<>();
            while (rs.next()) {
                recovered.add(rs.getInt(1));
            }
            assertThat(recovered).containsAll(acknowledged);
        }
    }

    @Test
    void sigtermEndsSessionsWithAdminShutdown() throws Exception {
        int port = ServerProcess.freePort();
        try (ServerProcess server = start(port, Map.of())) {
            Connection c = server.connect("postgres", null);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id int PRIMARY KEY)");
                c.setAutoCommit(false);
                s.execute("INSERT INTO t VALUES (1)");
                server.terminate();
                assertThatThrownBy(() -> s.execute("SELECT 1"))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("57P01", "08006"));
            }
            assertThat(server.log()).contains("database system is shut down");
        }
        try (ServerProcess server = start(port, Map.of());
             Connection c = server.connect("postgres", null); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    void configurationFromApplicationYmlAndEnvironment() throws Exception {
        int port = ServerProcess.freePort();
        Files.writeString(work.resolve("application.yml"), """
                tuskdb:
                  port: %d
                  data-directory: %s
                  hba:
                    - host all all 127.0.0.1/32 scram-sha-256
                """.formatted(port, work.resolve("yaml-data")));
        // password from the environment, as the official postgres image takes it
        try (ServerProcess server = ServerProcess.start(work, port, Map.of("POSTGRES_PASSWORD", "s3cret"))) {
            try (Connection c = server.connect("postgres", "s3cret"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_user")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("postgres");
            }
            assertThatThrownBy(() -> server.connect("postgres", "wrong"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
            server.terminate();
        }
        assertThat(work.resolve("yaml-data")).isDirectory();
        // the environment overrides the file
        int envPort = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(work, envPort, Map.of("TUSKDB_PORT", String.valueOf(envPort),
                "TUSKDB_HBA", "host all all 127.0.0.1/32 trust"))) {
            try (Connection c = server.connect("postgres", null); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
            server.terminate();
        }
    }
}
