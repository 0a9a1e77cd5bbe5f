package io.tuskdb.storage;

import java.util.Arrays;

/**
 * A growable byte buffer for building keys and row values. Unsynchronised (unlike ByteArrayOutputStream): one
 * is used by one thread while it encodes one key or row.
 */
public final class ByteWriter {
    private byte[] buf;
    private int size;

    public ByteWriter() {
        this(32);
    }

    public ByteWriter(int initialCapacity) {
        buf = new byte[Math.max(8, initialCapacity)];
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    public ByteWriter write(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    public ByteWriter write(byte[] bytes) {
        return write(bytes, 0, bytes.length);
    }

    public ByteWriter write(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buf, size, length);
        size += length;
        return this;
    }

    public ByteWriter writeShort(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    /** Big-endian. */
    public ByteWriter writeInt(int v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    /** Big-endian. */
    public ByteWriter writeLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    /** Unsigned LEB128 varint (the value is treated as unsigned). */
    public ByteWriter writeVarLong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
        return this;
    }

    /** Zig-zag varint, compact for small negative values too. */
    public ByteWriter writeSignedVarLong(long v) {
        return writeVarLong((v << 1) ^ (v >> 63));
    }

    public int size() {
        return size;
    }

    /** Drops everything after the first {@code newSize} bytes. */
    public void truncate(int newSize) {
        size = newSize;
    }

    /** Inverts the bytes from {@code from} to the end (DESC key columns). */
    void invertFrom(int from) {
        for (int i = from; i < size; i++) {
            buf[i] = (byte) ~buf[i];
        }
    }

    public void reset() {
        size = 0;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
