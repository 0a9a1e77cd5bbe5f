package io.tuskdb.sql.analyzer;

import io.tuskdb.catalog.TableDescriptor;
import io.tuskdb.sql.ResultColumn;
import io.tuskdb.types.PgType;

import java.util.List;

/** A row-returning query, every name resolved and every expression typed. */
public sealed interface BoundQuery {
    /** The visible output columns. */
    List<ResultColumn> columns();

    /**
     * SELECT. Expressions in {@code where}, {@code groupBy} and the aggregates' arguments read the FROM row;
     * {@code having} and {@code targets} read the grouped row (group keys, then aggregates) when {@code grouped},
     * else the FROM row. {@code targets} holds the visible columns first, then ORDER BY-only ("junk") entries.
     */
    record Select(From from, BoundExpr where, List<BoundExpr> groupBy, List<BoundExpr.Aggregate> aggregates,
                  boolean grouped, BoundExpr having, List<BoundExpr> targets, List<ResultColumn> columns,
                  boolean distinct, List<SortKey> orderBy, BoundExpr limit, BoundExpr offset,
                  List<Integer> distinctOn, List<Window> windows, List<SetReturning> setReturning)
            implements BoundQuery {
        public Select(From from, BoundExpr where, List<BoundExpr> groupBy, List<BoundExpr.Aggregate> aggregates,
                      boolean grouped, BoundExpr having, List<BoundExpr> targets, List<ResultColumn> columns,
                      boolean distinct, List<SortKey> orderBy, BoundExpr limit, BoundExpr offset,
                      List<Integer> distinctOn, List<Window> windows) {
            this(from, where, groupBy, aggregates, grouped, having, targets, columns, distinct, orderBy, limit, offset,
                    distinctOn, windows, List.of());
        }

        /** Without DISTINCT ON and window functions. */
        public Select(From from, BoundExpr where, List<BoundExpr> groupBy, List<BoundExpr.Aggregate> aggregates,
                      boolean grouped, BoundExpr having, List<BoundExpr> targets, List<ResultColumn> columns,
                      boolean distinct, List<SortKey> orderBy, BoundExpr limit, BoundExpr offset) {
            this(from, where, groupBy, aggregates, grouped, having, targets, columns, distinct, orderBy, limit, offset,
                    null, List.of());
        }
    }

    /**
     * generate_series(...) at the top of a select-list entry (PostgreSQL's ProjectSet): its values are appended to
     * the FROM row, one output row per value; its arguments read the FROM row.
     */
    record SetReturning(List<BoundExpr> args, PgType type) {
    }

    enum WindowKind { ROW_NUMBER, RANK, DENSE_RANK, AGGREGATE }

    /**
     * A window function call: its value is appended to the FROM row (the targets read it as a column). Arguments,
     * PARTITION BY and ORDER BY read the FROM row; the frame is PostgreSQL's default (the whole partition without
     * ORDER BY, else up to the current row's last peer).
     */
    record Window(WindowKind kind, io.tuskdb.sql.functions.AggregateFunction aggregate, List<BoundExpr> args,
                  List<BoundExpr> partitionBy, List<BoundExpr> orderBy, List<SortKey> orderKeys, PgType type) {
    }

    /** VALUES (...), (...): rows of constant-free-of-columns expressions. */
    record Values(List<List<BoundExpr>> rows, List<ResultColumn> columns) implements BoundQuery {
    }

    /** UNION / INTERSECT / EXCEPT [ALL], with the branches' outputs already coerced to the result types. */
    record SetOp(SetOpKind kind, boolean all, BoundQuery left, BoundQuery right, List<ResultColumn> columns,
                 List<SortKey> orderBy, BoundExpr limit, BoundExpr offset) implements BoundQuery {
    }

    enum SetOpKind { UNION, INTERSECT, EXCEPT }

    /** ORDER BY entry: a position in the targets (or set-operation output). */
    record SortKey(int index, boolean descending, boolean nullsFirst) {
    }

    /** The FROM clause; its row is the concatenation of its tables' columns, left to right. */
    sealed interface From {
        int width();
    }

    /** A table; {@code lock} is the row lock SELECT ... FOR UPDATE/SHARE takes on each row read, or null. */
    record TableRef(TableDescriptor table, String alias, int offset, io.tuskdb.txn.RowLockMode lock) implements From {
        public TableRef(TableDescriptor table, String alias, int offset) {
            this(table, alias, offset, null);
        }

        @Override
        public int width() {
            return table.columns().size();
        }
    }

    record SubqueryRef(BoundQuery query, String alias, int offset) implements From {
        @Override
        public int width() {
            return query.columns().size();
        }
    }

    /** generate_series(start, stop [, step]) in FROM: one column of {@code type}. */
    record SeriesRef(List<BoundExpr> args, PgType type, String alias, int offset) implements From {
        @Override
        public int width() {
            return 1;
        }
    }

    enum JoinKind { INNER, LEFT, RIGHT, FULL, CROSS }

    /** A join; {@code condition} reads the concatenated row of both sides (null for CROSS / comma joins). */
    record Join(JoinKind kind, From left, From right, BoundExpr condition) implements From {
        @Override
        public int width() {
            return left.width() + right.width();
        }
    }
}
