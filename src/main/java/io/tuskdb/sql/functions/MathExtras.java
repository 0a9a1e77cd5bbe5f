package io.tuskdb.sql.functions;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.types.Casts;
import io.tuskdb.types.NumericSpecial;
import io.tuskdb.types.PgType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import static io.tuskdb.sql.functions.Volatility.IMMUTABLE;
import static io.tuskdb.types.PgType.FLOAT8;
import static io.tuskdb.types.PgType.INT4;
import static io.tuskdb.types.PgType.INT8;
import static io.tuskdb.types.PgType.NUMERIC;

/**
 * cbrt, gcd, lcm, factorial, min_scale, trim_scale and width_bucket (float.c, int.c, int8.c, numeric.c).
 */
final class MathExtras {
    private MathExtras() {
    }

    static void register(Registry r) {
        r.fn("cbrt", FLOAT8, IMMUTABLE, (c, a) -> Math.cbrt((Double) a[0]), FLOAT8);
        r.fn("gcd", INT4, IMMUTABLE, (c, a) -> (int) gcd((Integer) a[0], (Integer) a[1], INT4), INT4, INT4);
        r.fn("gcd", INT8, IMMUTABLE, (c, a) -> gcd((Long) a[0], (Long) a[1], INT8), INT8, INT8);
        r.fn("gcd", NUMERIC, IMMUTABLE, (c, a) -> numericGcdLcm(a[0], a[1], false), NUMERIC, NUMERIC);
        r.fn("lcm", INT4, IMMUTABLE, (c, a) -> (int) lcm((Integer) a[0], (Integer) a[1], INT4), INT4, INT4);
        r.fn("lcm", INT8, IMMUTABLE, (c, a) -> lcm((Long) a[0], (Long) a[1], INT8), INT8, INT8);
        r.fn("lcm", NUMERIC, IMMUTABLE, (c, a) -> numericGcdLcm(a[0], a[1], true), NUMERIC, NUMERIC);
        r.fn("min_scale", INT4, IMMUTABLE, (c, a) -> a[0] instanceof BigDecimal d ? minScale(d) : null, NUMERIC);
        r.fn("trim_scale", NUMERIC, IMMUTABLE, (c, a) -> a[0] instanceof BigDecimal d
                ? d.setScale(minScale(d), RoundingMode.UNNECESSARY) : a[0], NUMERIC);
        r.fn("factorial", NUMERIC, IMMUTABLE, (c, a) -> factorial((Long) a[0]), INT8);
        r.fn("width_bucket", INT4, IMMUTABLE, (c, a) ->
                widthBucket((Double) a[0], (Double) a[1], (Double) a[2], (Integer) a[3]), FLOAT8, FLOAT8, FLOAT8, INT4);
        r.fn("width_bucket", INT4, IMMUTABLE, (c, a) ->
                numericWidthBucket(a[0], a[1], a[2], (Integer) a[3]), NUMERIC, NUMERIC, NUMERIC, INT4);
    }

    /** int4gcd/int8gcd: Euclid on the values as given; a result of MIN_VALUE (|MIN_VALUE|) overflows. */
    static long gcd(long a, long b, PgType type) {
        long min = type == INT4 ? Integer.MIN_VALUE : Long.MIN_VALUE;
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        if (a == min) {
            throw ArithmeticOperators.outOfRange(type);
        }
        return Math.abs(a);
    }

    static long lcm(long a, long b, PgType type) {
        if (a == 0 || b == 0) {
            return 0;
        }
        long g = gcd(a, b, type);
        long product;
        try {
            product = Math.multiplyExact(a / g, b);
        } catch (ArithmeticException e) {
            throw ArithmeticOperators.outOfRange(type);
        }
        if (type == INT4 && (product > Integer.MAX_VALUE || product < Integer.MIN_VALUE)
                || product == (type == INT4 ? Integer.MIN_VALUE : Long.MIN_VALUE)) {
            throw ArithmeticOperators.outOfRange(type);
        }
        return Math.abs(product);
    }

