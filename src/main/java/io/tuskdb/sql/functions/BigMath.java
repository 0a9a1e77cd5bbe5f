package io.tuskdb.sql.functions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** exp and ln of BigDecimal to a requested number of decimal places (for numeric's transcendental functions). */
final class BigMath {
    private BigMath() {
    }

    /** e^x correct to about {@code scale} decimal places. */
    static BigDecimal exp(BigDecimal x, int scale) {
        // reduce: e^x = (e^(x / 2^k))^(2^k) with |x / 2^k| < 0.5
        int k = 0;
        BigDecimal r = x;
        while (r.abs().compareTo(new BigDecimal("0.5")) > 0) {
            r = r.divide(NumericOps.TWO);
            k++;
        }
        int precision = scale + 2 * k + 20 + Math.max(0, x.precision() - x.scale());
        MathContext mc = new MathContext(precision, RoundingMode.HALF_EVEN);
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(precision + 2);
        for (int i = 1; i < 100_000; i++) {
            term = term.multiply(r, mc).divide(BigDecimal.valueOf(i), mc);
            sum = sum.add(term, mc);
            if (term.abs().compareTo(epsilon) < 0) {
                break;
            }
        }
        for (int i = 0; i < k; i++) {
            sum = sum.multiply(sum, mc);
        }
        return sum;
    }

    /** ln(x) for x &gt; 0, correct to about {@code scale} decimal places (Halley iteration on exp). */
    static BigDecimal ln(BigDecimal x, int scale) {
        // ln(x) = ln(m) + e * ln(10), m = x / 10^e in [0.1, 10)
        int e = x.precision() - x.scale() - 1;
        BigDecimal m = x.movePointLeft(e);
        BigDecimal lnM = lnNearOne(m, scale + 10);
        if (e == 0) {
            return lnM;
        }
        int extra = Integer.toString(Math.abs(e)).length();
        BigDecimal ln10 = lnNearOne(BigDecimal.TEN, scale + 10 + extra);
        return lnM.add(ln10.multiply(BigDecimal.valueOf(e)));
    }

    private static BigDecimal lnNearOne(BigDecimal m, int scale) {
        MathContext mc = new MathContext(scale + 20, RoundingMode.HALF_EVEN);
        BigDecimal y = new BigDecimal(Math.log(m.doubleValue()));
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(scale + 5);
        for (int i = 0; i < 100; i++) {
            BigDecimal ey = exp(y, scale + 15);
            // Halley: y += 2 (m - e^y) / (m + e^y)
            BigDecimal delta = twice(m.subtract(ey, mc)).divide(m.add(ey, mc), mc);
            y = y.add(delta, mc);
            if (delta.abs().compareTo(epsilon) < 0) {
                break;
            }
        }
        return y;
    }

    private static BigDecimal twice(BigDecimal v) {
        return v.multiply(NumericOps.TWO);
    }
}
