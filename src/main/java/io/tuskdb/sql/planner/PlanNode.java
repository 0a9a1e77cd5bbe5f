package io.tuskdb.sql.planner;

import io.tuskdb.catalog.TableDescriptor;
import io.tuskdb.sql.analyzer.BoundExpr;
import io.tuskdb.sql.analyzer.BoundQuery;
import io.tuskdb.types.PgType;

import java.util.List;

/**
 * The physical plan: an immutable tree of row sources. Expressions are bound expressions reading the node's
 * input row (for joins: the left row followed by the right row).
 */
public sealed interface PlanNode {

    /** One empty row: SELECT without FROM. */
    record Result() implements PlanNode {
    }

    record Values(List<List<BoundExpr>> rows) implements PlanNode {
    }

    /** Function Scan of generate_series(start, stop [, step]). */
    record Series(List<BoundExpr> args, PgType type, String alias) implements PlanNode {
    }

    /**
     * A scan of a table's primary index: all of it ({@code keys} null, "Seq Scan") or the key ranges
     * ("Index Scan using t_pkey"). {@code filter} is the rest of the predicate.
     */
    record Scan(TableDescriptor table, String alias, KeyAccess keys, BoundExpr filter, io.tuskdb.txn.RowLockMode lock)
            implements PlanNode {
        public Scan(TableDescriptor table, String alias, KeyAccess keys, BoundExpr filter) {
            this(table, alias, keys, filter, null);
        }
    }

    record Filter(PlanNode input, BoundExpr condition) implements PlanNode {
    }

    record Project(PlanNode input, List<BoundExpr> exprs) implements PlanNode {
    }

    /** Nested loop over a materialised inner side; every join kind. */
    record NestedLoop(BoundQuery.JoinKind kind, PlanNode left, PlanNode right, int leftWidth, int rightWidth,
                      BoundExpr condition) implements PlanNode {
    }

    /**
     * Hash join on equality keys: {@code leftKeys} read the left row, {@code rightKeys} the right row;
     * {@code residual} reads the joined row. Rows with a NULL key never match.
     */
    record HashJoin(BoundQuery.JoinKind kind, PlanNode left, PlanNode right, int leftWidth, int rightWidth,
                    List<BoundExpr> leftKeys, List<BoundExpr> rightKeys, BoundExpr residual) implements PlanNode {
    }

    /** ProjectSet: each input row followed by the set-returning functions' values, one row per value (zipped). */
    record ProjectSet(PlanNode input, List<BoundQuery.SetReturning> functions) implements PlanNode {
    }

    /** WindowAgg: each input row followed by the values of the window functions for it. */
    record WindowAgg(PlanNode input, List<BoundQuery.Window> windows) implements PlanNode {
    }

    /** Output: the group keys, then the aggregate values. No keys: exactly one row ("Aggregate"). */
    record Aggregate(PlanNode input, List<BoundExpr> groupKeys, List<BoundExpr.Aggregate> aggregates)
            implements PlanNode {
    }

    record Sort(PlanNode input, List<BoundQuery.SortKey> keys, List<PgType> keyTypes) implements PlanNode {
    }

    /**
     * Removes duplicate rows (SELECT DISTINCT, UNION), or with {@code keys} keeps the first row of each key
     * (DISTINCT ON, over input sorted by ORDER BY).
     */
    record Distinct(PlanNode input, List<Integer> keys, List<PgType> types) implements PlanNode {
    }

    record Limit(PlanNode input, BoundExpr limit, BoundExpr offset) implements PlanNode {
    }

    record SetOp(BoundQuery.SetOpKind kind, boolean all, PlanNode left, PlanNode right, List<PgType> types)
            implements PlanNode {
    }

    /** INSERT: {@code source} yields full table rows; outputs the RETURNING rows. */
    record Insert(TableDescriptor table, PlanNode source, io.tuskdb.sql.analyzer.BoundStatement.OnConflict onConflict,
                  List<BoundExpr> returning) implements PlanNode {
    }

    /** UPDATE: collects the target rows first (Halloween problem), then writes. */
    record Update(TableDescriptor table, String alias, KeyAccess keys, BoundExpr filter, List<BoundExpr> assignments,
                  List<BoundExpr> returning, PlanNode joined) implements PlanNode {
    }

    /**
     * DELETE (and UPDATE above): scans the target, or with {@code joined} (DELETE ... USING) takes the rows of a
     * join whose row starts with the target's columns and finds each target row again by its primary key.
     */
    record Delete(TableDescriptor table, String alias, KeyAccess keys, BoundExpr filter, List<BoundExpr> returning,
                  PlanNode joined) implements PlanNode {
    }

    /**
     * Primary-key access: ranges over key prefixes whose bounds are row-independent expressions (constants,
     * parameters), converted to the key columns' types at run time. {@code condition} is the predicate the
     * ranges came from (shown as "Index Cond" and re-checked on every row).
     */
    record KeyAccess(List<KeyRangeSpec> ranges, BoundExpr condition) {
    }

    /** Bounds: prefixes of key values (may be empty = unbounded). */
    record KeyRangeSpec(List<BoundExpr> lower, boolean lowerInclusive, List<BoundExpr> upper, boolean upperInclusive) {
    }
}
