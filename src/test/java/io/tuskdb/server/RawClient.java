package io.tuskdb.server;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A test client speaking raw protocol bytes: frames messages and reads replies, to test bad input. */
final class RawClient implements AutoCloseable {
    /** One backend message: its type and body. */
    record Msg(char type, byte[] body) {
        /** ErrorResponse/NoticeResponse fields by code. */
        Map<Character, String> fields() {
            Map<Character, String> out = new LinkedHashMap<>();
            int i = 0;
            while (i < body.length && body[i] != 0) {
                char code = (char) body[i++];
                int end = i;
                while (body[end] != 0) {
                    end++;
                }
                out.put(code, new String(body, i, end - i, StandardCharsets.UTF_8));
                i = end + 1;
            }
            return out;
        }

        int int32(int at) {
            return ((body[at] & 0xFF) << 24) | ((body[at + 1] & 0xFF) << 16) | ((body[at + 2] & 0xFF) << 8)
                    | (body[at + 3] & 0xFF);
        }
    }

    private final Socket socket;
    final DataInputStream in;
    final DataOutputStream out;

    RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = new DataOutputStream(socket.getOutputStream());
    }

    void sendStartup(int version, String... keyValues) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        d.writeInt(version);
        for (String s : keyValues) {
            d.write(s.getBytes(StandardCharsets.UTF_8));
            d.write(0);
        }
        d.write(0);
        out.writeInt(body.size() + 4);
        out.write(body.toByteArray());
        out.flush();
    }

    /** Startup as user over a trust rule; reads until the first ReadyForQuery. */
    List<Msg> login(String user, String database) throws IOException {
        sendStartup(196608, "user", user, "database", database);
        return readUntilReady();
    }

    void send(char type, byte[] body) throws IOException {
        out.write(type);
        out.writeInt(body.length + 4);
        out.write(body);
        out.flush();
    }

    void raw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    static byte[] cstrings(String... strings) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String s : strings) {
            b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            b.write(0);
        }
        return b.toByteArray();
    }

    void query(String sql) throws IOException {
        send('Q', cstrings(sql));
    }

    void sync() throws IOException {
        send('S', new byte[0]);
    }

    /** The next message, or null at end of stream. */
    Msg read() throws IOException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        int length = in.readInt();
        byte[] body = new byte[length - 4];
        in.readFully(body);
        return new Msg((char) type, body);
    }

    int readByte() throws IOException {
        return in.read();
    }

    List<Msg> readUntilReady() throws IOException {
        List<Msg> out = new ArrayList<>();
        while (true) {
            Msg m = read();
            if (m == null) {
                return out;
            }
            out.add(m);
            if (m.type() == 'Z' || m.type() == 'E' && "FATAL".equals(m.fields().get('V'))) {
                return out;
            }
        }
    }

    /** True when the server closed the connection (EOF). */
    boolean closedByServer() throws IOException {
        try {
            while (true) {
                Msg m = read();
                if (m == null) {
                    return true;
                }
            }
        } catch (EOFException e) {
            return true;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
