package io.tuskdb.sql.executor;

/** A compiled plan node: immutable, shared by every run of a prepared plan; opens a fresh operator per run. */
@FunctionalInterface
public interface OpFactory {
    RowSource open(ExecState state);
}
