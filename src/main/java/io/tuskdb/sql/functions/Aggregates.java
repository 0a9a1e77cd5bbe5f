package io.tuskdb.sql.functions;

import io.tuskdb.types.Casts;
import io.tuskdb.types.Interval;
import io.tuskdb.types.PgType;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;

import static io.tuskdb.types.PgType.BOOL;
import static io.tuskdb.types.PgType.BPCHAR;
import static io.tuskdb.types.PgType.BYTEA;
import static io.tuskdb.types.PgType.DATE;
import static io.tuskdb.types.PgType.FLOAT4;
import static io.tuskdb.types.PgType.FLOAT8;
import static io.tuskdb.types.PgType.INT2;
import static io.tuskdb.types.PgType.INT4;
import static io.tuskdb.types.PgType.INT8;
import static io.tuskdb.types.PgType.INTERVAL;
import static io.tuskdb.types.PgType.NUMERIC;
import static io.tuskdb.types.PgType.OID;
import static io.tuskdb.types.PgType.TEXT;
import static io.tuskdb.types.PgType.TIME;
import static io.tuskdb.types.PgType.TIMESTAMP;
import static io.tuskdb.types.PgType.TIMESTAMPTZ;

/**
 * count, sum, avg, min, max, bool_and/bool_or/every and string_agg with pg_aggregate's signatures: sum of
 * int2/int4 is int8, of int8 numeric; avg of integers and numeric is numeric divided with numeric's
 * select_div_scale, of floats float8.
 */
final class Aggregates {
    private Aggregates() {
    }

    /** The types min and max exist for in PostgreSQL 15 (among TuskDB's types). */
    static final List<PgType> ORDERED = List.of(INT8, BPCHAR, DATE, FLOAT8, INT4, INTERVAL, NUMERIC, OID, FLOAT4,
            INT2, TEXT, TIME, TIMESTAMPTZ, TIMESTAMP);

    static void register(Registry r) {
        r.agg("count", INT8, false, Count::new);
        r.agg("count", INT8, false, Count::new, (PgType) null);
        r.agg("sum", INT8, false, IntegerSum::new, INT2);
        r.agg("sum", INT8, false, IntegerSum::new, INT4);
        r.agg("sum", NUMERIC, false, () -> new NumericSum(false), INT8);
        r.agg("sum", NUMERIC, false, () -> new NumericSum(false), NUMERIC);
        r.agg("sum", FLOAT4, false, Float4Sum::new, FLOAT4);
        r.agg("sum", FLOAT8, false, () -> new Float8Sum(false), FLOAT8);
        r.agg("sum", INTERVAL, false, () -> new IntervalSum(false), INTERVAL);
        r.agg("avg", NUMERIC, false, () -> new NumericSum(true), INT2);
        r.agg("avg", NUMERIC, false, () -> new NumericSum(true), INT4);
        r.agg("avg", NUMERIC, false, () -> new NumericSum(true), INT8);
        r.agg("avg", NUMERIC, false, () -> new NumericSum(true), NUMERIC);
        r.agg("avg", FLOAT8, false, () -> new Float8Sum(true), FLOAT4);
        r.agg("avg", FLOAT8, false, () -> new Float8Sum(true), FLOAT8);
        r.agg("avg", INTERVAL, false, () -> new IntervalSum(true), INTERVAL);
        for (PgType t : ORDERED) {
            r.agg("min", t, false, () -> new Extreme(t, -1), t);
            r.agg("max", t, false, () -> new Extreme(t, 1), t);
        }
        r.agg("bool_and", BOOL, false, () -> new BoolAgg(true), BOOL);
        r.agg("every", BOOL, false, () -> new BoolAgg(true), BOOL);
        r.agg("bool_or", BOOL, false, () -> new BoolAgg(false), BOOL);
        r.agg("string_agg", TEXT, true, StringAgg::new, TEXT, TEXT);
        for (String name : new String[]{"variance", "var_samp", "var_pop", "stddev", "stddev_samp", "stddev_pop"}) {
            boolean sample = !name.endsWith("_pop");
            boolean root = name.startsWith("stddev");
            for (PgType t : new PgType[]{INT2, INT4, INT8, NUMERIC}) {
                r.agg(name, NUMERIC, false, () -> new NumericVariance(sample, root), t);
            }
            for (PgType t : new PgType[]{FLOAT4, FLOAT8}) {
                r.agg(name, FLOAT8, false, () -> new FloatVariance(sample, root), t);
            }
        }
        for (PgType t : new PgType[]{INT2, INT4, INT8}) {
            r.agg("bit_and", t, false, () -> new BitAgg(t, 0), t);
            r.agg("bit_or", t, false, () -> new BitAgg(t, 1), t);
            r.agg("bit_xor", t, false, () -> new BitAgg(t, 2), t);
        }
        r.agg("string_agg", BYTEA, true, ByteaAgg::new, BYTEA, BYTEA);
    }