    /** numeric gcd/lcm work on the values scaled to the larger scale; NaN and infinities give NaN. */
    private static Object numericGcdLcm(Object x, Object y, boolean lcm) {
        if (!(x instanceof BigDecimal a) || !(y instanceof BigDecimal b)) {
            return NumericSpecial.NAN;
        }
        int scale = Math.max(Math.max(a.scale(), b.scale()), 0);
        BigInteger ua = a.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
        BigInteger ub = b.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
        BigInteger g = ua.gcd(ub);
        if (!lcm) {
            return new BigDecimal(g, scale);
        }
        if (ua.signum() == 0 || ub.signum() == 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        return new BigDecimal(ua.divide(g).multiply(ub).abs(), scale);
    }

    /** The fewest fractional digits that keep the value (never below zero: 100 has minimum scale 0). */
    private static int minScale(BigDecimal d) {
        return Math.max(d.stripTrailingZeros().scale(), 0);
    }

    private static BigDecimal factorial(long n) {
        if (n < 0) {
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "factorial of a negative number is undefined");
        }
        if (n > 32177) {
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
        }
        BigInteger result = BigInteger.ONE;
        for (long i = 2; i <= n; i++) {
            result = result.multiply(BigInteger.valueOf(i));
        }
        return new BigDecimal(result);
    }

    private static PgException widthBucketError(String message) {
        return new PgException(SqlState.INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION, message);
    }

    /** width_bucket_float8 (float.c): the quotient is truncated, and clamped below count when it rounds to 1. */
    static int widthBucket(double operand, double bound1, double bound2, int count) {
        if (count <= 0) {
            throw widthBucketError("count must be greater than zero");
        }
        if (Double.isNaN(operand) || Double.isNaN(bound1) || Double.isNaN(bound2)) {
            throw widthBucketError("operand, lower bound, and upper bound cannot be NaN");
        }
        if (Double.isInfinite(bound1) || Double.isInfinite(bound2)) {
            throw widthBucketError("lower and upper bounds must be finite");
        }
        if (bound1 == bound2) {
            throw widthBucketError("lower bound cannot equal upper bound");
        }
        boolean ascending = bound1 < bound2;
        if (ascending ? operand < bound1 : operand > bound1) {
            return 0;
        }
        if (ascending ? operand >= bound2 : operand <= bound2) {
            return beyondLast(count);
        }
        double low = ascending ? bound1 : bound2;
        double high = ascending ? bound2 : bound1;
        double distance = ascending ? operand - bound1 : bound1 - operand;
        double quotient = Double.isInfinite(high - low)
                ? (ascending ? operand / 2 - bound1 / 2 : bound1 / 2 - operand / 2) / (high / 2 - low / 2)
                : distance / (high - low);
        int result = (int) (count * quotient);
        return Math.min(result, count - 1) + 1;
    }

    private static int beyondLast(int count) {
        if (count == Integer.MAX_VALUE) {
            throw ArithmeticOperators.outOfRange(INT4);
        }
        return count + 1;
    }

    /** width_bucket_numeric: exact arithmetic, floor((operand - low) * count / (high - low)) + 1. */
    static int numericWidthBucket(Object operand, Object bound1, Object bound2, int count) {
        if (count <= 0) {
            throw widthBucketError("count must be greater than zero");
        }
        if (operand == NumericSpecial.NAN || bound1 == NumericSpecial.NAN || bound2 == NumericSpecial.NAN) {
            throw widthBucketError("operand, lower bound, and upper bound cannot be NaN");
        }
        if (!(bound1 instanceof BigDecimal b1) || !(bound2 instanceof BigDecimal b2)) {
            throw widthBucketError("lower and upper bounds must be finite");
        }
        int order = b1.compareTo(b2);
        if (order == 0) {
            throw widthBucketError("lower bound cannot equal upper bound");
        }
        boolean ascending = order < 0;
        int vsLow = Casts.compare(NUMERIC, operand, b1);
        int vsHigh = Casts.compare(NUMERIC, operand, b2);
        if (ascending ? vsLow < 0 : vsLow > 0) {
            return 0;
        }
        if (ascending ? vsHigh >= 0 : vsHigh <= 0) {
            return beyondLast(count);
        }
        BigDecimal value = (BigDecimal) operand;
        BigDecimal distance = ascending ? value.subtract(b1) : b1.subtract(value);
        BigDecimal width = ascending ? b2.subtract(b1) : b1.subtract(b2);
        BigInteger[] bucket = distance.multiply(BigDecimal.valueOf(count)).divideToIntegralValue(width)
                .toBigInteger().divideAndRemainder(BigInteger.ONE);
        return bucket[0].intValueExact() + 1;
    }
}
