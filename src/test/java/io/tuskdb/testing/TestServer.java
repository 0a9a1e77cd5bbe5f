package io.tuskdb.testing;

import io.tuskdb.catalog.Cluster;
import io.tuskdb.catalog.StoredCluster;
import io.tuskdb.server.HbaRule;
import io.tuskdb.server.Postmaster;
import io.tuskdb.server.ServerConfig;
import io.tuskdb.server.ShutdownMode;
import io.tuskdb.sql.SqlEngine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real TuskDB server for tests: a fresh data directory, the postmaster on an ephemeral loopback port, trust
 * authentication unless rules are given. No Spring; closing it shuts down fast and deletes the data directory.
 */
public final class TestServer implements AutoCloseable {
    private final Path dataDirectory;
    private final Cluster cluster;
    private final Postmaster postmaster;

    private TestServer(Path dataDirectory, List<HbaRule> rules, String superuserPassword, int maxConnections) {
        this.dataDirectory = dataDirectory;
        this.cluster = StoredCluster.open(dataDirectory, "postgres", superuserPassword);
        ServerConfig config = new ServerConfig(List.of("127.0.0.1"), 0, maxConnections, rules, null,
                Duration.ofSeconds(5));
        this.postmaster = new Postmaster(config, cluster, new SqlEngine());
        postmaster.start();
    }

    /** A server with trust authentication on a fresh temporary data directory. */
    public static TestServer start() {
        return start(HbaRule.defaults(), null, 100);
    }

    public static TestServer start(List<HbaRule> rules, String superuserPassword, int maxConnections) {
        try {
            return new TestServer(Files.createTempDirectory("tuskdb-test"), rules, superuserPassword, maxConnections);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return postmaster.localPort();
    }

    public Postmaster postmaster() {
        return postmaster;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** A pgjdbc connection as the superuser to database postgres, with extra driver properties. */
    public Connection connect(String... keyValues) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            props.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return DriverManager.getConnection(jdbcUrl("postgres"), props);
    }

    @Override
    public void close() {
        try {
            postmaster.shutdown(ShutdownMode.FAST);
        } finally {
            cluster.close();
            deleteRecursively(dataDirectory);
        }
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
