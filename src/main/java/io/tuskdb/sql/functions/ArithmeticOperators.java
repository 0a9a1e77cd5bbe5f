package io.tuskdb.sql.functions;

import io.tuskdb.error.Errors;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.types.Casts;
import io.tuskdb.types.Interval;
import io.tuskdb.types.PgType;

import java.util.List;

import static io.tuskdb.types.PgType.FLOAT4;
import static io.tuskdb.types.PgType.FLOAT8;
import static io.tuskdb.types.PgType.INT2;
import static io.tuskdb.types.PgType.INT4;
import static io.tuskdb.types.PgType.INT8;
import static io.tuskdb.types.PgType.INTERVAL;
import static io.tuskdb.types.PgType.NUMERIC;

/**
 * + - * / % and the prefix, bitwise and power operators on integers (int.c, int8.c: same-width and the
 * int24/int42/int48/int84/int28/int82 cross-width forms), floats (float.c, with float4×float8 forms), numeric and
 * interval, with PostgreSQL's overflow (22003) and division-by-zero (22012) errors.
 */
final class ArithmeticOperators {
    private ArithmeticOperators() {
    }

    private static final List<PgType> INTEGERS = List.of(INT2, INT4, INT8);

    static void register(Registry r) {
        for (PgType left : INTEGERS) {
            for (PgType right : INTEGERS) {
                PgType result = wider(left, right);
                r.op("+", left, right, result, (s, a, b) -> narrow(add(l(a), l(b), result), result));
                r.op("-", left, right, result, (s, a, b) -> narrow(subtract(l(a), l(b), result), result));
                r.op("*", left, right, result, (s, a, b) -> narrow(multiply(l(a), l(b), result), result));
                r.op("/", left, right, result, (s, a, b) -> narrow(divide(l(a), l(b), result), result));
            }
        }
        for (PgType t : INTEGERS) {
            r.op("%", t, t, t, (s, a, b) -> narrow(modulo(l(a), l(b)), t));
            r.op("-", null, t, t, (s, a, b) -> narrow(negate(l(b), t), t));
            r.op("+", null, t, t, (s, a, b) -> b);
            r.op("@", null, t, t, (s, a, b) -> narrow(l(b) < 0 ? negate(l(b), t) : l(b), t));
            r.op("&", t, t, t, (s, a, b) -> narrow(l(a) & l(b), t));
            r.op("|", t, t, t, (s, a, b) -> narrow(l(a) | l(b), t));
            r.op("#", t, t, t, (s, a, b) -> narrow(l(a) ^ l(b), t));
            r.op("~", null, t, t, (s, a, b) -> narrow(~l(b), t));
            r.op("<<", t, INT4, t, (s, a, b) -> shift(a, (Integer) b, t, true));
            r.op(">>", t, INT4, t, (s, a, b) -> shift(a, (Integer) b, t, false));
        }
        registerFloats(r);
        r.op("+", NUMERIC, NUMERIC, NUMERIC, (s, a, b) -> NumericOps.add(a, b));
        r.op("-", NUMERIC, NUMERIC, NUMERIC, (s, a, b) -> NumericOps.subtract(a, b));
        r.op("*", NUMERIC, NUMERIC, NUMERIC, (s, a, b) -> NumericOps.multiply(a, b));
        r.op("/", NUMERIC, NUMERIC, NUMERIC, (s, a, b) -> NumericOps.divide(a, b));
        r.op("%", NUMERIC, NUMERIC, NUMERIC, (s, a, b) -> NumericOps.mod(a, b));
        r.op("^", NUMERIC, NUMERIC, NUMERIC, (s, a, b) -> NumericOps.power(a, b));
        r.op("-", null, NUMERIC, NUMERIC, (s, a, b) -> NumericOps.negate(b));
        r.op("+", null, NUMERIC, NUMERIC, (s, a, b) -> b);
        r.op("@", null, NUMERIC, NUMERIC, (s, a, b) -> NumericOps.abs(b));
        r.op("+", INTERVAL, INTERVAL, INTERVAL, (s, a, b) -> intervalAdd((Interval) a, (Interval) b));
        r.op("-", INTERVAL, INTERVAL, INTERVAL, (s, a, b) -> intervalAdd((Interval) a, intervalNegate((Interval) b)));
        r.op("-", null, INTERVAL, INTERVAL, (s, a, b) -> intervalNegate((Interval) b));
        r.op("*", INTERVAL, FLOAT8, INTERVAL, (s, a, b) -> intervalMultiply((Interval) a, (Double) b, false));
        r.op("*", FLOAT8, INTERVAL, INTERVAL, (s, a, b) -> intervalMultiply((Interval) b, (Double) a, false));
        r.op("/", INTERVAL, FLOAT8, INTERVAL, (s, a, b) -> intervalMultiply((Interval) a, (Double) b, true));
    }

