package io.tuskdb.txn;

/** A forward cursor over keys in ascending byte order; {@link #key()} and {@link #value()} are valid after next() returned true. */
public interface KvCursor extends AutoCloseable {
    boolean next();

    byte[] key();

    byte[] value();

    @Override
    void close();
}
