package io.tuskdb.sql.functions;

import io.tuskdb.error.Errors;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.types.NumericSpecial;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * numeric arithmetic with numeric.c's result scales: + and - keep the larger scale, * the sum of scales,
 * / uses {@code select_div_scale} (at least 16 significant digits), sqrt/ln/exp/log/power their own
 * NUMERIC_MIN_SIG_DIGITS rules. Values are BigDecimal or {@link NumericSpecial}; results round half away from
 * zero like round_var.
 */
final class NumericOps {
    private NumericOps() {
    }

    static final int MIN_SIG_DIGITS = 16;
    static final int MAX_DISPLAY_SCALE = 1000;
    static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal NBASE = BigDecimal.valueOf(10000);

    static final NumericSpecial NAN = NumericSpecial.NAN;
    static final NumericSpecial PINF = NumericSpecial.POSITIVE_INFINITY;
    static final NumericSpecial NINF = NumericSpecial.NEGATIVE_INFINITY;

    /** -1, 0, 1 for a finite value or an infinity; NaN has no sign (callers check it first). */
    static int sign(Object v) {
        if (v instanceof NumericSpecial s) {
            return s == PINF ? 1 : s == NINF ? -1 : 0;
        }
        return ((BigDecimal) v).signum();
    }

    static Object infinity(int sign) {
        return sign > 0 ? PINF : NINF;
    }

    static Object add(Object a, Object b) {
        if (a instanceof NumericSpecial || b instanceof NumericSpecial) {
            if (a == NAN || b == NAN) {
                return NAN;
            }
            if (a instanceof NumericSpecial sa && b instanceof NumericSpecial sb) {
                return sa == sb ? sa : NAN;
            }
            return a instanceof NumericSpecial ? a : b;
        }
        return ((BigDecimal) a).add((BigDecimal) b);
    }

    static Object negate(Object a) {
        if (a instanceof NumericSpecial s) {
            return s == NAN ? NAN : s == PINF ? NINF : PINF;
        }
        return ((BigDecimal) a).negate();
    }

    static Object subtract(Object a, Object b) {
        return add(a, negate(b));
    }

    static Object multiply(Object a, Object b) {
        if (a instanceof NumericSpecial || b instanceof NumericSpecial) {
            if (a == NAN || b == NAN) {
                return NAN;
            }
            int s = sign(a) * sign(b);
            return s == 0 ? NAN : infinity(s);
        }
        return ((BigDecimal) a).multiply((BigDecimal) b);
    }

    static Object divide(Object a, Object b) {
        if (a instanceof NumericSpecial || b instanceof NumericSpecial) {
            return divideSpecial(a, b);
        }
        BigDecimal x = (BigDecimal) a;
        BigDecimal y = (BigDecimal) b;
        if (y.signum() == 0) {
            throw Errors.divisionByZero();
        }
        return x.divide(y, selectDivScale(x, y), RoundingMode.HALF_UP);
    }

    /** numeric_div and numeric_div_trunc when NaN or an infinity is involved. */
    private static Object divideSpecial(Object a, Object b) {
        if (a == NAN || b == NAN) {
            return NAN;
        }
        if (a instanceof NumericSpecial) {
            if (b instanceof NumericSpecial) {
                return NAN;
            }
            int sb = sign(b);
            if (sb == 0) {
                throw Errors.divisionByZero();
            }
            return infinity(sign(a) * sb);
        }
        return BigDecimal.ZERO;
    }

    /** numeric_div_trunc: div(a, b), the truncated integer quotient. */
    static Object divTrunc(Object a, Object b) {
        if (a instanceof NumericSpecial || b instanceof NumericSpecial) {
            return divideSpecial(a, b);
        }
        BigDecimal y = (BigDecimal) b;
        if (y.signum() == 0) {
            throw Errors.divisionByZero();
        }
        return ((BigDecimal) a).divide(y, 0, RoundingMode.DOWN);
    }

