package io.tuskdb.storage;

/** Reads what {@link ByteWriter} wrote: a cursor over a byte array. */
public final class ByteReader {
    private final byte[] buf;
    private int pos;
    private final int end;

    public ByteReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public ByteReader(byte[] buf, int offset, int end) {
        this.buf = buf;
        this.pos = offset;
        this.end = end;
    }

    public int position() {
        return pos;
    }

    public void position(int newPosition) {
        pos = newPosition;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    public int remaining() {
        return end - pos;
    }

    private void need(int n) {
        if (pos + n > end) {
            throw new IllegalArgumentException("truncated encoding: need " + n + " bytes at " + pos + " of " + end);
        }
    }

    /** The next byte as 0..255. */
    public int read() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    public int peek() {
        need(1);
        return buf[pos] & 0xFF;
    }

    public byte[] readBytes(int n) {
        need(n);
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    public int readShort() {
        need(2);
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    public int readInt() {
        need(4);
        int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8)
                | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    public long readLong() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos + i] & 0xFF);
        }
        pos += 8;
        return v;
    }

    public long readVarLong() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = read();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("malformed varint at " + pos);
    }

    public long readSignedVarLong() {
        long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    /** Raw access for decoders that scan ahead (escaped strings). */
    byte[] array() {
        return buf;
    }

    int end() {
        return end;
    }
}
