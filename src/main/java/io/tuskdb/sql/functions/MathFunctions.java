package io.tuskdb.sql.functions;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.tuskdb.sql.functions.Volatility.IMMUTABLE;
import static io.tuskdb.sql.functions.Volatility.VOLATILE;
import static io.tuskdb.types.PgType.FLOAT4;
import static io.tuskdb.types.PgType.FLOAT8;
import static io.tuskdb.types.PgType.INT2;
import static io.tuskdb.types.PgType.INT4;
import static io.tuskdb.types.PgType.INT8;
import static io.tuskdb.types.PgType.NUMERIC;
import static io.tuskdb.types.PgType.UUID;

/** Mathematical functions (float.c, numeric.c, int.c) with pg_proc's signatures and errors. */
final class MathFunctions {
    private MathFunctions() {
    }

    private static final SecureRandom UUID_RANDOM = new SecureRandom();

    static void register(Registry r) {
        r.fn("abs", INT2, IMMUTABLE, (c, a) -> ArithmeticOperators.narrow(abs((Short) a[0], INT2), INT2), INT2);
        r.fn("abs", INT4, IMMUTABLE, (c, a) -> ArithmeticOperators.narrow(abs((Integer) a[0], INT4), INT4), INT4);
        r.fn("abs", INT8, IMMUTABLE, (c, a) -> abs((Long) a[0], INT8), INT8);
        r.fn("abs", FLOAT4, IMMUTABLE, (c, a) -> Math.abs((Float) a[0]), FLOAT4);
        r.fn("abs", FLOAT8, IMMUTABLE, (c, a) -> Math.abs((Double) a[0]), FLOAT8);
        r.fn("abs", NUMERIC, IMMUTABLE, (c, a) -> NumericOps.abs(a[0]), NUMERIC);

        r.fn("round", NUMERIC, IMMUTABLE, (c, a) -> NumericOps.round(a[0], 0, RoundingMode.HALF_UP), NUMERIC);
        r.fn("round", NUMERIC, IMMUTABLE, (c, a) -> NumericOps.round(a[0], (Integer) a[1], RoundingMode.HALF_UP), NUMERIC, INT4);
        r.fn("round", FLOAT8, IMMUTABLE, (c, a) -> Math.rint((Double) a[0]), FLOAT8);
        r.fn("trunc", NUMERIC, IMMUTABLE, (c, a) -> NumericOps.round(a[0], 0, RoundingMode.DOWN), NUMERIC);
        r.fn("trunc", NUMERIC, IMMUTABLE, (c, a) -> NumericOps.round(a[0], (Integer) a[1], RoundingMode.DOWN), NUMERIC, INT4);
        r.fn("trunc", FLOAT8, IMMUTABLE, (c, a) -> truncDouble((Double) a[0]), FLOAT8);
        for (String name : new String[]{"ceil", "ceiling"}) {
            r.fn(name, NUMERIC, IMMUTABLE, (c, a) -> NumericOps.ceilFloor(a[0], RoundingMode.CEILING), NUMERIC);
            r.fn(name, FLOAT8, IMMUTABLE, (c, a) -> Math.ceil((Double) a[0]), FLOAT8);
        }
        r.fn("floor", NUMERIC, IMMUTABLE, (c, a) -> NumericOps.ceilFloor(a[0], RoundingMode.FLOOR), NUMERIC);
        r.fn("floor", FLOAT8, IMMUTABLE, (c, a) -> Math.floor((Double) a[0]), FLOAT8);
        r.fn("sign", NUMERIC, IMMUTABLE, (c, a) -> NumericOps.signum(a[0]), NUMERIC);
        r.fn("sign", FLOAT8, IMMUTABLE, (c, a) -> signDouble((Double) a[0]), FLOAT8);
        r.fn("scale", INT4, IMMUTABLE, (c, a) -> a[0] instanceof BigDecimal d ? d.scale() : null, NUMERIC);

        r.fn("mod", INT2, IMMUTABLE, (c, a) -> (short) ArithmeticOperators.modulo((Short) a[0], (Short) a[1]), INT2, INT2);
        r.fn("mod", INT4, IMMUTABLE, (c, a) -> (int) ArithmeticOperators.modulo((Integer) a[0], (Integer) a[1]), INT4, INT4);
        r.fn("mod", INT8, IMMUTABLE, (c, a) -> ArithmeticOperators.modulo((Long) a[0], (Long) a[1]), INT8, INT8);
        r.fn("mod", NUMERIC, IMMUTABLE, (c, a) -> NumericOps.mod(a[0], a[1]), NUMERIC, NUMERIC);
        r.fn("div", NUMERIC, IMMUTABLE, (c, a) -> NumericOps.divTrunc(a[0], a[1]), NUMERIC, NUMERIC);

        for (String name : new String[]{"power", "pow"}) {
            r.fn(name, FLOAT8, IMMUTABLE, (c, a) -> dpow((Double) a[0], (Double) a[1]), FLOAT8, FLOAT8);
            r.fn(name, NUMERIC, IMMUTABLE, (c, a) -> NumericOps.power(a[0], a[1]), NUMERIC, NUMERIC);
        }
        r.fn("sqrt", FLOAT8, IMMUTABLE, (c, a) -> dsqrt((Double) a[0]), FLOAT8);
        r.fn("sqrt", NUMERIC, IMMUTABLE, (c, a) -> NumericOps.sqrt(a[0]), NUMERIC);
        r.fn("exp", FLOAT8, IMMUTABLE, (c, a) -> dexp((Double) a[0]), FLOAT8);
        r.fn("exp", NUMERIC, IMMUTABLE, (c, a) -> NumericOps.exp(a[0]), NUMERIC);
        r.fn("ln", FLOAT8, IMMUTABLE, (c, a) -> dlog((Double) a[0], false), FLOAT8);
        r.fn("ln", NUMERIC, IMMUTABLE, (c, a) -> NumericOps.ln(a[0]), NUMERIC);
        for (String name : new String[]{"log", "log10"}) {
            r.fn(name, FLOAT8, IMMUTABLE, (c, a) -> dlog((Double) a[0], true), FLOAT8);
            r.fn(name, NUMERIC, IMMUTABLE, (c, a) -> NumericOps.log(BigDecimal.TEN, a[0]), NUMERIC);
        }
        r.fn("log", NUMERIC, IMMUTABLE, (c, a) -> NumericOps.log(a[0], a[1]), NUMERIC, NUMERIC);
        r.fn("pi", FLOAT8, IMMUTABLE, (c, a) -> Math.PI);
        r.fn("degrees", FLOAT8, IMMUTABLE, (c, a) -> Math.toDegrees((Double) a[0]), FLOAT8);
        r.fn("radians", FLOAT8, IMMUTABLE, (c, a) -> Math.toRadians((Double) a[0]), FLOAT8);
        r.fn("random", FLOAT8, VOLATILE, (c, a) -> ThreadLocalRandom.current().nextDouble());
        r.fn("gen_random_uuid", UUID, VOLATILE, (c, a) -> randomUuid());
    }