    private static void registerFloats(Registry r) {
        r.op("+", FLOAT4, FLOAT4, FLOAT4, (s, a, b) -> f4((Float) a + (Float) b, (Float) a, (Float) b));
        r.op("-", FLOAT4, FLOAT4, FLOAT4, (s, a, b) -> f4((Float) a - (Float) b, (Float) a, (Float) b));
        r.op("*", FLOAT4, FLOAT4, FLOAT4, (s, a, b) -> f4Mul((Float) a, (Float) b));
        r.op("/", FLOAT4, FLOAT4, FLOAT4, (s, a, b) -> f4Div((Float) a, (Float) b));
        r.op("-", null, FLOAT4, FLOAT4, (s, a, b) -> -(Float) b);
        r.op("+", null, FLOAT4, FLOAT4, (s, a, b) -> b);
        r.op("@", null, FLOAT4, FLOAT4, (s, a, b) -> Math.abs((Float) b));
        PgType[][] mixed = {{FLOAT8, FLOAT8}, {FLOAT4, FLOAT8}, {FLOAT8, FLOAT4}};
        for (PgType[] p : mixed) {
            r.op("+", p[0], p[1], FLOAT8, (s, a, b) -> f8Add(d(a), d(b)));
            r.op("-", p[0], p[1], FLOAT8, (s, a, b) -> f8Add(d(a), -d(b)));
            r.op("*", p[0], p[1], FLOAT8, (s, a, b) -> f8Mul(d(a), d(b)));
            r.op("/", p[0], p[1], FLOAT8, (s, a, b) -> f8Div(d(a), d(b)));
        }
        r.op("-", null, FLOAT8, FLOAT8, (s, a, b) -> -(Double) b);
        r.op("+", null, FLOAT8, FLOAT8, (s, a, b) -> b);
        r.op("@", null, FLOAT8, FLOAT8, (s, a, b) -> Math.abs((Double) b));
        r.op("^", FLOAT8, FLOAT8, FLOAT8, (s, a, b) -> MathFunctions.dpow((Double) a, (Double) b));
        r.op("|/", null, FLOAT8, FLOAT8, (s, a, b) -> MathFunctions.dsqrt((Double) b));
    }

    static long l(Object v) {
        return ((Number) v).longValue();
    }

    static double d(Object v) {
        return ((Number) v).doubleValue();
    }

    private static PgType wider(PgType a, PgType b) {
        return a == INT8 || b == INT8 ? INT8 : (a == INT4 || b == INT4) ? INT4 : INT2;
    }

    static PgException outOfRange(PgType t) {
        return switch (t) {
            case INT2 -> Errors.outOfRange("smallint");
            case INT4 -> Errors.outOfRange("integer");
            default -> Errors.outOfRange("bigint");
        };
    }

    /** Boxes a long as the result type, failing when it does not fit. */
    static Object narrow(long v, PgType t) {
        return Casts.narrowInteger(v, t);
    }

