package io.tuskdb.server;

import io.tuskdb.testing.TestServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** pgjdbc connections as any user, with a password and driver properties, to a {@link TestServer}. */
final class Clients {
    private Clients() {
    }

    static List<HbaRule> rules(String... lines) {
        return Arrays.stream(lines).map(HbaRule::parse).toList();
    }

    static Connection connect(TestServer server, String user, String password) throws SQLException {
        return connect(server.port(), "postgres", user, password, new Properties());
    }

    static Connection connect(TestServer server, String database, String user, String password, Properties extra)
            throws SQLException {
        return connect(server.port(), database, user, password, extra);
    }

    static Connection connect(int port, String database, String user, String password, Properties extra)
            throws SQLException {
        Properties p = new Properties();
        p.putAll(extra);
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.putIfAbsent("connectTimeout", "10");
        p.putIfAbsent("socketTimeout", "30");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, p);
    }
}
