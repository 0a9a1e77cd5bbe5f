package io.tuskdb.sql.executor;

import io.tuskdb.catalog.TableDescriptor;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.analyzer.BoundExpr;
import io.tuskdb.sql.analyzer.BoundStatement;
import io.tuskdb.storage.KeyRange;
import io.tuskdb.storage.RowCursor;
import io.tuskdb.storage.TableLayout;
import io.tuskdb.types.Casts;

import java.util.HashSet;
import java.util.Set;

/**
 * INSERT: writes each source row (already of the table's width and column types); yields RETURNING rows.
 * ON CONFLICT on the primary key skips the row (DO NOTHING) or updates the existing one (DO UPDATE, nodeModifyTable.c
 * ExecOnConflictUpdate), never touching one row twice in a command (21000).
 */
final class InsertOp implements ModifyOp {
    /** Compiled ON CONFLICT action: assignments and condition read the existing row followed by the proposed one. */
    record Conflict(boolean doNothing, Eval[] assignments, Eval where) {
        static Conflict compile(BoundStatement.OnConflict oc) {
            if (oc == null) {
                return null;
            }
            if (oc.doNothing()) {
                return new Conflict(true, null, null);
            }
            Eval[] a = new Eval[oc.assignments().size()];
            for (int i = 0; i < a.length; i++) {
                BoundExpr e = oc.assignments().get(i);
                a[i] = e == null ? null : ExprCompiler.compile(e);
            }
            return new Conflict(false, a, ExprCompiler.compileNullable(oc.where()));
        }
    }

    private final ExecState st;
    private final TableDescriptor table;
    private final TableLayout layout;
    private final RowSource source;
    private final Conflict conflict;
    private final Eval[] returning;
    private final Set<ValueKey> touched;
    private long count;

    InsertOp(ExecState st, TableDescriptor table, TableLayout layout, RowSource source, Conflict conflict,
             Eval[] returning) {
        this.st = st;
        this.table = table;
        this.layout = layout;
        this.source = source;
        this.conflict = conflict;
        this.returning = returning;
        this.touched = conflict != null && !conflict.doNothing() ? new HashSet<>() : null;
    }

    @Override
    public Object[] next() {
        for (Object[] row; (row = source.next()) != null; ) {
            st.context.checkForInterrupts();
            Constraints.checkNotNull(table, row, st.format);
            Object[] result = row;
            if (st.tables.insert(st.transaction, layout, row)) {
                if (touched != null) {
                    touched.add(keyOf(row));
                }
            } else if (conflict == null) {
                throw Constraints.duplicateKey(table, row, st.format);
            } else if (conflict.doNothing()) {
                continue;
            } else {
                result = update(row);
                if (result == null) {
                    continue;
                }
            }
            count++;
            if (returning != null) {
                return PlanCompiler.project(returning, result, st);
            }
        }
        return null;
    }

    private ValueKey keyOf(Object[] row) {
        int[] pk = table.primaryKey();
        Object[] k = new Object[pk.length];
        for (int i = 0; i < pk.length; i++) {
            k[i] = row[pk[i]];
        }
        return new ValueKey(pkTypes(), k);
    }

    private io.tuskdb.types.PgType[] pkTypes() {
        int[] pk = table.primaryKey();
        io.tuskdb.types.PgType[] t = new io.tuskdb.types.PgType[pk.length];
        for (int i = 0; i < pk.length; i++) {
            t[i] = table.columns().get(pk[i]).type();
        }
        return t;
    }

    /** DO UPDATE of the existing row with the proposed one's key; null when its WHERE rejects it. */
    private Object[] update(Object[] proposed) {
        int[] pk = table.primaryKey();
        Object[] key = new Object[pk.length];
        for (int i = 0; i < pk.length; i++) {
            key[i] = proposed[pk[i]];
        }
        if (!touched.add(new ValueKey(pkTypes(), key))) {
            throw new PgException(SqlState.CARDINALITY_VIOLATION,
                    "ON CONFLICT DO UPDATE command cannot affect row a second time")
                    .withHint("Ensure that no rows proposed for insertion within the same command have duplicate constrained values.");
        }
        byte[] storageKey;
        Object[] existing;
        try (RowCursor c = st.tables.scan(st.transaction, layout, KeyRange.exactly(key))) {
            if (!c.next()) {
                throw new PgException(SqlState.SERIALIZATION_FAILURE,
                        "could not serialize access due to concurrent update");
            }
            storageKey = c.key();
        }
        // the latest version, locked (a concurrent update may have changed it since our snapshot)
        existing = st.tables.lockRow(st.transaction, layout, storageKey, io.tuskdb.txn.RowLockMode.UPDATE);
        if (existing == null) {
            throw new PgException(SqlState.SERIALIZATION_FAILURE, "could not serialize access due to concurrent delete");
        }
        Object[] both = JoinOp.concat(existing, proposed);
        if (conflict.where() != null && !Boolean.TRUE.equals(conflict.where().eval(both, st))) {
            return null;
        }
        Object[] updated = existing.clone();
        for (int c = 0; c < updated.length; c++) {
            if (conflict.assignments()[c] != null) {
                updated[c] = conflict.assignments()[c].eval(both, st);
            }
        }
        Constraints.checkNotNull(table, updated, st.format);
        boolean keyChanged = false;
        for (int k : pk) {
            keyChanged |= updated[k] == null || Casts.compare(table.columns().get(k).type(), existing[k], updated[k]) != 0;
        }
        if (keyChanged) {
            st.tables.delete(st.transaction, layout, storageKey);
            if (!st.tables.insert(st.transaction, layout, updated)) {
                throw Constraints.duplicateKey(table, updated, st.format);
            }
        } else {
            st.tables.update(st.transaction, layout, storageKey, updated);
        }
        return updated;
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
