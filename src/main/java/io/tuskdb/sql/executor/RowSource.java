package io.tuskdb.sql.executor;

/** A running operator: pull rows until null. Mutable; one per execution. */
public interface RowSource extends AutoCloseable {
    Object[] next();

    @Override
    default void close() {
    }
}
