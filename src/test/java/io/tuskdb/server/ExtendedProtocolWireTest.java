package io.tuskdb.server;

import io.tuskdb.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wire-level golden tests: message sequences sent, replies expected, where every expectation is what PostgreSQL 15
 * answered to the same bytes. Replies are summarised as "type" or "type:detail" ("C:SELECT 1", "E:08P01:...",
 * "D:42", "Z:I").
 */
class ExtendedProtocolWireTest {
    private TestServer server;
    private RawClient client;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
        client = new RawClient(server.port());
        client.login("postgres", "postgres");
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    // ---------------------------------------------------------------- message builders

    private static byte[] parse(String name, String sql, int... types) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.write(RawClient.cstrings(name, sql));
        d.writeShort(types.length);
        for (int t : types) {
            d.writeInt(t);
        }
        return frame('P', b.toByteArray());
    }

    private static byte[] bind(String portal, String statement, short[] formats, String[] params, short[] results)
            throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.write(RawClient.cstrings(portal, statement));
        d.writeShort(formats.length);
        for (short f : formats) {
            d.writeShort(f);
        }
        d.writeShort(params.length);
        for (String p : params) {
            if (p == null) {
                d.writeInt(-1);
            } else {
                byte[] bytes = p.getBytes(StandardCharsets.UTF_8);
                d.writeInt(bytes.length);
                d.write(bytes);
            }
        }
        d.writeShort(results.length);
        for (short f : results) {
            d.writeShort(f);
        }
        return frame('B', b.toByteArray());
    }

    private static byte[] bind(String portal, String statement, String... params) throws IOException {
        return bind(portal, statement, new short[0], params, new short[0]);
    }

    private static byte[] execute(String portal, int maxRows) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.write(RawClient.cstrings(portal));
        d.writeInt(maxRows);
        return frame('E', b.toByteArray());
    }

    private static byte[] describe(char kind, String name) {
        return frame('D', concat(new byte[] {(byte) kind}, RawClient.cstrings(name)));
    }

    private static byte[] close(char kind, String name) {
        return frame('C', concat(new byte[] {(byte) kind}, RawClient.cstrings(name)));
    }

    private static byte[] query(String sql) {
        return frame('Q', RawClient.cstrings(sql));
    }

    private static final byte[] SYNC = frame('S', new byte[0]);

    private static byte[] frame(char type, byte[] body) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(type);
        b.write(body.length + 4 >>> 24);
        b.write(body.length + 4 >>> 16);
        b.write(body.length + 4 >>> 8);
        b.write(body.length + 4);
        b.writeBytes(body);
        return b.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Sends the messages in one write and returns the summarised replies up to ReadyForQuery. */
    private List<String> exchange(byte[]... messages) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] m : messages) {
            all.writeBytes(m);
        }
        client.raw(all.toByteArray());
        return replies();
    }

    /** The next replies up to ReadyForQuery, summarised. */
    private List<String> replies() throws IOException {
        List<String> out = new ArrayList<>();
        for (RawClient.Msg m : client.readUntilReady()) {
            out.add(switch (m.type()) {
                case 'E', 'N' -> m.type() + ":" + m.fields().get('C') + ":" + m.fields().get('M');
                case 'C' -> "C:" + new String(m.body(), 0, m.body().length - 1, StandardCharsets.UTF_8);
                case 'Z' -> "Z:" + (char) m.body()[0];
                case 'D' -> "D:" + dataRow(m.body());
                default -> String.valueOf(m.type());
            });
        }
        return out;
    }

    private static String dataRow(byte[] body) {
        StringBuilder sb = new StringBuilder();
        int n = ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
        int at = 2;
        for (int i = 0; i < n; i++) {
            int len = ((body[at] & 0xFF) << 24) | ((body[at + 1] & 0xFF) << 16) | ((body[at + 2] & 0xFF) << 8)
                    | (body[at + 3] & 0xFF);
            at += 4;
            sb.append(i > 0 ? "|" : "").append(len < 0 ? "NULL" : new String(body, at, len, StandardCharsets.UTF_8));
            at += Math.max(len, 0);
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- scenarios (expectations from PostgreSQL 15)

    @Test
    void parseBindDescribeExecute() throws IOException {
        assertThat(exchange(parse("s", "SELECT $1::int + 1"), describe('S', "s"), bind("", "s", "41"),
                execute("", 0), SYNC))
                .containsExactly("1", "t", "T", "2", "D:42", "C:SELECT 1", "Z:I");
        // a finished portal executed again returns no more rows
        assertThat(exchange(parse("", "SELECT 1"), bind("", ""), execute("", 0), execute("", 0), SYNC))
                .containsExactly("1", "2", "D:1", "C:SELECT 1", "C:SELECT 0", "Z:I");
    }

    @Test
    void rowLimitSuspendsThePortal() throws IOException {
        assertThat(exchange(query("BEGIN"))).containsExactly("C:BEGIN", "Z:T");
        assertThat(exchange(parse("", "SELECT 1 UNION ALL SELECT 2"), bind("p", ""), execute("p", 1),
                execute("p", 1), execute("p", 1), execute("p", 1), SYNC))
                .containsExactly("1", "2", "D:1", "s", "D:2", "s", "C:SELECT 0", "C:SELECT 0", "Z:T");
        assertThat(exchange(query("COMMIT"))).containsExactly("C:COMMIT", "Z:I");
    }

    @Test
    void bindErrors() throws IOException {
        exchange(parse("s", "SELECT $1::int + 1"), SYNC);
        assertThat(exchange(bind("", "s", new short[] {0, 0}, new String[] {"41"}, new short[0]), SYNC))
                .containsExactly("E:08P01:bind message has 2 parameter formats but 1 parameters", "Z:I");
        assertThat(exchange(bind("", "s", "x"), SYNC))
                .containsExactly("E:22P02:invalid input syntax for type integer: \"x\"", "Z:I");
        assertThat(exchange(bind("", "s", new short[] {2}, new String[] {"1"}, new short[0]), SYNC))
                .containsExactly("E:22023:unsupported format code: 2", "Z:I");
        assertThat(exchange(bind("", "s", new short[0], new String[] {"1"}, new short[] {0, 0}), SYNC))
                .containsExactly("E:08P01:bind message has 2 result formats but query has 1 columns", "Z:I");
        assertThat(exchange(parse("", "SELECT $1::int"), bind("", ""), SYNC)).containsExactly("1",
                "E:08P01:bind message supplies 0 parameters, but prepared statement \"\" requires 1", "Z:I");
        assertThat(exchange(bind("", "s", (String) null), describe('P', ""), execute("", 0), SYNC))
                .containsExactly("2", "T", "D:NULL", "C:SELECT 1", "Z:I");
    }

    @Test
    void statementsPortalsAndTheirNames() throws IOException {
        assertThat(exchange(parse("s1", "SELECT 1"), parse("s1", "SELECT 2"), SYNC))
                .containsExactly("1", "E:42P05:prepared statement \"s1\" already exists", "Z:I");
        assertThat(exchange(parse("", "SELECT 1; SELECT 2"), SYNC))
                .containsExactly("E:42601:cannot insert multiple commands into a prepared statement", "Z:I");
        assertThat(exchange(parse("", ""), bind("", ""), describe('P', ""), execute("", 0), SYNC))
                .containsExactly("1", "2", "n", "I", "Z:I");
        // portals end with their transaction
        assertThat(exchange(parse("s2", "SELECT 1"), bind("p", "s2"), SYNC, execute("p", 0), SYNC))
                .containsExactly("1", "2", "Z:I");
        assertThat(replies()).containsExactly("E:34000:portal \"p\" does not exist", "Z:I");
        assertThat(exchange(close('S', "nope"), close('P', "nope"), SYNC)).containsExactly("3", "3", "Z:I");
    }

    @Test
    void transactionBlocksOverTheWire() throws IOException {
        assertThat(exchange(query(""))).containsExactly("I", "Z:I");
        assertThat(exchange(query("COMMIT")))
                .containsExactly("N:25P01:there is no transaction in progress", "C:COMMIT", "Z:I");
        assertThat(exchange(query("SELECT 1; COMMIT; SELECT 2"))).containsExactly("T", "D:1", "C:SELECT 1",
                "N:25P01:there is no transaction in progress", "C:COMMIT", "T", "D:2", "C:SELECT 1", "Z:I");
        assertThat(exchange(query("BEGIN; SELECT 1"))).containsExactly("C:BEGIN", "T", "D:1", "C:SELECT 1", "Z:T");
        assertThat(exchange(parse("", "SELECT * FROM nope"), bind("", ""), execute("", 0), SYNC))
                .containsExactly("E:42P01:relation \"nope\" does not exist", "Z:E");
        assertThat(exchange(parse("", "SELECT 1"), SYNC)).containsExactly(
                "E:25P02:current transaction is aborted, commands ignored until end of transaction block", "Z:E");
        assertThat(exchange(parse("", "ROLLBACK"), bind("", ""), execute("", 0), SYNC))
                .containsExactly("1", "2", "C:ROLLBACK", "Z:I");
        assertThat(exchange(query("SET LOCAL statement_timeout = 1")))
                .containsExactly("N:25P01:SET LOCAL can only be used in transaction blocks", "C:SET", "Z:I");
        assertThat(exchange(query("SELECT pg_cancel_backend(1)")))
                .containsExactly("T", "N:01000:PID 1 is not a PostgreSQL backend process", "D:f", "C:SELECT 1",
                        "Z:I");
    }
}