    private static final class Count implements AggregateFunction.Accumulator {
        private long count;

        @Override
        public void add(Object[] arguments) {
            count++;
        }

        @Override
        public Object result() {
            return count;
        }
    }

    /** sum(int2), sum(int4): an int8 running total ("bigint out of range" on overflow). */
    private static final class IntegerSum implements AggregateFunction.Accumulator {
        private long sum;
        private boolean any;

        @Override
        public void add(Object[] arguments) {
            try {
                sum = Math.addExact(sum, ((Number) arguments[0]).longValue());
            } catch (ArithmeticException e) {
                throw ArithmeticOperators.outOfRange(INT8);
            }
            any = true;
        }

        @Override
        public Object result() {
            return any ? sum : null;
        }
    }

    /** sum and avg over int8/numeric (and avg over int2/int4): exact numeric accumulation. */
    private static final class NumericSum implements AggregateFunction.Accumulator {
        private final boolean average;
        private Object sum = BigDecimal.ZERO;
        private long longSum;
        private boolean longOnly = true;
        private long count;

        NumericSum(boolean average) {
            this.average = average;
        }

        @Override
        public void add(Object[] arguments) {
            Object v = arguments[0];
            count++;
            if (v instanceof Long || v instanceof Integer || v instanceof Short) {
                long l = ((Number) v).longValue();
                if (longOnly) {
                    long next = longSum + l;
                    if (((longSum ^ next) & (l ^ next)) < 0) {
                        longOnly = false;
                        sum = NumericOps.add(BigDecimal.valueOf(longSum), BigDecimal.valueOf(l));
                    } else {
                        longSum = next;
                    }
                } else {
                    sum = NumericOps.add(sum, BigDecimal.valueOf(l));
                }
                return;
            }
            if (longOnly) {
                longOnly = false;
                sum = BigDecimal.valueOf(longSum);
            }
            sum = NumericOps.add(sum, v);
        }

        @Override
        public Object result() {
            if (count == 0) {
                return null;
            }
            Object total = longOnly ? BigDecimal.valueOf(longSum) : sum;
            return average ? NumericOps.divide(total, BigDecimal.valueOf(count)) : total;
        }
    }

    private static final class Float4Sum implements AggregateFunction.Accumulator {
        private float sum;
        private boolean any;

        @Override
        public void add(Object[] arguments) {
            float v = (Float) arguments[0];
            float next = sum + v;
            if (Float.isInfinite(next) && !Float.isInfinite(sum) && !Float.isInfinite(v)) {
                throw ArithmeticOperators.floatOverflow();
            }
            sum = next;
            any = true;
        }

        @Override
        public Object result() {
            return any ? sum : null;
        }
    }

    private static final class Float8Sum implements AggregateFunction.Accumulator {
        private final boolean average;
        private double sum;
        private long count;

        Float8Sum(boolean average) {
            this.average = average;
        }

        @Override
        public void add(Object[] arguments) {
            sum = ArithmeticOperators.f8Add(sum, ((Number) arguments[0]).doubleValue());
            count++;
        }

        @Override
        public Object result() {
            if (count == 0) {
                return null;
            }
            return average ? sum / count : sum;
        }
    }

    private static final class IntervalSum implements AggregateFunction.Accumulator {
        private final boolean average;
        private Interval sum = new Interval(0, 0, 0);
        private long count;

        IntervalSum(boolean average) {
            this.average = average;
        }

        @Override
        public void add(Object[] arguments) {
            sum = ArithmeticOperators.intervalAdd(sum, (Interval) arguments[0]);
            count++;
        }

        @Override
        public Object result() {
            if (count == 0) {
                return null;
            }
            return average ? ArithmeticOperators.intervalMultiply(sum, count, true) : sum;
        }
    }

    private static final class Extreme implements AggregateFunction.Accumulator {
        private final PgType type;
        private final int direction;
        private Object best;

        Extreme(PgType type, int direction) {
            this.type = type;
            this.direction = direction;
        }

        @Override
        public void add(Object[] arguments) {
            Object v = arguments[0];
            if (best == null || Casts.compare(type, v, best) * direction > 0) {
                best = v;
            }
        }

        @Override
        public Object result() {
            return best;
        }
    }

    private static final class BoolAgg implements AggregateFunction.Accumulator {
        private final boolean and;
        private Boolean state;

        BoolAgg(boolean and) {
            this.and = and;
        }

        @Override
        public void add(Object[] arguments) {
            boolean v = (Boolean) arguments[0];
            state = state == null ? v : (and ? state && v : state || v);
        }

        @Override
        public Object result() {
            return state;
        }
    }

    /** string_agg(value, delimiter): null values are skipped; a null delimiter adds nothing. */
    private static final class StringAgg implements AggregateFunction.Accumulator {
        private StringBuilder out;

