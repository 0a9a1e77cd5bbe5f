package io.tuskdb.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.tuskdb.testing.TestServer;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad bytes on the wire, sent by a raw client: each gets PostgreSQL's error (FATAL where the stream can no longer
 * be trusted) while another connection keeps working and the postmaster keeps accepting.
 */
class ProtocolRobustnessTest {
    TestServer server;
    Connection bystander;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
        bystander = Clients.connect(server, "postgres", null);
    }

    @AfterEach
    void stop() throws Exception {
        // the other session survived whatever the test did
        assertThat(bystander.isClosed()).isFalse();
        try (RawClient check = new RawClient(server.port())) {
            List<RawClient.Msg> login = check.login("postgres", "postgres");
            assertThat(login.get(login.size() - 1).type()).isEqualTo('Z');
        }
        bystander.close();
        server.close();
    }

    private static RawClient.Msg lastError(List<RawClient.Msg> messages) {
        return messages.stream().filter(m -> m.type() == 'E').reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void sslAndGssEncRequestsAreRefusedWithN() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.out.writeInt(8);
            c.out.writeInt(80877103);
            c.out.flush();
            assertThat(c.readByte()).isEqualTo('N');
            c.out.writeInt(8);
            c.out.writeInt(80877104);
            c.out.flush();
            assertThat(c.readByte()).isEqualTo('N');
            List<RawClient.Msg> login = c.login("postgres", "postgres");
            assertThat(login.get(login.size() - 1).type()).isEqualTo('Z');
            assertThat(login.get(login.size() - 1).body()[0]).isEqualTo((byte) 'I');
        }
    }

    @Test
    void garbageStartupPacketIsFatal() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.raw(new byte[] {(byte) 0xFF, 0x13, 0x37, 0x42, 1, 2, 3, 4, 5, 6, 7, 8});
            RawClient.Msg m = c.read();
            assertThat(m.type()).isEqualTo('E');
            assertThat(m.fields()).containsEntry('S', "FATAL").containsEntry('C', "08P01")
                    .containsEntry('M', "invalid length of startup packet");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void protocolTwoIsRefused() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.sendStartup(2 << 16, "user", "postgres");
            RawClient.Msg m = c.read();
            assertThat(m.fields()).containsEntry('C', "0A000")
                    .containsEntry('M', "unsupported frontend protocol 2.0: server supports 3.0 to 3.0");
        }
    }

    @Test
    void missingUserIs28000() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.sendStartup(196608, "database", "postgres");
            RawClient.Msg m = c.read();
            assertThat(m.fields()).containsEntry('C', "28000")
                    .containsEntry('M', "no PostgreSQL user name specified in startup packet");
        }
    }

    @Test
    void newerMinorVersionIsNegotiatedDown() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.sendStartup((3 << 16) | 5, "user", "postgres", "database", "postgres", "_pq_.something", "x");
            List<RawClient.Msg> messages = c.readUntilReady();
            RawClient.Msg negotiate = messages.get(0);
            assertThat(negotiate.type()).isEqualTo('v');
            assertThat(negotiate.int32(0)).isZero();
            assertThat(negotiate.int32(4)).isEqualTo(1);
            assertThat(messages.get(messages.size() - 1).type()).isEqualTo('Z');
        }
    }

    @Test
    void unknownMessageTypeIsFatal() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.login("postgres", "postgres");
            c.send('z', new byte[0]);
            RawClient.Msg m = c.read();
            assertThat(m.fields()).containsEntry('S', "FATAL").containsEntry('C', "08P01")
                    .containsEntry('M', "invalid frontend message type 122");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void badMessageLengthIsFatal() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.login("postgres", "postgres");
            c.raw(new byte[] {'Q', 0, 0, 0, 2});
            RawClient.Msg m = c.read();
            assertThat(m.fields()).containsEntry('S', "FATAL").containsEntry('M', "invalid message length");
            assertThat(c.closedByServer()).isTrue();
        }
        try (RawClient c = new RawClient(server.port())) {
            c.login("postgres", "postgres");
            c.raw(new byte[] {'S', 0x7F, 0, 0, 0}); // Sync claiming 2 GB
            RawClient.Msg m = c.read();
            assertThat(m.fields()).containsEntry('M', "invalid message length");
        }
    }

    @Test
    void truncatedBindIsAnErrorUntilSync() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.login("postgres", "postgres");
            // Bind: portal "", statement "", then a format count promising 5 formats but carrying none.
            c.send('B', new byte[] {0, 0, 0, 5});
            c.send('E', RawClient.cstrings("")); // discarded until Sync
            c.sync();
            List<RawClient.Msg> replies = c.readUntilReady();
            assertThat(replies).extracting(RawClient.Msg::type).containsExactly('E', 'Z');
            assertThat(replies.get(0).fields()).containsEntry('S', "ERROR").containsEntry('C', "08P01")
                    .containsEntry('M', "insufficient data left in message");
            assertThat(replies.get(1).body()[0]).isEqualTo((byte) 'I');
            // still usable
            c.send('C', new byte[] {'S', 'x', 0});
            c.sync();
            assertThat(c.readUntilReady()).extracting(RawClient.Msg::type).containsExactly('3', 'Z');
        }
    }

    @Test
    void unterminatedStringIsInvalidString() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.login("postgres", "postgres");
            c.send('C', new byte[] {'S', 'a', 'b'});
            c.sync();
            List<RawClient.Msg> replies = c.readUntilReady();
            assertThat(lastError(replies).fields()).containsEntry('M', "invalid string in message");
        }
    }

    @Test
    void unknownStatementAndPortal() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.login("postgres", "postgres");
            c.send('D', RawClient.cstrings("Snope"));
            c.sync();
            assertThat(lastError(c.readUntilReady()).fields()).containsEntry('C', "26000")
                    .containsEntry('M', "prepared statement \"nope\" does not exist");
            c.send('E', concat(RawClient.cstrings("nope"), new byte[] {0, 0, 0, 0}));
            c.sync();
            assertThat(lastError(c.readUntilReady()).fields()).containsEntry('C', "34000")
                    .containsEntry('M', "portal \"nope\" does not exist");
            c.send('D', RawClient.cstrings("Xfoo"));
            c.sync();
            assertThat(lastError(c.readUntilReady()).fields()).containsEntry('C', "08P01")
                    .containsEntry('M', "invalid DESCRIBE message subtype 88");
        }
    }

    @Test
    void simpleQueryErrorPositionCountsFromTheWholeString() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.login("postgres", "postgres");
            c.query("SELECT 1;  SELECT * FROM nope");
            List<RawClient.Msg> replies = c.readUntilReady();
            assertThat(replies).extracting(RawClient.Msg::type).containsExactly('T', 'D', 'C', 'E', 'Z');
            assertThat(lastError(replies).fields()).containsEntry('C', "42P01").containsEntry('P', "26");
        }
    }

    @Test
    void absurdlyDeepNestingIsAnErrorNotACrash() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.login("postgres", "postgres");
            c.query("SELECT " + "(".repeat(200_000) + "1" + ")".repeat(200_000));
            List<RawClient.Msg> replies = c.readUntilReady();
            assertThat(lastError(replies).fields()).containsEntry('S', "ERROR").containsEntry('C', "54001");
            assertThat(replies.get(replies.size() - 1).type()).isEqualTo('Z');
            c.query("SELECT 1");
            assertThat(c.readUntilReady()).extracting(RawClient.Msg::type).containsExactly('T', 'D', 'C', 'Z');
        }
    }

    @Test
    void copyInProtocol() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.login("postgres", "postgres");
            c.query("CREATE TABLE c (a int, b text)");
            c.readUntilReady();
            c.query("COPY c FROM STDIN");
            RawClient.Msg response = c.read();
            assertThat(response.type()).isEqualTo('G');
            assertThat(response.body()).containsExactly(0, 0, 2, 0, 0, 0, 0);
            c.send('d', "1\tx\n".getBytes());
            c.send('H', new byte[0]); // Flush and Sync are ignored during COPY IN
            c.sync();
            c.send('d', "2\ty\n".getBytes());
            c.send('c', new byte[0]);
            List<RawClient.Msg> done = c.readUntilReady();
            assertThat(done).extracting(RawClient.Msg::type).containsExactly('C', 'Z');
            assertThat(new String(done.get(0).body())).isEqualTo("COPY 2\0");

            c.query("COPY c FROM STDIN");
            c.read();
            c.send('f', RawClient.cstrings("client gave up"));
            assertThat(lastError(c.readUntilReady()).fields()).containsEntry('C', "57014")
                    .containsEntry('M', "COPY from stdin failed: client gave up");

            c.query("COPY c FROM STDIN");
            c.read();
            c.query("SELECT 1");
            List<RawClient.Msg> lost = new java.util.ArrayList<>();
            for (RawClient.Msg m = c.read(); m != null; m = c.read()) {
                lost.add(m);
            }
            assertThat(lost).extracting(m -> m.fields().get('M')).containsExactly(
                    "unexpected message type 0x51 during COPY from stdin",
                    "terminating connection because protocol synchronization was lost");
            assertThat(lost.get(1).fields()).containsEntry('S', "FATAL");
        }
    }

    @Test
    void vanishedClientsTransactionRollsBack() throws Exception {
        try (java.sql.Statement s = bystander.createStatement()) {
            s.execute("CREATE TABLE v (id int PRIMARY KEY, n int)");
            s.execute("INSERT INTO v VALUES (1, 0)");
        }
        RawClient c = new RawClient(server.port());
        c.login("postgres", "postgres");
        c.query("BEGIN; UPDATE v SET n = 1 WHERE id = 1; INSERT INTO v VALUES (2, 2)");
        assertThat(c.readUntilReady()).last().satisfies(z -> assertThat(z.body()[0]).isEqualTo((byte) 'T'));
        c.close();
        try (java.sql.Statement s = bystander.createStatement()) {
            s.execute("SET lock_timeout = '5s'");
            // the row lock is gone with the session, and so are its writes
            assertThat(s.executeUpdate("UPDATE v SET n = 3 WHERE id = 1")).isEqualTo(1);
            try (java.sql.ResultSet r = s.executeQuery("SELECT count(*) FROM v")) {
                r.next();
                assertThat(r.getLong(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void copyMessagesOutsideCopyAreIgnored() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.login("postgres", "postgres");
            c.send('d', new byte[] {1, 2, 3});
            c.send('c', new byte[0]);
            c.sync();
            assertThat(c.readUntilReady()).extracting(RawClient.Msg::type).containsExactly('Z');
        }
    }

    @Test
    void cancelRequestClosesWithoutReply() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(b);
            d.writeInt(16);
            d.writeInt(80877102);
            d.writeInt(12345);
            d.writeInt(678);
            c.raw(b.toByteArray());
            assertThat(c.read()).isNull();
        }
    }

    @Test
    void clientVanishingMidMessageEndsOnlyItsSession() throws Exception {
        RawClient c = new RawClient(server.port());
        c.login("postgres", "postgres");
        c.raw(new byte[] {'Q', 0, 0, 1, 0, 'S', 'E'});
        c.close();
        long deadline = System.currentTimeMillis() + 5000;
        while (server.postmaster().sessions().size() > 1 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.postmaster().sessions().size()).isEqualTo(1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
