package io.tuskdb.sql;

import io.tuskdb.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CommandComplete tags, read off the wire (pgjdbc does not expose them): a minimal simple-query client. Expected
 * tags are PostgreSQL 15's for the same statements.
 */
class CommandTagTest {

    @Test
    void transactionStatementsReportTheFormWritten() throws IOException {
        try (TestServer server = TestServer.start(); Wire wire = new Wire(server.port())) {
            assertThat(wire.tags("START TRANSACTION")).containsExactly("START TRANSACTION");
            assertThat(wire.tags("COMMIT")).containsExactly("COMMIT");
            assertThat(wire.tags("START TRANSACTION ISOLATION LEVEL REPEATABLE READ")).containsExactly("START TRANSACTION");
            assertThat(wire.tags("ROLLBACK")).containsExactly("ROLLBACK");
            assertThat(wire.tags("BEGIN WORK")).containsExactly("BEGIN");
            assertThat(wire.tags("END")).containsExactly("COMMIT");
        }
    }

    @Test
    void onlyColumnReferencesAsWrittenHaveATableOrigin() throws IOException {
        try (TestServer server = TestServer.start(); Wire wire = new Wire(server.port())) {
            wire.tags("CREATE TABLE o (id int, v text)");
            // PostgreSQL's markTargetListOrigins runs before planning: a CASE the planner folds to v has no origin
            assertThat(wire.tags("SELECT v, CASE WHEN true THEN v END, coalesce(v) FROM o"))
                    .containsExactly("T v:true:2 case:false:0 coalesce:false:0", "SELECT 0");
        }
    }

    @Test
    void simpleQueriesReportTheirFirstParameterReference() throws IOException {
        try (TestServer server = TestServer.start(); Wire wire = new Wire(server.port())) {
            assertThat(wire.tags("SELECT $1")).containsExactly("ERROR 42P02 there is no parameter $1 at 8");
            // the position counts from the start of the query string, the statement's own offset included
            assertThat(wire.tags("SELECT 1; SELECT 2 + $1")).containsExactly("T ?column?:false:0", "SELECT 1",
                    "ERROR 42P02 there is no parameter $1 at 22");
        }
    }

    /** Startup as postgres (trust), then simple queries; collects the CommandComplete tags until ReadyForQuery. */
    static final class Wire implements AutoCloseable {
        private final Socket socket;
        private final DataInputStream in;
        private final DataOutputStream out;

        Wire(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            in = new DataInputStream(socket.getInputStream());
            out = new DataOutputStream(socket.getOutputStream());
            byte[] params = "user\0postgres\0database\0postgres\0\0".getBytes(StandardCharsets.UTF_8);
            out.writeInt(8 + params.length);
            out.writeInt(196608);
            out.write(params);
            out.flush();
            readUntilReady();
        }

        List<String> tags(String sql) throws IOException {
            byte[] text = (sql + "\0").getBytes(StandardCharsets.UTF_8);
            out.writeByte('Q');
            out.writeInt(4 + text.length);
            out.write(text);
            out.flush();
            return readUntilReady();
        }

        private List<String> readUntilReady() throws IOException {
            List<String> tags = new ArrayList<>();
            while (true) {
                int type = in.readUnsignedByte();
                byte[] body = new byte[in.readInt() - 4];
                in.readFully(body);
                switch (type) {
                    case 'C' -> tags.add(new String(body, 0, body.length - 1, StandardCharsets.UTF_8));
                    case 'E' -> tags.add(errorSummary(body));
                    case 'T' -> tags.add(origins(body));
                    case 'Z' -> {
                        return tags;
                    }
                    default -> {
                    }
                }
            }
        }

        /** "T name:hasTableOid:attnum ...": each RowDescription field's name and whether it has a table origin. */
        private static String origins(byte[] body) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(body);
            StringBuilder out = new StringBuilder("T");
            int fields = b.getShort();
            for (int f = 0; f < fields; f++) {
                int start = b.position();
                while (b.get() != 0) {
                    // the name's bytes
                }
                String name = new String(body, start, b.position() - start - 1, StandardCharsets.UTF_8);
                int table = b.getInt();
                int attnum = b.getShort();
                b.position(b.position() + 12); // type oid, size, typmod, format
                out.append(' ').append(name).append(':').append(table != 0).append(':').append(attnum);
            }
            return out.toString();
        }

        /** "ERROR 42P02 there is no parameter $1 at 8": SQLSTATE, message and position (0 when none). */
        private static String errorSummary(byte[] body) {
            String code = "";
            String message = "";
            String position = "0";
            int i = 0;
            while (i < body.length && body[i] != 0) {
                byte field = body[i++];
                int end = i;
                while (body[end] != 0) {
                    end++;
                }
                String value = new String(body, i, end - i, StandardCharsets.UTF_8);
                switch (field) {
                    case 'C' -> code = value;
                    case 'M' -> message = value;
                    case 'P' -> position = value;
                    default -> {
                    }
                }
                i = end + 1;
            }
            return "ERROR " + code + " " + message + " at " + position;
        }

        @Override
        public void close() throws IOException {
            out.writeByte('X');
            out.writeInt(4);
            out.flush();
            socket.close();
        }
    }
}
