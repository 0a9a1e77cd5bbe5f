package io.tuskdb.sql.executor;

import io.tuskdb.catalog.TableDescriptor;
import io.tuskdb.storage.TableLayout;
import io.tuskdb.types.Casts;

import java.util.ArrayList;
import java.util.List;

/**
 * UPDATE and DELETE: collect the target rows first (so a row moved by the update is not seen again, the
 * Halloween problem), then write. An UPDATE that changes the primary key deletes the old row and inserts the new
 * one, checking the key's uniqueness.
 */
final class UpdateOp implements ModifyOp {
    private final ExecState st;
    private final TableDescriptor table;
    private final TableLayout layout;
    private final ScanOp scan;
    /** Per column, null when unchanged; null array for DELETE. */
    private final Eval[] assignments;
    private final Eval[] returning;
    private List<byte[]> keys;
    private List<Object[]> rows;
    private int pos;
    private long count;

    UpdateOp(ExecState st, TableDescriptor table, TableLayout layout, ScanOp scan, Eval[] assignments, Eval[] returning) {
        this.st = st;
        this.table = table;
        this.layout = layout;
        this.scan = scan;
        this.assignments = assignments;
        this.returning = returning;
    }

    @Override
    public Object[] next() {
        if (keys == null) {
            keys = new ArrayList<>();
            rows = new ArrayList<>();
            for (Object[] r; (r = scan.next()) != null; ) {
                keys.add(scan.key());
                rows.add(r);
            }
            scan.close();
        }
        while (pos < rows.size()) {
            st.context.checkForInterrupts();
            int i = pos++;
            Object[] old = rows.get(i);
            Object[] result = old;
            if (assignments == null) {
                st.tables.delete(st.transaction, layout, keys.get(i));
            } else {
                Object[] updated = old.clone();
                for (int c = 0; c < assignments.length; c++) {
                    if (assignments[c] != null) {
                        updated[c] = assignments[c].eval(old, st);
                    }
                }
                Constraints.checkNotNull(table, updated, st.format);
                if (keyChanged(old, updated)) {
                    st.tables.delete(st.transaction, layout, keys.get(i));
                    if (!st.tables.insert(st.transaction, layout, updated)) {
                        throw Constraints.duplicateKey(table, updated, st.format);
                    }
                } else {
                    st.tables.update(st.transaction, layout, keys.get(i), updated);
                }
                result = updated;
            }
            count++;
            if (returning != null) {
                return PlanCompiler.project(returning, result, st);
            }
        }
        return null;
    }

    private boolean keyChanged(Object[] old, Object[] updated) {
        for (int k : table.primaryKey()) {
            if (old[k] != updated[k] && (old[k] == null || updated[k] == null
                    || Casts.compare(table.columns().get(k).type(), old[k], updated[k]) != 0)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long processed() {
        return count;
    }

    @Override
    public void close() {
        scan.close();
    }
}
