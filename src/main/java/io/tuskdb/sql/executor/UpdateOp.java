package io.tuskdb.sql.executor;

import io.tuskdb.catalog.TableDescriptor;
import io.tuskdb.storage.TableLayout;
import io.tuskdb.txn.RowLockMode;
import io.tuskdb.types.Casts;
import io.tuskdb.types.PgType;

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
    /** The target's own scan (storage keys at hand), or a join whose rows start with the target row. */
    private final RowSource scan;
    private List<Object[]> joinedRows;
    private Eval recheck;
    /** Per column, null when unchanged; null array for DELETE. */
    private final Eval[] assignments;
    private final Eval[] returning;
    private List<byte[]> keys;
    private List<Object[]> rows;
    private int pos;
    private long count;

    UpdateOp(ExecState st, TableDescriptor table, TableLayout layout, RowSource scan, Eval[] assignments,
             Eval[] returning) {
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
            collect();
        }
        while (pos < rows.size()) {
            st.context.checkForInterrupts();
            int i = pos++;
            // lock the row and work on its latest version: a concurrent writer may have changed it since our
            // snapshot (READ COMMITTED re-checks the WHERE clause as EvalPlanQual; other levels fail with 40001)
            Object[] snapshotRow = rows.get(i);
            Object[] old = st.tables.lockRow(st.transaction, layout, keys.get(i),
                    assignments == null ? RowLockMode.UPDATE : RowLockMode.NO_KEY_UPDATE);
            if (old == null) {
                continue;
            }
            if (!sameRow(old, snapshotRow) && recheck != null && !Boolean.TRUE.equals(recheck.eval(old, st))) {
                continue;
            }
            Object[] input = old;
            if (joinedRows != null) {
                input = joinedRows.get(i).clone();
                System.arraycopy(old, 0, input, 0, old.length);
            }
            Object[] result = old;
            if (assignments == null) {
                st.tables.delete(st.transaction, layout, keys.get(i));
            } else {
                Object[] updated = old.clone();
                for (int c = 0; c < assignments.length; c++) {
                    if (assignments[c] != null) {
                        updated[c] = assignments[c].eval(input, st);
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
                if (joinedRows != null) {
                    Object[] r = input.clone();
                    System.arraycopy(result, 0, r, 0, result.length);
                    result = r;
                }
                return PlanCompiler.project(returning, result, st);
            }
        }
        return null;
    }

    /**
     * Collects the target rows before writing. Rows of a join are deduplicated by the target's primary key (a
     * target row joined to several FROM rows changes once) and their storage keys found by a point lookup.
     */
    private void collect() {
        keys = new ArrayList<>();
        rows = new ArrayList<>();
        if (scan instanceof ScanOp own) {
            recheck = own.filter();
            for (Object[] r; (r = own.next()) != null; ) {
                keys.add(own.key());
                rows.add(r);
            }
            scan.close();
            return;
        }
        joinedRows = new ArrayList<>();
        int n = table.columns().size();
        int[] pk = table.primaryKey();
        java.util.Set<ValueKey> seen = new java.util.HashSet<>();
        for (Object[] r; (r = scan.next()) != null; ) {
            st.context.checkForInterrupts();
            Object[] key = new Object[pk.length];
            for (int k = 0; k < pk.length; k++) {
                key[k] = r[pk[k]];
            }
            if (!seen.add(new ValueKey(pkTypes(), key))) {
                continue;
            }
            try (io.tuskdb.storage.RowCursor c = st.tables.scan(st.transaction, layout,
                    io.tuskdb.storage.KeyRange.exactly(key))) {
                if (c.next()) {
                    keys.add(c.key());
                    rows.add(java.util.Arrays.copyOf(r, n));
                    joinedRows.add(r);
                }
            }
        }
        scan.close();
    }

    private PgType[] pkTypes() {
        int[] pk = table.primaryKey();
        PgType[] t = new PgType[pk.length];
        for (int i = 0; i < pk.length; i++) {
            t[i] = table.columns().get(pk[i]).type();
        }
        return t;
    }

    private boolean sameRow(Object[] a, Object[] b) {
        for (int c = 0; c < a.length; c++) {
            if (a[c] != b[c] && (a[c] == null || b[c] == null
                    || Casts.compare(table.columns().get(c).type(), a[c], b[c]) != 0)) {
                return false;
            }
        }
        return true;
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
