package io.tuskdb.server;

import io.tuskdb.catalog.Cluster;
import io.tuskdb.catalog.StoredCluster;
import io.tuskdb.sql.SqlEngine;

import javax.net.ssl.SSLContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** A postmaster on an ephemeral port over a fresh cluster, for tests; superuser "tusk" with password "secret". */
final class TestServer implements AutoCloseable {
    final Cluster cluster;
    final Postmaster postmaster;

    TestServer(Path dir, int maxConnections, SSLContext ssl, String... hbaLines) {
        this(dir, maxConnections, ssl, Duration.ofSeconds(30), hbaLines);
    }

    TestServer(Path dir, int maxConnections, SSLContext ssl, Duration smartTimeout, String... hbaLines) {
        cluster = StoredCluster.open(dir, "tusk", "secret");
        List<HbaRule> rules = Arrays.stream(hbaLines).map(HbaRule::parse).toList();
        postmaster = new Postmaster(new ServerConfig(List.of("127.0.0.1"), 0, maxConnections, rules, ssl,
                smartTimeout), cluster, new SqlEngine());
        postmaster.start();
    }

    static TestServer trust(Path dir) {
        return new TestServer(dir, 20, null, "host all all 127.0.0.1/32 trust");
    }

    int port() {
        return postmaster.localPort();
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    Connection connect(String user, String password) throws SQLException {
        return connect("postgres", user, password, new Properties());
    }

    Connection connect(String database, String user, String password, Properties extra) throws SQLException {
        Properties p = new Properties();
        p.putAll(extra);
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.putIfAbsent("connectTimeout", "10");
        p.putIfAbsent("socketTimeout", "30");
        return DriverManager.getConnection(url(database), p);
    }

    @Override
    public void close() {
        postmaster.shutdown(ShutdownMode.IMMEDIATE);
        cluster.close();
    }
}
