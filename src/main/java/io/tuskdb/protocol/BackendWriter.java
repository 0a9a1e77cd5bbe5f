package io.tuskdb.protocol;

import io.tuskdb.error.PgException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes backend messages into a buffer of its own and writes it to the socket only on {@link #flush()} (at
 * ReadyForQuery, CopyInResponse, a Flush message) or when it grows large, so a query's replies leave in as few
 * packets as possible (PostgreSQL's pq_putmessage/pq_flush split).
 */
public final class BackendWriter {
    /** Past this size the buffer is written out without waiting for a flush point. */
    private static final int WRITE_THRESHOLD = 64 * 1024;

    private final OutputStream out;
    private byte[] buf = new byte[8192];
    private int size;
    private int messageStart;
    /** Whether a message is begun but not ended (the buffer is only written out between messages). */
    private boolean messageOpen;

    public BackendWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes the buffered messages and flushes the socket. */
    public void flush() throws IOException {
        if (size > 0) {
            out.write(buf, 0, size);
            size = 0;
        }
        out.flush();
    }

    /** A single byte with no framing (the answer 'S'/'N' to SSLRequest and GSSENCRequest). */
    public void writeRawByte(char b) throws IOException {
        ensure(1);
        buf[size++] = (byte) b;
        flush();
    }

    public void write(BackendMessage message) throws IOException {
        switch (message) {
            case BackendMessage.AuthenticationOk m -> {
                begin('R');
                int32(0);
            }
            case BackendMessage.AuthenticationCleartextPassword m -> {
                begin('R');
                int32(3);
            }
            case BackendMessage.AuthenticationSasl m -> {
                begin('R');
                int32(10);
                for (String mechanism : m.mechanisms()) {
                    cstring(mechanism);
                }
                int8(0);
            }
            case BackendMessage.AuthenticationSaslContinue m -> {
                begin('R');
                int32(11);
                bytes(m.data());
            }
            case BackendMessage.AuthenticationSaslFinal m -> {
                begin('R');
                int32(12);
                bytes(m.data());
            }
            case BackendMessage.NegotiateProtocolVersion m -> {
                begin('v');
                int32(m.newestMinorVersion());
                int32(m.unrecognizedOptions().size());
                for (String option : m.unrecognizedOptions()) {
                    cstring(option);
                }
            }
            case BackendMessage.ParameterStatus m -> {
                begin('S');
                cstring(m.name());
                cstring(m.value());
            }
            case BackendMessage.BackendKeyData m -> {
                begin('K');
                int32(m.processId());
                int32(m.secretKey());
            }
            case BackendMessage.ReadyForQuery m -> {
                begin('Z');
                int8(m.transactionStatus());
            }
            case BackendMessage.RowDescription m -> {
                begin('T');
                int16(m.fields().size());
                for (BackendMessage.Field f : m.fields()) {
                    cstring(f.name());
                    int32(f.tableOid());
                    int16(f.attnum());
                    int32(f.typeOid());
                    int16(f.typlen());
                    int32(f.typmod());
                    int16(f.format());
                }
            }
            case BackendMessage.DataRow m -> {
                beginDataRow(m.values().length);
                for (byte[] v : m.values()) {
                    value(v);
                }
            }
            case BackendMessage.CommandComplete m -> {
                begin('C');
                cstring(m.tag());
            }
            case BackendMessage.EmptyQueryResponse m -> begin('I');
            case BackendMessage.ErrorResponse m -> {
                begin('E');
                errorFields(m.error());
            }
            case BackendMessage.NoticeResponse m -> {
                begin('N');
                errorFields(m.notice());
            }
            case BackendMessage.ParseComplete m -> begin('1');
            case BackendMessage.BindComplete m -> begin('2');
            case BackendMessage.CloseComplete m -> begin('3');
            case BackendMessage.NoData m -> begin('n');
            case BackendMessage.ParameterDescription m -> {
                begin('t');
                int16(m.typeOids().length);
                for (int oid : m.typeOids()) {
                    int32(oid);
                }
            }
            case BackendMessage.PortalSuspended m -> begin('s');
            case BackendMessage.CopyInResponse m -> copyResponse('G', m.binary(), m.columnCount());
            case BackendMessage.CopyOutResponse m -> copyResponse('H', m.binary(), m.columnCount());
            case BackendMessage.CopyData m -> {
                begin('d');
                bytes(m.data());
            }
            case BackendMessage.CopyDone m -> begin('c');
        }
        end();
    }

    /**
     * DataRow without an intermediate record: call this, then {@link #value} once per column, then
     * {@link #endDataRow()}. The row path of every query goes through here.
     */
    public void beginDataRow(int columnCount) {
        begin('D');
        int16(columnCount);
    }

    /** One DataRow column: its bytes, or null for SQL NULL. */
    public void value(byte[] v) {
        if (v == null) {
            int32(-1);
        } else {
            int32(v.length);
            bytes(v);
        }
    }

    /** One DataRow column in text format. */
    public void textValue(String s) {
        int lengthAt = size;
        int32(0);
        utf8(s);
        putInt(lengthAt, size - lengthAt - 4);
    }

    public void endDataRow() throws IOException {
        end();
    }

    /**
     * Drops a message begun but not ended, such as a DataRow whose value failed to convert, so the ErrorResponse
     * that follows is not taken for the rest of it: nothing of an unfinished message has reached the socket.
     */
    public void discardOpenMessage() {
        if (messageOpen) {
            size = messageStart;
            messageOpen = false;
        }
    }

    private void copyResponse(char type, boolean binary, int columns) {
        begin(type);
        int8(binary ? 1 : 0);
        int16(columns);
        for (int i = 0; i < columns; i++) {
            int16(binary ? 1 : 0);
        }
    }

    private void errorFields(PgException e) {
        String severity = e.severity().name();
        field('S', severity);
        field('V', severity);
        field('C', e.sqlState().code());
        field('M', e.getMessage() == null ? "" : e.getMessage());
        field('D', e.detail());
        field('H', e.hint());
        if (e.position() > 0) {
            field('P', Integer.toString(e.position()));
        }
        field('W', e.context());
        field('s', e.schemaName());
        field('t', e.tableName());
        field('c', e.columnName());
        field('n', e.constraintName());
        int8(0);
    }

    private void field(char code, String value) {
        if (value != null) {
            int8(code);
            cstring(value);
        }
    }

    private void begin(char type) {
        ensure(5);
        messageStart = size;
        messageOpen = true;
        buf[size++] = (byte) type;
        size += 4; // length, filled in by end()
    }

    private void end() throws IOException {
        putInt(messageStart + 1, size - messageStart - 1);
        messageOpen = false;
        if (size >= WRITE_THRESHOLD) {
            out.write(buf, 0, size);
            size = 0;
        }
    }

    private void int8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
    }

    private void int16(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    private void int32(int v) {
        ensure(4);
        putInt(size, v);
        size += 4;
    }

    private void putInt(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    private void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    private void cstring(String s) {
        utf8(s);
        int8(0);
    }

    private void utf8(String s) {
        int n = s.length();
        ensure(n);
        // ASCII fast path; anything else goes through the charset encoder.
        int i = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                break;
            }
            buf[size + i] = (byte) c;
        }
        if (i == n) {
            size += n;
            return;
        }
        bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }
}
