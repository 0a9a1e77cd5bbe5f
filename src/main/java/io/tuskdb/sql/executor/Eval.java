package io.tuskdb.sql.executor;

/** A compiled expression: evaluated against one input row; SQL NULL is Java null, booleans are Boolean. */
@FunctionalInterface
public interface Eval {
    Object eval(Object[] row, ExecState state);
}
