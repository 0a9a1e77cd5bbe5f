package io.tuskdb.server;

import org.junit.jupiter.api.Test;
import io.tuskdb.testing.TestServer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PostgreSQL's shutdown modes as clients see them. */
class ShutdownTest {

    @Test
    void fastShutdownSendsAdminShutdownToIdleSessions() throws Exception {
        TestServer server = TestServer.start();
        try (RawClient c = new RawClient(server.port())) {
            c.login("postgres", "postgres");
            server.postmaster().shutdown(ShutdownMode.FAST);
            RawClient.Msg m = c.read();
            assertThat(m.type()).isEqualTo('E');
            assertThat(m.fields()).containsEntry('S', "FATAL").containsEntry('C', "57P01")
                    .containsEntry('M', "terminating connection due to administrator command");
            assertThat(c.closedByServer()).isTrue();
            assertThat(server.postmaster().isRunning()).isFalse();
            assertThat(server.postmaster().sessions().size()).isZero();
        } finally {
            server.close();
        }
    }

    @Test
    void smartShutdownRefusesNewConnectionsThenTurnsFast() throws Exception {
        TestServer server = TestServer.start(Clients.rules("host all all 127.0.0.1/32 trust"), null, 10);
        try (RawClient old = new RawClient(server.port())) {
            old.login("postgres", "postgres");
            Thread stopper = Thread.ofPlatform().start(() -> server.postmaster().shutdown(ShutdownMode.SMART));
            long deadline = System.currentTimeMillis() + 5000;
            SQLException refused = null;
            while (refused == null && System.currentTimeMillis() < deadline) {
                try (Connection c = Clients.connect(server, "postgres", null)) {
                    Thread.sleep(5); // shutdown not begun yet
                } catch (SQLException e) {
                    refused = e;
                }
            }
            assertThat((Object) refused).isNotNull();
            assertThat(refused.getSQLState()).isEqualTo("57P03");
            assertThat(refused.getMessage()).contains("the database system is shutting down");
            // the old session was left alone until the timeout, then told to go
            RawClient.Msg m = old.read();
            assertThat(m.fields()).containsEntry('C', "57P01");
            stopper.join(10_000);
            assertThat(server.postmaster().isRunning()).isFalse();
        } finally {
            server.close();
        }
    }

    @Test
    void immediateShutdownClosesSockets() throws Exception {
        TestServer server = TestServer.start();
        try (RawClient c = new RawClient(server.port())) {
            c.login("postgres", "postgres");
            server.postmaster().shutdown(ShutdownMode.IMMEDIATE);
            assertThat(c.closedByServer()).isTrue();
            assertThatThrownBy(() -> Clients.connect(server, "postgres", null)).isInstanceOf(SQLException.class);
        } finally {
            server.close();
        }
    }

    @Test
    void registryTerminateEndsOneSession() throws Exception {
        try (TestServer server = TestServer.start();
             RawClient victim = new RawClient(server.port());
             RawClient other = new RawClient(server.port())) {
            victim.login("postgres", "postgres");
            other.login("postgres", "postgres");
            List<SessionInfo> sessions = server.postmaster().sessions().sessions();
            assertThat(sessions).hasSize(2);
            int victimPid = sessions.get(0).pid();
            assertThat(server.postmaster().sessions().terminate(victimPid)).isTrue();
            assertThat(server.postmaster().sessions().terminate(-5)).isFalse();
            long deadline = System.currentTimeMillis() + 5000;
            while (server.postmaster().sessions().size() > 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(server.postmaster().sessions().sessions()).extracting(SessionInfo::pid)
                    .doesNotContain(victimPid).hasSize(1);
        }
    }

    @Test
    void idleInTransactionTimeoutEndsTheSession() throws Exception {
        try (TestServer server = TestServer.start(); RawClient c = new RawClient(server.port())) {
            c.login("postgres", "postgres");
            c.query("SET idle_in_transaction_session_timeout = '150ms'");
            c.readUntilReady();
            c.query("BEGIN");
            assertThat(c.readUntilReady()).last().satisfies(z -> assertThat(z.body()[0]).isEqualTo((byte) 'T'));
            RawClient.Msg m = c.read();
            assertThat(m.fields()).containsEntry('S', "FATAL").containsEntry('C', "25P03")
                    .containsEntry('M', "terminating connection due to idle-in-transaction timeout");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void idleSessionTimeoutOutsideTransactions() throws Exception {
        try (TestServer server = TestServer.start(); RawClient c = new RawClient(server.port())) {
            c.login("postgres", "postgres");
            c.query("SET idle_session_timeout = '150ms'");
            c.readUntilReady();
            RawClient.Msg m = c.read();
            assertThat(m.fields()).containsEntry('C', "57P05")
                    .containsEntry('M', "terminating connection due to idle-session timeout");
        }
    }

    @Test
    void fastShutdownReachesASessionInsideCopyIn() throws Exception {
        TestServer server = TestServer.start();
        try (RawClient c = new RawClient(server.port())) {
            c.login("postgres", "postgres");
            c.query("CREATE TABLE c (a int)");
            c.readUntilReady();
            c.query("COPY c FROM STDIN");
            assertThat(c.read().type()).isEqualTo('G');
            c.send('d', "1\n".getBytes());
            server.postmaster().shutdown(ShutdownMode.FAST);
            RawClient.Msg m = c.read();
            assertThat(m.fields()).containsEntry('C', "57P01");
            assertThat(c.closedByServer()).isTrue();
        } finally {
            server.close();
        }
    }
}
