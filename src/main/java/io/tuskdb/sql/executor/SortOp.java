package io.tuskdb.sql.executor;

import io.tuskdb.types.Casts;
import io.tuskdb.types.PgType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Sort: materialises its input and sorts it by columns, with ASC/DESC and NULLS FIRST/LAST. */
final class SortOp implements RowSource {
    private final ExecState st;
    private final RowSource input;
    private final Comparator<Object[]> comparator;
    private List<Object[]> rows;
    private int pos;

    SortOp(ExecState st, RowSource input, Comparator<Object[]> comparator) {
        this.st = st;
        this.input = input;
        this.comparator = comparator;
    }

    static Comparator<Object[]> comparator(int[] columns, PgType[] types, boolean[] descending, boolean[] nullsFirst) {
        return (a, b) -> {
            for (int i = 0; i < columns.length; i++) {
                Object x = a[columns[i]];
                Object y = b[columns[i]];
                int c;
                if (x == null || y == null) {
                    if (x == y) {
                        continue;
                    }
                    c = (x == null) == nullsFirst[i] ? -1 : 1;
                    return c;
                }
                c = Casts.compare(types[i], x, y);
                if (c != 0) {
                    return descending[i] ? -c : c;
                }
            }
            return 0;
        };
    }

    @Override
    public Object[] next() {
        if (rows == null) {
            rows = new ArrayList<>();
            for (Object[] r; (r = input.next()) != null; ) {
                st.context.checkForInterrupts();
                rows.add(r);
            }
            rows.sort(comparator);
        }
        return pos < rows.size() ? rows.get(pos++) : null;
    }

    @Override
    public void close() {
        input.close();
    }
}
