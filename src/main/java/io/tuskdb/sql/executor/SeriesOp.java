package io.tuskdb.sql.executor;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.types.NumericSpecial;
import io.tuskdb.types.PgType;

import java.math.BigDecimal;

/** Function Scan of generate_series(start, stop [, step]) over int4, int8 or numeric (int.c, numeric.c). */
final class SeriesOp implements RowSource {
    private final ExecState st;
    private final PgType type;
    private final boolean empty;
    private BigDecimal next;
    private final BigDecimal stop;
    private final BigDecimal step;

    SeriesOp(ExecState st, PgType type, Object[] args) {
        this.st = st;
        this.type = type;
        for (Object a : args) {
            if (a instanceof NumericSpecial) {
                throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "start value cannot be NaN");
            }
        }
        boolean anyNull = args[0] == null || args[1] == null || (args.length > 2 && args[2] == null);
        this.empty = anyNull;
        this.next = anyNull ? null : decimal(args[0]);
        this.stop = anyNull ? null : decimal(args[1]);
        this.step = args.length > 2 && args[2] != null ? decimal(args[2]) : BigDecimal.ONE;
        if (!anyNull && step.signum() == 0) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "step size cannot equal zero");
        }
    }

    private static BigDecimal decimal(Object v) {
        return v instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) v).longValue());
    }

    @Override
    public Object[] next() {
        if (empty || (step.signum() > 0 ? next.compareTo(stop) > 0 : next.compareTo(stop) < 0)) {
            return null;
        }
        st.context.checkForInterrupts();
        BigDecimal v = next;
        next = next.add(step);
        return new Object[]{switch (type) {
            case INT4 -> v.intValueExact();
            case INT8 -> v.longValueExact();
            default -> v;
        }};
    }
}