    static Object mod(Object a, Object b) {
        if (a instanceof NumericSpecial || b instanceof NumericSpecial) {
            if (a == NAN || b == NAN) {
                return NAN;
            }
            if (a instanceof NumericSpecial) {
                if (sign(b) == 0) {
                    throw Errors.divisionByZero();
                }
                return NAN;
            }
            return a;
        }
        BigDecimal x = (BigDecimal) a;
        BigDecimal y = (BigDecimal) b;
        if (y.signum() == 0) {
            throw Errors.divisionByZero();
        }
        BigDecimal q = x.divide(y, 0, RoundingMode.DOWN);
        BigDecimal r = x.subtract(q.multiply(y));
        return r.setScale(Math.max(x.scale(), y.scale()), RoundingMode.UNNECESSARY);
    }

    /** The base-10000 weight of the first non-zero digit, and that digit (numeric.c's NumericVar view). */
    static int nbaseWeight(BigDecimal v) {
        if (v.signum() == 0) {
            return 0;
        }
        int decimalExponent = v.precision() - v.scale() - 1;
        return Math.floorDiv(decimalExponent, 4);
    }

    static int nbaseFirstDigit(BigDecimal v) {
        if (v.signum() == 0) {
            return 0;
        }
        return v.abs().movePointLeft(4 * nbaseWeight(v)).setScale(0, RoundingMode.DOWN).intValue();
    }

    /** numeric.c select_div_scale. */
    static int selectDivScale(BigDecimal x, BigDecimal y) {
        int weight1 = nbaseWeight(x);
        int first1 = nbaseFirstDigit(x);
        int weight2 = nbaseWeight(y);
        int first2 = nbaseFirstDigit(y);
        int qweight = weight1 - weight2;
        if (first1 <= first2) {
            qweight--;
        }
        int rscale = MIN_SIG_DIGITS - qweight * 4;
        rscale = Math.max(rscale, Math.max(x.scale(), 0));
        rscale = Math.max(rscale, Math.max(y.scale(), 0));
        return Math.min(rscale, MAX_DISPLAY_SCALE);
    }

    private static int clampScale(int rscale, int... dscales) {
        for (int d : dscales) {
            rscale = Math.max(rscale, d);
        }
        return Math.min(Math.max(rscale, 0), MAX_DISPLAY_SCALE);
    }

    static Object abs(Object a) {
        if (a instanceof NumericSpecial s) {
            return s == NAN ? NAN : PINF;
        }
        return ((BigDecimal) a).abs();
    }

