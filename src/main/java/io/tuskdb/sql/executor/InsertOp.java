package io.tuskdb.sql.executor;

import io.tuskdb.catalog.TableDescriptor;
import io.tuskdb.storage.TableLayout;

/** INSERT: writes each source row (already of the table's width and column types); yields RETURNING rows. */
final class InsertOp implements ModifyOp {
    private final ExecState st;
    private final TableDescriptor table;
    private final TableLayout layout;
    private final RowSource source;
    private final Eval[] returning;
    private long count;

    InsertOp(ExecState st, TableDescriptor table, TableLayout layout, RowSource source, Eval[] returning) {
        this.st = st;
        this.table = table;
        this.layout = layout;
        this.source = source;
        this.returning = returning;
    }

    @Override
    public Object[] next() {
        for (Object[] row; (row = source.next()) != null; ) {
            st.context.checkForInterrupts();
            Constraints.checkNotNull(table, row, st.format);
            if (!st.tables.insert(st.transaction, layout, row)) {
                throw Constraints.duplicateKey(table, row, st.format);
            }
            count++;
            if (returning != null) {
                return PlanCompiler.project(returning, row, st);
            }
        }
        return null;
    }

    @Override
    public long processed() {
        return count;
    }

    @Override
    public void close() {
        source.close();
    }
}
