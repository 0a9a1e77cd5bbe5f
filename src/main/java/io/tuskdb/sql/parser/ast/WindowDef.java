package io.tuskdb.sql.parser.ast;

import java.util.List;

/**
 * A window: {@code OVER name}, {@code OVER ([ref] [PARTITION BY ...] [ORDER BY ...] [frame])} or an entry of the
 * WINDOW clause (then {@code name} is set). {@code frame} is null for the default frame.
 */
public record WindowDef(String name, String refName, List<Expr> partitionBy, List<SortItem> orderBy, Frame frame,
                        int position) {

    public WindowDef {
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
    }

    public enum FrameMode { RANGE, ROWS, GROUPS }

    public enum BoundKind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    public enum Exclusion { NO_OTHERS, CURRENT_ROW, GROUP, TIES }

    /** {@code offset} is set for PRECEDING / FOLLOWING. */
    public record Bound(BoundKind kind, Expr offset) {
    }

    /** {@code end} is null when written without BETWEEN (then it is CURRENT ROW). */
    public record Frame(FrameMode mode, Bound start, Bound end, Exclusion exclusion) {
    }
}
