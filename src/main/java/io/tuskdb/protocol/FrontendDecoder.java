package io.tuskdb.protocol;

import io.tuskdb.error.PgException;
import io.tuskdb.error.Severity;
import io.tuskdb.error.SqlState;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads startup packets and typed messages from a connection's input, with PostgreSQL's limits and errors
 * (ProcessStartupPacket in postmaster.c, SocketBackend in postgres.c, pq_getmessage in pqcomm.c).
 * Framing errors (bad lengths, unknown types) are FATAL: the stream can no longer be trusted. Errors in a message's
 * contents are ERRORs; the session skips to the next Sync.
 */
public final class FrontendDecoder {
    /** MAX_STARTUP_PACKET_LENGTH */
    public static final int MAX_STARTUP_PACKET_LENGTH = 10000;
    /** PQ_SMALL_MESSAGE_LIMIT */
    static final int SMALL_MESSAGE_LIMIT = 10000;
    /** PQ_LARGE_MESSAGE_LIMIT (MaxAllocSize - 1) */
    static final int LARGE_MESSAGE_LIMIT = 0x3fffffff - 1;
    /** PG_MAX_AUTH_TOKEN_LENGTH */
    static final int MAX_AUTH_TOKEN_LENGTH = 65535;

    public static final int SSL_REQUEST_CODE = 80877103;
    public static final int GSSENC_REQUEST_CODE = 80877104;
    public static final int CANCEL_REQUEST_CODE = 80877102;

    private final InputStream in;
    private char lastType;

    public FrontendDecoder(InputStream in) {
        this.in = in;
    }

    /** The next startup packet, or null when the client closed the connection before sending one. */
    public FrontendMessage readStartupPacket() throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        int length = (first << 24) | (readByte() << 16) | (readByte() << 8) | readByte();
        if (length < 8 || length > MAX_STARTUP_PACKET_LENGTH) {
            throw fatal("invalid length of startup packet");
        }
        byte[] body = readFully(length - 4);
        MessageBody b = new MessageBody(body);
        int code = b.getInt32();
        switch (code) {
            case SSL_REQUEST_CODE -> {
                return new FrontendMessage.SslRequest();
            }
            case GSSENC_REQUEST_CODE -> {
                return new FrontendMessage.GssEncRequest();
            }
            case CANCEL_REQUEST_CODE -> {
                if (b.remaining() < 8) {
                    throw fatal("invalid length of startup packet");
                }
                return new FrontendMessage.CancelRequest(b.getInt32(), b.getInt32());
            }
            default -> {
                int major = code >>> 16;
                int minor = code & 0xFFFF;
                Map<String, String> parameters = new LinkedHashMap<>();
                if (major >= 3) {
                    // A list of name/value pairs ended by an empty name (the packet's last byte).
                    try {
                        while (true) {
                            String name = b.getString();
                            if (name.isEmpty()) {
                                break;
                            }
                            parameters.put(name, b.getString());
                        }
                    } catch (PgException e) {
                        throw fatal("invalid startup packet layout: expected terminator as last byte");
                    }
                    if (b.remaining() != 0) {
                        throw fatal("invalid startup packet layout: expected terminator as last byte");
                    }
                }
                return new FrontendMessage.StartupMessage(major, minor, parameters);
            }
        }
    }

    /**
     * The next typed message, or null on a clean end of stream. {@code authentication} applies the smaller limit
     * PostgreSQL applies to 'p' messages during authentication.
     */
    public FrontendMessage readMessage(boolean authentication) throws IOException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        int limit = switch (type) {
            case 'Q', 'P', 'B', 'd', 'F' -> LARGE_MESSAGE_LIMIT;
            case 'p' -> authentication ? MAX_AUTH_TOKEN_LENGTH : LARGE_MESSAGE_LIMIT;
            case 'D', 'E', 'C', 'H', 'S', 'X', 'c', 'f' -> SMALL_MESSAGE_LIMIT;
            default -> throw fatal("invalid frontend message type " + type);
        };
        int length = (readByte() << 24) | (readByte() << 16) | (readByte() << 8) | readByte();
        if (length < 4 || length > limit) {
            throw fatal("invalid message length");
        }
        MessageBody b = new MessageBody(readFully(length - 4));
        lastType = (char) type;
        return decode((char) type, b);
    }

    /**
     * The type byte of the last message read: when its contents were malformed (an ERROR), the session needs it
     * to know whether to answer with ReadyForQuery ('Q') or skip to Sync (extended-protocol messages).
     */
    public char lastMessageType() {
        return lastType;
    }

    private static FrontendMessage decode(char type, MessageBody b) {
        FrontendMessage message = switch (type) {
            case 'Q' -> new FrontendMessage.Query(b.getString());
            case 'P' -> {
                String name = b.getString();
                String sql = b.getString();
                int n = b.getInt16() & 0xFFFF;
                int[] types = new int[n];
                for (int i = 0; i < n; i++) {
                    types[i] = b.getInt32();
                }
                yield new FrontendMessage.Parse(name, sql, types);
            }
            case 'B' -> decodeBind(b);
            case 'D' -> new FrontendMessage.Describe((char) b.getByte(), b.getString());
            case 'E' -> new FrontendMessage.Execute(b.getString(), b.getInt32());
            case 'C' -> new FrontendMessage.Close((char) b.getByte(), b.getString());
            case 'S' -> new FrontendMessage.Sync();
            case 'H' -> new FrontendMessage.Flush();
            case 'X' -> new FrontendMessage.Terminate();
            case 'd' -> new FrontendMessage.CopyData(b.getRest());
            case 'c' -> new FrontendMessage.CopyDone();
            case 'f' -> new FrontendMessage.CopyFail(b.getString());
            case 'p' -> new FrontendMessage.PasswordMessage(b.getRest());
            case 'F' -> {
                b.getRest();
                yield new FrontendMessage.FunctionCall();
            }
            default -> throw fatal("invalid frontend message type " + (int) type);
        };
        b.end();
        return message;
    }

    private static FrontendMessage decodeBind(MessageBody b) {
        String portal = b.getString();
        String statement = b.getString();
        int nFormats = b.getInt16() & 0xFFFF;
        short[] formats = new short[nFormats];
        for (int i = 0; i < nFormats; i++) {
            formats[i] = b.getInt16();
        }
        int nParams = b.getInt16() & 0xFFFF;
        byte[][] params = new byte[nParams][];
        for (int i = 0; i < nParams; i++) {
            int len = b.getInt32();
            params[i] = len == -1 ? null : b.getBytes(len);
        }
        int nResult = b.getInt16() & 0xFFFF;
        short[] resultFormats = new short[nResult];
        for (int i = 0; i < nResult; i++) {
            resultFormats[i] = b.getInt16();
        }
        return new FrontendMessage.Bind(portal, statement, formats, params, resultFormats);
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    private byte[] readFully(int n) throws IOException {
        byte[] out = in.readNBytes(n);
        if (out.length != n) {
            throw new EOFException();
        }
        return out;
    }

    static PgException fatal(String message) {
        return new PgException(SqlState.PROTOCOL_VIOLATION, Severity.FATAL, message, null, null, 0, null, null, null,
                null, null);
    }
}