    static Object round(Object a, int scale, RoundingMode mode) {
        if (a instanceof NumericSpecial) {
            return a;
        }
        scale = Math.max(-MAX_DISPLAY_SCALE, Math.min(scale, MAX_DISPLAY_SCALE));
        BigDecimal r = ((BigDecimal) a).setScale(scale, mode);
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    static Object ceilFloor(Object a, RoundingMode mode) {
        if (a instanceof NumericSpecial) {
            return a;
        }
        return ((BigDecimal) a).setScale(0, mode);
    }

    static Object signum(Object a) {
        if (a == NAN) {
            return NAN;
        }
        return BigDecimal.valueOf(sign(a));
    }

    static Object sqrt(Object a) {
        if (a instanceof NumericSpecial s) {
            if (s == NINF) {
                throw new PgException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                        "cannot take square root of a negative number");
            }
            return s;
        }
        BigDecimal x = (BigDecimal) a;
        if (x.signum() < 0) {
            throw new PgException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "cannot take square root of a negative number");
        }
        int sweight = (nbaseWeight(x) + 1) * 4 / 2 - 1;
        int rscale = clampScale(MIN_SIG_DIGITS - sweight, x.scale());
        if (x.signum() == 0) {
            return BigDecimal.ZERO.setScale(rscale);
        }
        int digits = Math.max(1, x.precision() - x.scale()) / 2 + rscale + 10;
        return x.sqrt(new MathContext(digits, RoundingMode.HALF_EVEN)).setScale(rscale, RoundingMode.HALF_UP);
    }

    /** estimate_ln_dweight: the decimal weight of ln(x). */
    static int estimateLnDweight(BigDecimal x) {
        if (x.signum() <= 0) {
            return 0;
        }
        if (x.compareTo(new BigDecimal("0.9")) >= 0 && x.compareTo(new BigDecimal("1.1")) <= 0) {
            BigDecimal d = x.subtract(BigDecimal.ONE);
            if (d.signum() == 0) {
                return 0;
            }
            return d.precision() - d.scale() - 1;
        }
        int weight = nbaseWeight(x);
        BigDecimal scaled = x.movePointLeft(4 * weight);
        int digits = scaled.setScale(0, RoundingMode.DOWN).intValue();
        int dweight = weight * 4;
        BigDecimal rest = scaled.subtract(BigDecimal.valueOf(digits));
        if (rest.signum() != 0) {
            digits = digits * 10000 + rest.movePointRight(4).setScale(0, RoundingMode.DOWN).intValue();
            dweight -= 4;
        }
        double lnVar = Math.log(digits) + dweight * 2.302585092994046;
        return (int) Math.log10(Math.abs(lnVar));
    }

    static Object ln(Object a) {
        if (a instanceof NumericSpecial s) {
            if (s == NINF) {
                throw new PgException(SqlState.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of a negative number");
            }
            return s;
        }
        BigDecimal x = (BigDecimal) a;
        checkLogArgument(x);
        int rscale = clampScale(MIN_SIG_DIGITS - estimateLnDweight(x), x.scale());
        return BigMath.ln(x, rscale + 10).setScale(rscale, RoundingMode.HALF_UP);
    }

    private static void checkLogArgument(BigDecimal x) {
        if (x.signum() == 0) {
            throw new PgException(SqlState.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of zero");
        }
        if (x.signum() < 0) {
            throw new PgException(SqlState.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of a negative number");
        }
    }

    /** log(base, x) = ln(x) / ln(base) with log_var's scale. */
    static Object log(Object base, Object num) {
        if (base instanceof NumericSpecial || num instanceof NumericSpecial) {
            if (base == NAN || num == NAN) {
                return NAN;
            }
            int signBase = sign(base);
            int signNum = sign(num);
            if (signBase < 0 || signNum < 0) {
                throw new PgException(SqlState.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of a negative number");
            }
            if (signBase == 0 || signNum == 0) {
                throw new PgException(SqlState.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of zero");
            }
            if (base == PINF) {
                return num == PINF ? NAN : BigDecimal.ZERO;
            }
            return PINF;
        }
        BigDecimal b = (BigDecimal) base;
        BigDecimal x = (BigDecimal) num;
        checkLogArgument(b);
        checkLogArgument(x);
        if (b.compareTo(BigDecimal.ONE) == 0) {
            throw Errors.divisionByZero();
        }
        int lnBaseDw = estimateLnDweight(b);
        int lnNumDw = estimateLnDweight(x);
        int resultDw = lnNumDw - lnBaseDw;
        int rscale = clampScale(MIN_SIG_DIGITS - resultDw, b.scale(), x.scale());
        int work = rscale + Math.abs(resultDw) + 20;
        BigDecimal lnB = BigMath.ln(b, work);
        BigDecimal lnX = BigMath.ln(x, work);
        return lnX.divide(lnB, rscale, RoundingMode.HALF_UP);
    }

    static Object exp(Object a) {
        if (a instanceof NumericSpecial s) {
            return s == NINF ? BigDecimal.ZERO : s;
        }
        BigDecimal x = (BigDecimal) a;
        double val = x.doubleValue() * 0.434294481903252;
        val = Math.max(-2000, Math.min(val, 2000));
        int rscale = clampScale(MIN_SIG_DIGITS - (int) val, x.scale());
        if (val > 131072) {
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
        }
        int intDigits = Math.max(1, (int) val + 1);
        return BigMath.exp(x, rscale + intDigits + 10).setScale(rscale, RoundingMode.HALF_UP);
    }

    static Object power(Object a, Object b) {
        if (a instanceof NumericSpecial || b instanceof NumericSpecial) {
            return powerSpecial(a, b);
        }
        BigDecimal base = (BigDecimal) a;
        BigDecimal exp = (BigDecimal) b;
        if (base.signum() == 0 && exp.signum() < 0) {
            throw new PgException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "zero raised to a negative power is undefined");
        }
        boolean integral = exp.stripTrailingZeros().scale() <= 0;
        if (base.signum() < 0 && !integral) {
            throw new PgException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "a negative number raised to a non-integer power yields a complex result");
        }
        if (integral && exp.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
            int n = exp.intValueExact();
            int rscale = clampScale(MIN_SIG_DIGITS, base.scale());
            if (n == 0) {
                return BigDecimal.ONE.setScale(rscale);
            }
            if (base.signum() == 0) {
                return BigDecimal.ZERO.setScale(rscale);
            }
            BigDecimal magnitude = base.abs();
            double estimate = n * Math.log10(magnitude.doubleValue() == 0 ? Double.MIN_VALUE
                    : magnitude.doubleValue());
            if (Double.isInfinite(estimate) || estimate > 131072) {
                throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
            }
            int digits = rscale + Math.max(1, (int) Math.abs(estimate) + 1) + 20;
            BigDecimal r = n > 0 ? base.pow(n, new MathContext(Math.max(digits, 1)))
                    : BigDecimal.ONE.divide(base.pow(-n, new MathContext(digits)), new MathContext(digits));
            return r.setScale(rscale, RoundingMode.HALF_UP);
        }
        if (base.signum() == 0) {
            return BigDecimal.ZERO.setScale(clampScale(MIN_SIG_DIGITS, base.scale(), exp.scale()));
        }
        // x ^ y = exp(y * ln(|x|)), negative for a negative base raised to an odd integer (power_var)
        boolean negative = base.signum() < 0 && exp.toBigInteger().testBit(0);
        BigDecimal magnitude = base.abs();
        BigDecimal lnBase = BigMath.ln(magnitude, 30);
        double val = lnBase.multiply(exp).doubleValue() * 0.434294481903252;
        if (Math.abs(val) > 32767 * 4 * 1.01) {
            if (val > 0) {
                throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
            }
            return BigDecimal.ZERO.setScale(MAX_DISPLAY_SCALE);
        }
        int rscale = clampScale(MIN_SIG_DIGITS - (int) val, base.scale(), exp.scale());
        if (val < -rscale - 2) {
            return BigDecimal.ZERO.setScale(rscale);
        }
        int work = rscale + Math.max(1, (int) Math.abs(val) + 1) + 20;
        BigDecimal result = BigMath.exp(BigMath.ln(magnitude, work).multiply(exp), work)
                .setScale(rscale, RoundingMode.HALF_UP);
        return negative ? result.negate() : result;
    }

    /** numeric_power's POSIX pow(3) rules for NaN and infinite inputs. */
    private static Object powerSpecial(Object a, Object b) {
        if (a == NAN) {
            return (b instanceof BigDecimal e && e.signum() == 0) ? BigDecimal.ONE : NAN;
        }
        if (b == NAN) {
            return (a instanceof BigDecimal x && x.compareTo(BigDecimal.ONE) == 0) ? BigDecimal.ONE : NAN;
        }
        int sign1 = sign(a);
        int sign2 = sign(b);
        if (sign1 == 0 && sign2 < 0) {
            throw new PgException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "zero raised to a negative power is undefined");
        }
        // numeric_is_integral: infinities count as integral
        boolean integralExp = b instanceof NumericSpecial || ((BigDecimal) b).stripTrailingZeros().scale() <= 0;
        if (sign1 < 0 && !integralExp) {
            throw new PgException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "a negative number raised to a non-integer power yields a complex result");
        }
        if (a instanceof BigDecimal x && x.compareTo(BigDecimal.ONE) == 0) {
            return BigDecimal.ONE;
        }
        if (sign2 == 0) {
            return BigDecimal.ONE;
        }
        if (sign1 == 0) {
            return BigDecimal.ZERO;
        }
        if (b instanceof NumericSpecial) {
            boolean absGtOne;
            if (a instanceof NumericSpecial) {
                absGtOne = true;
            } else {
                BigDecimal x = (BigDecimal) a;
                if (x.compareTo(BigDecimal.ONE.negate()) == 0) {
                    return BigDecimal.ONE;
                }
                absGtOne = x.abs().compareTo(BigDecimal.ONE) > 0;
            }
            return absGtOne == (sign2 > 0) ? PINF : BigDecimal.ZERO;
        }
        if (a == PINF) {
            return sign2 > 0 ? PINF : BigDecimal.ZERO;
        }
        // a is -Infinity, b finite integral
        if (sign2 < 0) {
            return BigDecimal.ZERO;
        }
        BigInteger n = ((BigDecimal) b).toBigInteger();
        return n.testBit(0) ? NINF : PINF;
    }

    static BigDecimal nbase() {
        return NBASE;
    }
}
