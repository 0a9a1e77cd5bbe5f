package io.tuskdb.protocol;

import io.tuskdb.error.Errors;
import io.tuskdb.error.PgException;

import java.nio.charset.StandardCharsets;

/**
 * A received message's contents, read as PostgreSQL's {@code pq_getmsg*} functions do
 * (src/backend/libpq/pqformat.c): reading past the end is {@code 08P01 insufficient data left in message},
 * a string without its terminator is {@code 08P01 invalid string in message}, leftover bytes are
 * {@code 08P01 invalid message format}.
 */
public final class MessageBody {
    private final byte[] data;
    private int position;

    public MessageBody(byte[] data) {
        this.data = data;
    }

    public int remaining() {
        return data.length - position;
    }

    public byte getByte() {
        need(1);
        return data[position++];
    }

    public short getInt16() {
        need(2);
        short v = (short) (((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF));
        position += 2;
        return v;
    }

    public int getInt32() {
        need(4);
        int v = ((data[position] & 0xFF) << 24) | ((data[position + 1] & 0xFF) << 16)
                | ((data[position + 2] & 0xFF) << 8) | (data[position + 3] & 0xFF);
        position += 4;
        return v;
    }

    public byte[] getBytes(int length) {
        if (length < 0) {
            throw insufficientData();
        }
        need(length);
        byte[] out = new byte[length];
        System.arraycopy(data, position, out, 0, length);
        position += length;
        return out;
    }

    /** A null-terminated string in the client encoding (UTF8). */
    public String getString() {
        int end = position;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        if (end >= data.length) {
            throw Errors.protocolViolation("invalid string in message");
        }
        String s = new String(data, position, end - position, StandardCharsets.UTF_8);
        position = end + 1;
        return s;
    }

    /** The rest of the message as bytes. */
    public byte[] getRest() {
        return getBytes(remaining());
    }

    /** pq_getmsgend: the message must be fully consumed. */
    public void end() {
        if (position != data.length) {
            throw Errors.protocolViolation("invalid message format");
        }
    }

    private void need(int n) {
        if (n > data.length - position) {
            throw insufficientData();
        }
    }

    private static PgException insufficientData() {
        return Errors.protocolViolation("insufficient data left in message");
    }
}
