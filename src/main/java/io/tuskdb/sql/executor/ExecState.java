package io.tuskdb.sql.executor;

import io.tuskdb.sql.ExecutionContext;
import io.tuskdb.storage.TableAccess;
import io.tuskdb.txn.Transaction;
import io.tuskdb.types.FormatSettings;

import java.util.IdentityHashMap;
import java.util.Map;

/** The per-run state every operator and evaluator of one execution shares. */
public final class ExecState {
    public final ExecutionContext context;
    public final Object[] params;
    public final Transaction transaction;
    public final TableAccess tables;
    public final FormatSettings format;
    /** Results of uncorrelated subqueries, computed once per run, keyed by their evaluator. */
    final Map<Object, Object> subqueryResults = new IdentityHashMap<>();
    /** The rows of the enclosing queries while a correlated subquery runs, innermost last. */
    private Object[][] outerRows = new Object[4][];
    private int outerDepth;

    void pushOuter(Object[] row) {
        if (outerDepth == outerRows.length) {
            outerRows = java.util.Arrays.copyOf(outerRows, outerDepth * 2);
        }
        outerRows[outerDepth++] = row;
    }

    void popOuter() {
        outerRows[--outerDepth] = null;
    }

    Object[] outer(int levelsUp) {
        return outerRows[outerDepth - levelsUp];
    }

    public ExecState(ExecutionContext context, Object[] params) {
        this.context = context;
        this.params = params;
        this.transaction = context.transaction();
        this.tables = context.cluster().tables();
        this.format = context.formatSettings();
    }
}