    private static long add(long a, long b, PgType t) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw outOfRange(t);
        }
    }

    private static long subtract(long a, long b, PgType t) {
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            throw outOfRange(t);
        }
    }

    private static long multiply(long a, long b, PgType t) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw outOfRange(t);
        }
    }

    static long divide(long a, long b, PgType t) {
        if (b == 0) {
            throw Errors.divisionByZero();
        }
        if (b == -1) {
            return negate(a, t);
        }
        return a / b;
    }

    static long modulo(long a, long b) {
        if (b == 0) {
            throw Errors.divisionByZero();
        }
        if (b == -1) {
            return 0;
        }
        return a % b;
    }

    static long negate(long a, PgType t) {
        if (a == Long.MIN_VALUE) {
            throw outOfRange(t);
        }
        return -a;
    }

    private static Object shift(Object a, int n, PgType t, boolean left) {
        return switch (t) {
            case INT2 -> (short) (left ? ((Short) a) << n : ((Short) a) >> n);
            case INT4 -> left ? ((Integer) a) << n : ((Integer) a) >> n;
            default -> left ? ((Long) a) << n : ((Long) a) >> n;
        };
    }

    // ----------------------------------------------------------------------------------------- floats

    static PgException floatOverflow() {
        return new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
    }

    static PgException floatUnderflow() {
        return new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
    }

    // float4 operators compute in float and check the widened result; the checks are float.c's
    // check_float4_val / check_float8_val.

    private static Float f4(float result, float a, float b) {
        return (float) addChecks(result, a, b);
    }

    private static Float f4Mul(float a, float b) {
        return (float) mulChecks(a * b, a, b);
    }

    private static Float f4Div(float a, float b) {
        return (float) divChecks(a, b, b == 0 ? 0 : a / b);
    }

    static Double f8Add(double a, double b) {
        return addChecks(a + b, a, b);
    }

    static Double f8Mul(double a, double b) {
        return mulChecks(a * b, a, b);
    }

    static Double f8Div(double a, double b) {
        return divChecks(a, b, b == 0 ? 0 : a / b);
    }

    private static double addChecks(double result, double a, double b) {
        if (Double.isInfinite(result) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
            throw floatOverflow();
        }
        return result;
    }

    private static double mulChecks(double result, double a, double b) {
        addChecks(result, a, b);
        if (result == 0 && a != 0 && b != 0) {
            throw floatUnderflow();
        }
        return result;
    }

    private static double divChecks(double a, double b, double result) {
        if (b == 0 && !Double.isNaN(a)) {
            throw Errors.divisionByZero();
        }
        if (b == 0) {
            return Double.NaN;
        }
        if (Double.isInfinite(result) && !Double.isInfinite(a)) {
            throw floatOverflow();
        }
        if (result == 0 && a != 0 && !Double.isInfinite(b)) {
            throw floatUnderflow();
        }
        return result;
    }

    // --------------------------------------------------------------------------------------- intervals

    static PgException intervalOutOfRange() {
        return new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "interval out of range");
    }

    static Interval intervalAdd(Interval a, Interval b) {
        try {
            return new Interval(Math.addExact(a.months(), b.months()), Math.addExact(a.days(), b.days()),
                    Math.addExact(a.micros(), b.micros()));
        } catch (ArithmeticException e) {
            throw intervalOutOfRange();
        }
    }

    static Interval intervalNegate(Interval a) {
        try {
            return new Interval(Math.negateExact(a.months()), Math.negateExact(a.days()), Math.negateExact(a.micros()));
        } catch (ArithmeticException e) {
            throw intervalOutOfRange();
        }
    }

    private static double tsRound(double v) {
        return Math.rint(v * 1_000_000.0) / 1_000_000.0;
    }

    /** interval_mul / interval_div: fractional months cascade into days (30 per month) and days into seconds. */
    static Interval intervalMultiply(Interval span, double factor, boolean divide) {
        if (divide && factor == 0) {
            throw Errors.divisionByZero();
        }
        double months = divide ? span.months() / factor : span.months() * factor;
        double days = divide ? span.days() / factor : span.days() * factor;
        if (Double.isNaN(months) || months < Integer.MIN_VALUE || months >= 2147483648.0
                || Double.isNaN(days) || days < Integer.MIN_VALUE || days >= 2147483648.0) {
            throw intervalOutOfRange();
        }
        int resultMonths = (int) months;
        int resultDays = (int) days;
        double monthRemainderDays = tsRound((months - resultMonths) * 30);
        double secRemainder = tsRound((days - resultDays + monthRemainderDays - (int) monthRemainderDays) * 86400);
        if (Math.abs(secRemainder) >= 86400) {
            resultDays += (int) (secRemainder / 86400);
            secRemainder -= (int) (secRemainder / 86400) * 86400.0;
        }
        resultDays += (int) monthRemainderDays;
        double time = Math.rint((divide ? span.micros() / factor : span.micros() * factor) + secRemainder * 1_000_000);
        if (Double.isNaN(time) || time < -9.223372036854775808E18 || time >= 9.223372036854775808E18) {
            throw intervalOutOfRange();
        }
        return new Interval(resultMonths, resultDays, (long) time);
    }
}
