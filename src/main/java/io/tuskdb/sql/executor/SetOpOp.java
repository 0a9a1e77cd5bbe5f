package io.tuskdb.sql.executor;

import io.tuskdb.sql.analyzer.BoundQuery.SetOpKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** UNION / INTERSECT / EXCEPT, with or without ALL (counts of duplicates as PostgreSQL's SetOp). */
final class SetOpOp implements RowSource {
    private final ExecState st;
    private final SetOpKind kind;
    private final boolean all;
    private final RowSource left;
    private final RowSource right;
    private List<Object[]> out;
    private int pos;
    private boolean leftDone;
    private Set<ValueKey> seen;
    private final io.tuskdb.types.PgType[] types;

    SetOpOp(ExecState st, SetOpKind kind, boolean all, RowSource left, RowSource right, io.tuskdb.types.PgType[] types) {
        this.types = types;
        this.st = st;
        this.kind = kind;
        this.all = all;
        this.left = left;
        this.right = right;
    }

    @Override
    public Object[] next() {
        if (kind == SetOpKind.UNION) {
            if (!all && seen == null) {
                seen = new HashSet<>();
            }
            while (true) {
                Object[] r = leftDone ? right.next() : left.next();
                if (r == null) {
                    if (leftDone) {
                        return null;
                    }
                    leftDone = true;
                    continue;
                }
                st.context.checkForInterrupts();
                if (all || seen.add(new ValueKey(types, r))) {
                    return r;
                }
            }
        }
        if (out == null) {
            Map<ValueKey, int[]> rightCounts = new HashMap<>();
            for (Object[] r; (r = right.next()) != null; ) {
                st.context.checkForInterrupts();
                rightCounts.computeIfAbsent(new ValueKey(types, r), k -> new int[1])[0]++;
            }
            out = new ArrayList<>();
            Set<ValueKey> emitted = new HashSet<>();
            for (Object[] r; (r = left.next()) != null; ) {
                st.context.checkForInterrupts();
                ValueKey k = new ValueKey(types, r);
                int[] c = rightCounts.get(k);
                boolean inRight = c != null && c[0] > 0;
                if (kind == SetOpKind.INTERSECT) {
                    if (inRight && (all || emitted.add(k))) {
                        out.add(r);
                        if (all) {
                            c[0]--;
                        }
                    }
                } else if (all) {
                    if (inRight) {
                        c[0]--;
                    } else {
                        out.add(r);
                    }
                } else if (c == null && emitted.add(k)) {
                    out.add(r);
                }
            }
        }
        return pos < out.size() ? out.get(pos++) : null;
    }

    @Override
    public void close() {
        left.close();
        right.close();
    }
}
