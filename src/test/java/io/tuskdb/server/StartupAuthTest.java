package io.tuskdb.server;

import org.junit.jupiter.api.Test;
import io.tuskdb.testing.TestServer;
import org.postgresql.PGConnection;
import org.postgresql.jdbc.PgConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Connection start-up and authentication through pgjdbc, as a client sees them. */
class StartupAuthTest {

    private static String sqlState(Throwable t) {
        return ((SQLException) t).getSQLState();
    }

    @Test
    void scramLoginReportsParametersAndBackendKey() throws Exception {
        try (TestServer server = TestServer.start(Clients.rules("host all all 127.0.0.1/32 scram-sha-256"), "secret", 10);
             Connection c = Clients.connect(server, "postgres", "secret")) {
            PgConnection pg = c.unwrap(PgConnection.class);
            assertThat(pg.getParameterStatus("server_version")).isEqualTo("15.15");
            assertThat(pg.getParameterStatus("server_encoding")).isEqualTo("UTF8");
            assertThat(pg.getParameterStatus("client_encoding")).isEqualTo("UTF8");
            assertThat(pg.getParameterStatus("DateStyle")).isEqualTo("ISO, MDY");
            assertThat(pg.getParameterStatus("integer_datetimes")).isEqualTo("on");
            assertThat(pg.getParameterStatus("standard_conforming_strings")).isEqualTo("on");
            assertThat(pg.getParameterStatus("is_superuser")).isEqualTo("on");
            assertThat(pg.getParameterStatus("session_authorization")).isEqualTo("postgres");
            assertThat(pg.getParameterStatus("application_name")).isEqualTo("PostgreSQL JDBC Driver");
            assertThat(c.unwrap(PGConnection.class).getBackendPID()).isPositive();
            List<SessionInfo> sessions = server.postmaster().sessions().sessions();
            assertThat(sessions).singleElement().satisfies(s -> {
                assertThat(s.pid()).isEqualTo(c.unwrap(PGConnection.class).getBackendPID());
                assertThat(s.user()).isEqualTo("postgres");
                assertThat(s.database()).isEqualTo("postgres");
                assertThat(s.applicationName()).isEqualTo("PostgreSQL JDBC Driver");
                assertThat(s.clientAddress()).isEqualTo("127.0.0.1");
                assertThat(s.state()).isEqualTo("idle");
            });
        }
    }

