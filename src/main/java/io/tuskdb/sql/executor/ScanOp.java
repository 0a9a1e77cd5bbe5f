package io.tuskdb.sql.executor;

import io.tuskdb.storage.KeyRange;
import io.tuskdb.storage.RowCursor;
import io.tuskdb.storage.TableLayout;

import java.util.List;

/** Seq Scan / Index Scan: rows of a table's primary index within key ranges, filtered. */
final class ScanOp implements RowSource {
    private final ExecState st;
    private final TableLayout layout;
    private final List<KeyRange> ranges;
    private final Eval filter;
    private int nextRange;
    private RowCursor cursor;
    private byte[] key;

    private final io.tuskdb.txn.RowLockMode lock;

    ScanOp(ExecState st, TableLayout layout, List<KeyRange> ranges, Eval filter, io.tuskdb.txn.RowLockMode lock) {
        this.lock = lock;
        this.st = st;
        this.layout = layout;
        this.ranges = ranges;
        this.filter = filter;
    }

    @Override
    public Object[] next() {
        while (true) {
            if (cursor == null) {
                if (nextRange >= ranges.size()) {
                    return null;
                }
                cursor = st.tables.scan(st.transaction, layout, ranges.get(nextRange++));
            }
            if (!cursor.next()) {
                cursor.close();
                cursor = null;
                continue;
            }
            st.context.checkForInterrupts();
            Object[] row = cursor.row();
            if (filter == null || Boolean.TRUE.equals(filter.eval(row, st))) {
                key = cursor.key();
                if (lock != null) {
                    // SELECT FOR UPDATE/SHARE: lock, then return the latest version if it still qualifies
                    row = st.tables.lockRow(st.transaction, layout, key, lock);
                    if (row == null || (filter != null && !Boolean.TRUE.equals(filter.eval(row, st)))) {
                        continue;
                    }
                }
                return row;
            }
        }
    }

    /** The scan's whole predicate (key condition and filter), null for none: re-checked on a newer row version. */
    Eval filter() {
        return filter;
    }

    /** The storage key of the row last returned. */
    byte[] key() {
        return key;
    }

    @Override
    public void close() {
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
    }
}
