package io.tuskdb.sql.executor;

import io.tuskdb.sql.analyzer.BoundQuery.JoinKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Nested Loop join over a materialised inner (right) side, for every join kind; unmatched rows of the outer
 * joins are padded with NULLs.
 */
final class JoinOp implements RowSource {
    private final ExecState st;
    private final JoinKind kind;
    private final RowSource left;
    private final RowSource rightSource;
    private final int leftWidth;
    private final int rightWidth;
    private final Eval condition;
    private List<Object[]> right;
    private boolean[] rightMatched;
    private Object[] currentLeft;
    private boolean currentMatched;
    private int rightPos;
    private int unmatchedPos = -1;

    JoinOp(ExecState st, JoinKind kind, RowSource left, RowSource right, int leftWidth, int rightWidth, Eval condition) {
        this.st = st;
        this.kind = kind;
        this.left = left;
        this.rightSource = right;
        this.leftWidth = leftWidth;
        this.rightWidth = rightWidth;
        this.condition = condition;
    }

    @Override
    public Object[] next() {
        if (right == null) {
            right = new ArrayList<>();
            for (Object[] r; (r = rightSource.next()) != null; ) {
                st.context.checkForInterrupts();
                right.add(r);
            }
            rightSource.close();
            rightMatched = new boolean[right.size()];
        }
        while (unmatchedPos < 0) {
            if (currentLeft == null) {
                currentLeft = left.next();
                if (currentLeft == null) {
                    unmatchedPos = 0;
                    break;
                }
                currentMatched = false;
                rightPos = 0;
            }
            while (rightPos < right.size()) {
                st.context.checkForInterrupts();
                int i = rightPos++;
                Object[] joined = concat(currentLeft, right.get(i));
                if (condition == null || Boolean.TRUE.equals(condition.eval(joined, st))) {
                    currentMatched = true;
                    rightMatched[i] = true;
                    return joined;
                }
            }
            Object[] l = currentLeft;
            currentLeft = null;
            if (!currentMatched && (kind == JoinKind.LEFT || kind == JoinKind.FULL)) {
                return concat(l, new Object[rightWidth]);
            }
        }
        if (kind == JoinKind.RIGHT || kind == JoinKind.FULL) {
            while (unmatchedPos < right.size()) {
                int i = unmatchedPos++;
                if (!rightMatched[i]) {
                    return concat(new Object[leftWidth], right.get(i));
                }
            }
        }
        return null;
    }

    static Object[] concat(Object[] a, Object[] b) {
        Object[] out = new Object[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public void close() {
        left.close();
        rightSource.close();
    }
}
