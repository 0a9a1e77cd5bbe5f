package io.tuskdb.sql.parser.ast;

import java.util.List;

/** The core of a query: a SELECT list with its clauses, a set operation, or a VALUES list. */
public sealed interface QueryBody {

    /**
     * {@code SELECT [ALL | DISTINCT [ON (...)]] targets [FROM ...] [WHERE ...] [GROUP BY ...] [HAVING ...]
     * [WINDOW ...]}. Also {@code TABLE name} (as {@code SELECT * FROM name}).
     *
     * @param distinct   DISTINCT (or DISTINCT ON when {@code distinctOn} is non-empty)
     * @param targets    the select list (may be empty: {@code SELECT FROM t} is valid in PostgreSQL)
     * @param where      null when absent
     * @param having     null when absent
     * @param groupByDistinct GROUP BY DISTINCT
     */
    record SimpleSelect(boolean distinct, List<Expr> distinctOn, List<TargetItem> targets, List<FromItem> from,
                        Expr where, List<Expr> groupBy, boolean groupByDistinct, Expr having, List<WindowDef> windows,
                        int position) implements QueryBody {
        public SimpleSelect {
            distinctOn = List.copyOf(distinctOn);
            targets = List.copyOf(targets);
            from = List.copyOf(from);
            groupBy = List.copyOf(groupBy);
            windows = List.copyOf(windows);
        }
    }

    enum SetOperator { UNION, INTERSECT, EXCEPT }

    /** {@code left UNION|INTERSECT|EXCEPT [ALL|DISTINCT] right}; {@code all} false means DISTINCT. */
    record SetOperation(SetOperator operator, boolean all, QueryBody left, QueryBody right, int position)
            implements QueryBody {
    }

    /** {@code VALUES (...), (...)}; each row's items may include {@link Expr.Default} inside INSERT. */
    record ValuesSelect(List<List<Expr>> rows, int position) implements QueryBody {
        public ValuesSelect {
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** A parenthesised query that carries its own WITH / ORDER BY / LIMIT / locking, used inside a set operation. */
    record NestedSelect(Select select) implements QueryBody {
    }
}
