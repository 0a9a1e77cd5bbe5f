package io.tuskdb.sql.executor;

import io.tuskdb.sql.analyzer.BoundQuery.JoinKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Hash Join: builds a hash table on the right side's keys, probes with each left row. NULL keys never match. */
final class HashJoinOp implements RowSource {
    private final ExecState st;
    private final JoinKind kind;
    private final RowSource left;
    private final RowSource rightSource;
    private final int leftWidth;
    private final int rightWidth;
    private final Eval[] leftKeys;
    private final Eval[] rightKeys;
    private final Eval residual;
    private final io.tuskdb.types.PgType[] keyTypes;
    private Map<ValueKey, List<Integer>> table;
    private List<Object[]> right;
    private boolean[] rightMatched;
    private Object[] currentLeft;
    private List<Integer> candidates;
    private int candidatePos;
    private boolean currentMatched;
    private int unmatchedPos = -1;

    HashJoinOp(ExecState st, JoinKind kind, RowSource left, RowSource right, int leftWidth, int rightWidth,
               Eval[] leftKeys, Eval[] rightKeys, Eval residual, io.tuskdb.types.PgType[] keyTypes) {
        this.keyTypes = keyTypes;
        this.st = st;
        this.kind = kind;
        this.left = left;
        this.rightSource = right;
        this.leftWidth = leftWidth;
        this.rightWidth = rightWidth;
        this.leftKeys = leftKeys;
        this.rightKeys = rightKeys;
        this.residual = residual;
    }

    private ValueKey key(Eval[] keys, Object[] row) {
        Object[] values = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            values[i] = keys[i].eval(row, st);
            if (values[i] == null) {
                return null;
            }
        }
        return new ValueKey(keyTypes, values);
    }

    @Override
    public Object[] next() {
        if (table == null) {
            table = new HashMap<>();
            right = new ArrayList<>();
            for (Object[] r; (r = rightSource.next()) != null; ) {
                st.context.checkForInterrupts();
                ValueKey k = key(rightKeys, r);
                if (k != null) {
                    table.computeIfAbsent(k, x -> new ArrayList<>(1)).add(right.size());
                }
                right.add(r);
            }
            rightMatched = new boolean[right.size()];
        }
        while (unmatchedPos < 0) {
            if (currentLeft == null) {
                currentLeft = left.next();
                if (currentLeft == null) {
                    unmatchedPos = 0;
                    break;
                }
                st.context.checkForInterrupts();
                ValueKey k = key(leftKeys, currentLeft);
                candidates = k == null ? List.of() : table.getOrDefault(k, List.of());
                candidatePos = 0;
                currentMatched = false;
            }
            while (candidatePos < candidates.size()) {
                int i = candidates.get(candidatePos++);
                Object[] joined = JoinOp.concat(currentLeft, right.get(i));
                if (residual == null || Boolean.TRUE.equals(residual.eval(joined, st))) {
                    currentMatched = true;
                    rightMatched[i] = true;
                    return joined;
                }
            }
            Object[] l = currentLeft;
            currentLeft = null;
            if (!currentMatched && (kind == JoinKind.LEFT || kind == JoinKind.FULL)) {
                return JoinOp.concat(l, new Object[rightWidth]);
            }
        }
        if (kind == JoinKind.RIGHT || kind == JoinKind.FULL) {
            while (unmatchedPos < right.size()) {
                int i = unmatchedPos++;
                if (!rightMatched[i]) {
                    return JoinOp.concat(new Object[leftWidth], right.get(i));
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        left.close();
        rightSource.close();
    }
}
