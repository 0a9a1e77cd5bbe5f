package io.tuskdb.sql.executor;

/** A data-modifying operator: its row count makes the command tag. */
interface ModifyOp extends RowSource {
    long processed();
}