    private static long abs(long v, io.tuskdb.types.PgType t) {
        return v < 0 ? ArithmeticOperators.negate(v, t) : v;
    }

    private static double truncDouble(double v) {
        return v >= 0 ? Math.floor(v) : Math.ceil(v);
    }

    private static double signDouble(double v) {
        return v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0;
    }

    private static PgException powerError(String message) {
        return new PgException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION, message);
    }

    /** dpow: POSIX pow(3) semantics plus PostgreSQL's errors. */
    static double dpow(double x, double y) {
        if (Double.isNaN(x)) {
            return (Double.isNaN(y) || y != 0) ? Double.NaN : 1.0;
        }
        if (Double.isNaN(y)) {
            return x != 1 ? Double.NaN : 1.0;
        }
        if (x == 0 && y < 0) {
            throw powerError("zero raised to a negative power is undefined");
        }
        if (x < 0 && Math.floor(y) != y && !Double.isInfinite(y)) {
            throw powerError("a negative number raised to a non-integer power yields a complex result");
        }
        if (Double.isInfinite(y) && Math.abs(x) == 1) {
            return 1.0; // POSIX: (-1) ^ +-Inf = 1
        }
        double result = Math.pow(x, y);
        if (Double.isInfinite(result) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
            throw ArithmeticOperators.floatOverflow();
        }
        if (result == 0 && x != 0 && !Double.isInfinite(x) && !Double.isInfinite(y)) {
            throw ArithmeticOperators.floatUnderflow();
        }
        return result;
    }

    static double dsqrt(double x) {
        if (x < 0) {
            throw powerError("cannot take square root of a negative number");
        }
        return Math.sqrt(x);
    }

    static double dexp(double x) {
        double result = Math.exp(x);
        if (Double.isInfinite(result) && !Double.isInfinite(x)) {
            throw ArithmeticOperators.floatOverflow();
        }
        if (result == 0 && !Double.isInfinite(x)) {
            throw ArithmeticOperators.floatUnderflow();
        }
        return result;
    }

    static double dlog(double x, boolean base10) {
        if (x == 0) {
            throw new PgException(SqlState.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of zero");
        }
        if (x < 0) {
            throw new PgException(SqlState.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of a negative number");
        }
        return base10 ? Math.log10(x) : Math.log(x);
    }

    /** gen_random_uuid: a version 4 UUID from a cryptographic generator. */
    static UUID randomUuid() {
        byte[] b = new byte[16];
        UUID_RANDOM.nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (b[i] & 0xff);
            lo = (lo << 8) | (b[i + 8] & 0xff);
        }
        return new UUID(hi, lo);
    }
}