    @Test
    void wrongPasswordIs28P01() {
        try (TestServer server = TestServer.start(Clients.rules("host all all 127.0.0.1/32 scram-sha-256"), "secret", 10)) {
            assertThatThrownBy(() -> Clients.connect(server, "postgres", "wrong"))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("28P01"))
                    .hasMessageContaining("password authentication failed for user \"postgres\"");
            assertThat(server.postmaster().sessions().size()).isZero();
        }
    }

    @Test
    void unknownRoleUnderScramFailsLikeAWrongPassword() {
        try (TestServer server = TestServer.start(Clients.rules("host all all 127.0.0.1/32 scram-sha-256"), "secret", 10)) {
            assertThatThrownBy(() -> Clients.connect(server, "nobody", "secret"))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("28P01"))
                    .hasMessageContaining("password authentication failed for user \"nobody\"");
        }
    }

    @Test
    void roleWithoutPasswordCannotLogInWithOne() {
        try (TestServer server = TestServer.start(Clients.rules("host all all 127.0.0.1/32 scram-sha-256"), null, 10)) {
            assertThatThrownBy(() -> Clients.connect(server, "postgres", "anything"))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("28P01"))
                    .hasMessageContaining("password authentication failed for user \"postgres\"");
        }
    }

    @Test
    void md5RunsScramAgainstTheStoredVerifier() throws Exception {
        try (TestServer server = TestServer.start(Clients.rules("host all all 127.0.0.1/32 md5"), "secret", 10);
             Connection c = Clients.connect(server, "postgres", "secret")) {
            assertThat(c.isClosed()).isFalse();
        }
    }

    @Test
    void cleartextPasswordMethod() throws Exception {
        try (TestServer server = TestServer.start(Clients.rules("host all all 127.0.0.1/32 password"), "secret", 10)) {
            try (Connection c = Clients.connect(server, "postgres", "secret")) {
                assertThat(c.isClosed()).isFalse();
            }
            assertThatThrownBy(() -> Clients.connect(server, "postgres", "nope"))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("28P01"));
        }
    }

    @Test
    void trustWithUnknownRoleIs28000() {
        try (TestServer server = TestServer.start()) {
            assertThatThrownBy(() -> Clients.connect(server, "nobody", null))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("28000"))
                    .hasMessageContaining("role \"nobody\" does not exist");
        }
    }

    @Test
    void unknownDatabaseIs3D000AndTemplate0Refuses() {
        try (TestServer server = TestServer.start()) {
            assertThatThrownBy(() -> Clients.connect(server, "nodb", "postgres", null, new Properties()))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("3D000"))
                    .hasMessageContaining("database \"nodb\" does not exist");
            assertThatThrownBy(() -> Clients.connect(server, "template0", "postgres", null, new Properties()))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("55000"))
                    .hasMessageContaining("database \"template0\" is not currently accepting connections");
        }
    }

    @Test
    void tooManyClientsIs53300() throws Exception {
        try (TestServer server = TestServer.start(Clients.rules("host all all 127.0.0.1/32 trust"), "secret", 1);
             Connection first = Clients.connect(server, "postgres", null)) {
            assertThatThrownBy(() -> Clients.connect(server, "postgres", null))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("53300"))
                    .hasMessageContaining("sorry, too many clients already");
            first.close();
            // the slot is free again once the first session has gone
            long deadline = System.currentTimeMillis() + 5000;
            while (server.postmaster().sessions().size() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            try (Connection again = Clients.connect(server, "postgres", null)) {
                assertThat(again.isClosed()).isFalse();
            }
        }
    }

    @Test
    void noMatchingHbaLineIs28000() {
        try (TestServer server = TestServer.start(Clients.rules("hostssl all all all trust",
                "host all other 127.0.0.1/32 trust"), "secret", 10)) {
            assertThatThrownBy(() -> Clients.connect(server, "postgres", null))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("28000"))
                    .hasMessageContaining("no pg_hba.conf entry for host \"127.0.0.1\", user \"postgres\", "
                            + "database \"postgres\", no encryption");
        }
    }

    @Test
    void rejectLine() {
        try (TestServer server = TestServer.start(Clients.rules("host all all 127.0.0.1/32 reject"), "secret", 10)) {
            assertThatThrownBy(() -> Clients.connect(server, "postgres", null))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("28000"))
                    .hasMessageContaining("pg_hba.conf rejects connection for host \"127.0.0.1\"");
        }
    }

    @Test
    void startupOptionsBecomeSessionSettings() throws Exception {
        Properties p = new Properties();
        p.setProperty("options", "-c DateStyle=German");
        p.setProperty("ApplicationName", "myapp");
        try (TestServer server = TestServer.start();
             Connection c = Clients.connect(server, "postgres", "postgres", null, p)) {
            PgConnection pg = c.unwrap(PgConnection.class);
            assertThat(pg.getParameterStatus("application_name")).isEqualTo("myapp");
        }
    }

    @Test
    void unknownStartupParameterIsFatal42704() {
        Properties p = new Properties();
        p.setProperty("options", "-c no_such_thing=1");
        try (TestServer server = TestServer.start()) {
            assertThatThrownBy(() -> Clients.connect(server, "postgres", "postgres", null, p))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42704"))
                    .hasMessageContaining("unrecognized configuration parameter \"no_such_thing\"");
        }
    }

    @Test
    void serverDefaultsApplyToNewSessions() throws Exception {
        try (TestServer server = TestServer.start()) {
            server.postmaster().setServerDefaults(java.util.Map.of("TimeZone", "Europe/Berlin", "statement_timeout", "5s"));
            try (Connection c = Clients.connect(server, "postgres", "postgres", null, new Properties());
                 java.sql.Statement s = c.createStatement();
                 java.sql.ResultSet r = s.executeQuery("SHOW statement_timeout")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo("5s");
            }
            assertThatThrownBy(() -> server.postmaster().setServerDefaults(java.util.Map.of("DateStyle", "nonsense")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DateStyle");
        }
    }
}