        @Override
        public void add(Object[] arguments) {
            if (arguments[0] == null) {
                return;
            }
            if (out == null) {
                out = new StringBuilder();
            } else if (arguments[1] != null) {
                out.append((String) arguments[1]);
            }
            out.append((String) arguments[0]);
        }

        @Override
        public Object result() {
            return out == null ? null : out.toString();
        }
    }

    private static final class ByteaAgg implements AggregateFunction.Accumulator {
        private ByteArrayOutputStream out;

        @Override
        public void add(Object[] arguments) {
            if (arguments[0] == null) {
                return;
            }
            if (out == null) {
                out = new ByteArrayOutputStream();
            } else if (arguments[1] != null) {
                out.writeBytes((byte[]) arguments[1]);
            }
            out.writeBytes((byte[]) arguments[0]);
        }

        @Override
        public Object result() {
            return out == null ? null : out.toByteArray();
        }
    }

    /** numeric_stddev_internal: exact sums of X and X*X, then one division at select_div_scale. */
    private static final class NumericVariance implements AggregateFunction.Accumulator {
        private final boolean sample;
        private final boolean root;
        private long n;
        private BigDecimal sumX = BigDecimal.ZERO;
        private BigDecimal sumX2 = BigDecimal.ZERO;
        private boolean nan;
        private boolean infinite;

        NumericVariance(boolean sample, boolean root) {
            this.sample = sample;
            this.root = root;
        }

        @Override
        public void add(Object[] arguments) {
            Object v = arguments[0];
            n++;
            if (v instanceof io.tuskdb.types.NumericSpecial special) {
                if (special == io.tuskdb.types.NumericSpecial.NAN) {
                    nan = true;
                } else {
                    infinite = true;
                }
                return;
            }
            BigDecimal x = v instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) v).longValue());
            sumX = sumX.add(x);
            sumX2 = sumX2.add(x.multiply(x));
        }

        @Override
        public Object result() {
            if (n <= (sample ? 1 : 0)) {
                return null;
            }
            if (nan || infinite) {
                return io.tuskdb.types.NumericSpecial.NAN;
            }
            BigDecimal count = BigDecimal.valueOf(n);
            BigDecimal numerator = count.multiply(sumX2).subtract(sumX.multiply(sumX));
            if (numerator.signum() <= 0) {
                return BigDecimal.ZERO;
            }
            BigDecimal denominator = sample ? count.multiply(BigDecimal.valueOf(n - 1)) : count.multiply(count);
            int rscale = NumericOps.selectDivScale(numerator, denominator);
            BigDecimal variance = numerator.divide(denominator, rscale, java.math.RoundingMode.HALF_UP);
            if (!root) {
                return variance;
            }
            int digits = Math.max(1, variance.precision() - variance.scale()) + rscale + 10;
            return variance.sqrt(new java.math.MathContext(digits)).setScale(rscale, java.math.RoundingMode.HALF_UP);
        }
    }

    /** float8_accum's Youngs-Cramer running sums. */
    private static final class FloatVariance implements AggregateFunction.Accumulator {
        private final boolean sample;
        private final boolean root;
        private double n;
        private double sx;
        private double sxx;

        FloatVariance(boolean sample, boolean root) {
            this.sample = sample;
            this.root = root;
        }

        @Override
        public void add(Object[] arguments) {
            double x = ((Number) arguments[0]).doubleValue();
            double previousN = n;
            n += 1.0;
            sx += x;
            if (previousN > 0.0) {
                double tmp = x * n - sx;
                sxx += tmp * tmp / (n * previousN);
                if (Double.isInfinite(sx) || Double.isInfinite(sxx)) {
                    if (!Double.isInfinite(x)) {
                        throw ArithmeticOperators.floatOverflow();
                    }
                    sxx = Double.NaN;
                }
            } else if (Double.isNaN(x) || Double.isInfinite(x)) {
                sxx = Double.NaN;
            }
        }

        @Override
        public Object result() {
            if (n <= (sample ? 1.0 : 0.0)) {
                return null;
            }
            double variance = sxx / (sample ? n - 1.0 : n);
            return root ? Math.sqrt(variance) : variance;
        }
    }

    /** bit_and, bit_or, bit_xor over integers. */
    private static final class BitAgg implements AggregateFunction.Accumulator {
        private final PgType type;
        private final int op;
        private Long state;

        BitAgg(PgType type, int op) {
            this.type = type;
            this.op = op;
        }

        @Override
        public void add(Object[] arguments) {
            long v = ((Number) arguments[0]).longValue();
            state = state == null ? v : switch (op) {
                case 0 -> state & v;
                case 1 -> state | v;
                default -> state ^ v;
            };
        }

        @Override
        public Object result() {
            return state == null ? null : ArithmeticOperators.narrow(state, type);
        }
    }
}
