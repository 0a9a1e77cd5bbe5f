package io.tuskdb.sql.executor;

import io.tuskdb.sql.Execution;

/** A run of a query or data-modifying statement: pulls rows from the operator tree, then gives the tag. */
public final class RowsExecution implements Execution {
    private final RowSource root;
    private final String tagPrefix;
    private long rows;
    private boolean done;
    private boolean closed;

    /** @param tagPrefix "SELECT", "INSERT 0", "UPDATE" or "DELETE" */
    public RowsExecution(OpFactory plan, ExecState state, String tagPrefix) {
        this.root = plan.open(state);
        this.tagPrefix = tagPrefix;
    }

    @Override
    public Object[] next() {
        if (done) {
            return null;
        }
        Object[] row = root.next();
        if (row == null) {
            done = true;
            return null;
        }
        rows++;
        return row;
    }

    @Override
    public String commandTag() {
        long n = root instanceof ModifyOp m ? m.processed() : rows;
        return tagPrefix + " " + n;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            root.close();
        }
    }
}
