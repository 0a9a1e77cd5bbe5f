package io.tuskdb.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.jdbc.PgConnection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Connection start-up and authentication through pgjdbc, as a client sees them. */
class StartupAuthTest {
    @TempDir
    Path dir;

    private static String sqlState(Throwable t) {
        return ((SQLException) t).getSQLState();
    }

    @Test
    void scramLoginReportsParametersAndBackendKey() throws Exception {
        try (TestServer server = new TestServer(dir, 10, null, "host all all 127.0.0.1/32 scram-sha-256");
             Connection c = server.connect("tusk", "secret")) {
            PgConnection pg = c.unwrap(PgConnection.class);
            assertThat(pg.getParameterStatus("server_version")).isEqualTo("15.15");
            assertThat(pg.getParameterStatus("server_encoding")).isEqualTo("UTF8");
            assertThat(pg.getParameterStatus("client_encoding")).isEqualTo("UTF8");
            assertThat(pg.getParameterStatus("DateStyle")).isEqualTo("ISO, MDY");
            assertThat(pg.getParameterStatus("integer_datetimes")).isEqualTo("on");
            assertThat(pg.getParameterStatus("standard_conforming_strings")).isEqualTo("on");
            assertThat(pg.getParameterStatus("is_superuser")).isEqualTo("on");
            assertThat(pg.getParameterStatus("session_authorization")).isEqualTo("tusk");
            assertThat(pg.getParameterStatus("application_name")).isEqualTo("PostgreSQL JDBC Driver");
            assertThat(c.unwrap(PGConnection.class).getBackendPID()).isPositive();
            List<SessionInfo> sessions = server.postmaster.sessions().sessions();
            assertThat(sessions).singleElement().satisfies(s -> {
                assertThat(s.pid()).isEqualTo(c.unwrap(PGConnection.class).getBackendPID());
                assertThat(s.user()).isEqualTo("tusk");
                assertThat(s.database()).isEqualTo("postgres");
                assertThat(s.applicationName()).isEqualTo("PostgreSQL JDBC Driver");
                assertThat(s.clientAddress()).isEqualTo("127.0.0.1");
                assertThat(s.state()).isEqualTo("idle");
            });
        }
    }

    @Test
    void wrongPasswordIs28P01() {
        try (TestServer server = new TestServer(dir, 10, null, "host all all 127.0.0.1/32 scram-sha-256")) {
            assertThatThrownBy(() -> server.connect("tusk", "wrong"))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("28P01"))
                    .hasMessageContaining("password authentication failed for user \"tusk\"");
            assertThat(server.postmaster.sessions().size()).isZero();
        }
    }

    @Test
    void unknownRoleUnderScramFailsLikeAWrongPassword() {
        try (TestServer server = new TestServer(dir, 10, null, "host all all 127.0.0.1/32 scram-sha-256")) {
            assertThatThrownBy(() -> server.connect("nobody", "secret"))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("28P01"))
                    .hasMessageContaining("password authentication failed for user \"nobody\"");
        }
    }

    @Test
    void md5RunsScramAgainstTheStoredVerifier() throws Exception {
        try (TestServer server = new TestServer(dir, 10, null, "host all all 127.0.0.1/32 md5");
             Connection c = server.connect("tusk", "secret")) {
            assertThat(c.isClosed()).isFalse();
        }
    }

    @Test
    void cleartextPasswordMethod() throws Exception {
        try (TestServer server = new TestServer(dir, 10, null, "host all all 127.0.0.1/32 password")) {
            try (Connection c = server.connect("tusk", "secret")) {
                assertThat(c.isClosed()).isFalse();
            }
            assertThatThrownBy(() -> server.connect("tusk", "nope"))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("28P01"));
        }
    }

    @Test
    void trustWithUnknownRoleIs28000() {
        try (TestServer server = TestServer.trust(dir)) {
            assertThatThrownBy(() -> server.connect("nobody", null))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("28000"))
                    .hasMessageContaining("role \"nobody\" does not exist");
        }
    }

    @Test
    void unknownDatabaseIs3D000AndTemplate0Refuses() {
        try (TestServer server = TestServer.trust(dir)) {
            assertThatThrownBy(() -> server.connect("nodb", "tusk", null, new Properties()))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("3D000"))
                    .hasMessageContaining("database \"nodb\" does not exist");
            assertThatThrownBy(() -> server.connect("template0", "tusk", null, new Properties()))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("55000"))
                    .hasMessageContaining("database \"template0\" is not currently accepting connections");
        }
    }

    @Test
    void tooManyClientsIs53300() throws Exception {
        try (TestServer server = new TestServer(dir, 1, null, "host all all 127.0.0.1/32 trust");
             Connection first = server.connect("tusk", null)) {
            assertThatThrownBy(() -> server.connect("tusk", null))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("53300"))
                    .hasMessageContaining("sorry, too many clients already");
            first.close();
            // the slot is free again once the first session has gone
            long deadline = System.currentTimeMillis() + 5000;
            while (server.postmaster.sessions().size() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            try (Connection again = server.connect("tusk", null)) {
                assertThat(again.isClosed()).isFalse();
            }
        }
    }

    @Test
    void noMatchingHbaLineIs28000() {
        try (TestServer server = new TestServer(dir, 10, null, "hostssl all all all trust",
                "host all other 127.0.0.1/32 trust")) {
            assertThatThrownBy(() -> server.connect("tusk", null))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("28000"))
                    .hasMessageContaining("no pg_hba.conf entry for host \"127.0.0.1\", user \"tusk\", "
                            + "database \"postgres\", no encryption");
        }
    }

    @Test
    void rejectLine() {
        try (TestServer server = new TestServer(dir, 10, null, "host all all 127.0.0.1/32 reject")) {
            assertThatThrownBy(() -> server.connect("tusk", null))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("28000"))
                    .hasMessageContaining("pg_hba.conf rejects connection for host \"127.0.0.1\"");
        }
    }

    @Test
    void startupOptionsBecomeSessionSettings() throws Exception {
        Properties p = new Properties();
        p.setProperty("options", "-c DateStyle=German");
        p.setProperty("ApplicationName", "myapp");
        try (TestServer server = TestServer.trust(dir);
             Connection c = server.connect("postgres", "tusk", null, p)) {
            PgConnection pg = c.unwrap(PgConnection.class);
            assertThat(pg.getParameterStatus("application_name")).isEqualTo("myapp");
        }
    }

    @Test
    void unknownStartupParameterIsFatal42704() {
        Properties p = new Properties();
        p.setProperty("options", "-c no_such_thing=1");
        try (TestServer server = TestServer.trust(dir)) {
            assertThatThrownBy(() -> server.connect("postgres", "tusk", null, p))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42704"))
                    .hasMessageContaining("unrecognized configuration parameter \"no_such_thing\"");
        }
    }
}
