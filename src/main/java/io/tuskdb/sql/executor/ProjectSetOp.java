package io.tuskdb.sql.executor;

import io.tuskdb.types.PgType;

/**
 * ProjectSet (nodeProjectSet.c): for each input row, runs the set-returning functions on it and emits one row per
 * value, the functions zipped (a shorter one gives NULLs); an input row whose functions all return nothing
 * produces no row.
 */
final class ProjectSetOp implements RowSource {
    private final ExecState st;
    private final RowSource input;
    private final Eval[][] args;
    private final PgType[] types;
    private Object[] current;
    private SeriesOp[] series;

    ProjectSetOp(ExecState st, RowSource input, Eval[][] args, PgType[] types) {
        this.st = st;
        this.input = input;
        this.args = args;
        this.types = types;
    }

    @Override
    public Object[] next() {
        while (true) {
            if (current == null) {
                current = input.next();
                if (current == null) {
                    return null;
                }
                series = new SeriesOp[args.length];
                for (int i = 0; i < args.length; i++) {
                    series[i] = new SeriesOp(st, types[i], PlanCompiler.project(args[i], current, st));
                }
            }
            Object[] out = new Object[current.length + args.length];
            System.arraycopy(current, 0, out, 0, current.length);
            boolean any = false;
            for (int i = 0; i < args.length; i++) {
                Object[] v = series[i].next();
                if (v != null) {
                    any = true;
                    out[current.length + i] = v[0];
                }
            }
            if (any) {
                return out;
            }
            current = null;
        }
    }

    @Override
    public void close() {
        input.close();
    }
}
