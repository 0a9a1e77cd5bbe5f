package io.tuskdb.types;

import io.tuskdb.error.Errors;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * float4/float8 text input and output as PostgreSQL 12+ prints them (float.c {@code float8out_internal}):
 * with extra_float_digits &gt; 0 the shortest decimal that reads back exactly (Ryu, src/common/d2s.c and f2s.c),
 * fixed notation for decimal exponents in [-4, 15) (float8) or [-4, 6) (float4); otherwise {@code %.*g} with
 * 15 (float8) or 6 (float4) plus extra_float_digits significant digits.
 */
final class FloatFormat {
    private FloatFormat() {
    }

    static String format(double value, boolean isFloat4, int extraFloatDigits) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (extraFloatDigits > 0) {
            return shortest(value, isFloat4);
        }
        int precision = (isFloat4 ? 6 : 15) + extraFloatDigits;
        return formatG(value, Math.max(precision, 1));
    }

    /** Ryu's shortest round-trip digits, printed as to_chars in d2s.c / f2s.c. */
    private static String shortest(double value, boolean isFloat4) {
        if (value == 0) {
            return (1 / value < 0) ? "-0" : "0";
        }
        boolean negative = value < 0;
        double abs = Math.abs(value);
        BigDecimal decimal;
        if (isFloat4 ? (abs < FLOAT_FAST_LOW || abs >= FLOAT_FAST_HIGH) : (abs < DOUBLE_FAST_LOW || abs >= DOUBLE_FAST_HIGH)) {
            decimal = ryuExact(abs, isFloat4);
        } else {
            // Java 19+ Float/Double.toString give the shortest decimal that reads back exactly; inside these
            // ranges no such decimal can sit on the rounding boundary, so it is exactly Ryu's choice.
            String javaText = isFloat4 ? Float.toString((float) abs) : Double.toString(abs);
            decimal = new BigDecimal(javaText).stripTrailingZeros();
        }
        String digits = decimal.unscaledValue().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        StringBuilder out = new StringBuilder(24);
        if (negative) {
            out.append('-');
        }
        int fixedLimit = isFloat4 ? 6 : 15;
        if (exponent >= -4 && exponent < fixedLimit) {
            out.append(decimal.toPlainString());
        } else {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            appendExponent(out, exponent);
        }
        return out.toString();
    }

    /** Below the smallest normal value (wide relative intervals) and from 2^52 / 2^23 up (intervals whose
     * boundaries have few digits), Ryu and Java can choose differently; there the exact rule is applied. */
    private static final double DOUBLE_FAST_LOW = Double.MIN_NORMAL;
    private static final double DOUBLE_FAST_HIGH = 0x1p52;
    private static final double FLOAT_FAST_LOW = Float.MIN_NORMAL;
    private static final double FLOAT_FAST_HIGH = 0x1p23;

    /**
     * Ryu (as PostgreSQL builds it, without STRICTLY_SHORTEST) computed exactly: the fewest digits of any decimal
     * strictly inside the rounding interval of {@code abs}, then {@code abs} rounded to that many digits, moved up
     * one unit if it fell on the lower bound.
     */
    private static BigDecimal ryuExact(double abs, boolean isFloat4) {
        BigDecimal v = new BigDecimal(abs);
        // the gap above is the ulp (at the largest finite value nextUp would be infinity, which BigDecimal rejects)
        double gapUp = isFloat4 ? Math.ulp((float) abs) : Math.ulp(abs);
        double down = isFloat4 ? Math.nextDown((float) abs) : Math.nextDown(abs);
        BigDecimal two = BigDecimal.valueOf(2);
        BigDecimal hi = v.add(v.add(new BigDecimal(gapUp))).divide(two);
        BigDecimal lo = v.add(new BigDecimal(Math.max(down, 0))).divide(two);
        int k = hi.precision() - hi.scale();
        for (; ; k--) {
            BigDecimal n = lo.movePointLeft(k).setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE);
            if (n.movePointRight(k).compareTo(hi) < 0) {
                break;
            }
        }
        BigDecimal r = v.movePointLeft(k).setScale(0, RoundingMode.HALF_EVEN);
        if (r.movePointRight(k).compareTo(lo) <= 0) {
            r = r.add(BigDecimal.ONE);
        }
        return r.movePointRight(k).stripTrailingZeros();
    }

    /** C's {@code %.{precision}g}: the exact binary value rounded half-even, trailing zeros removed. */
    static String formatG(double value, int precision) {
        if (value == 0) {
            return (1 / value < 0) ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - 1 - rounded.scale();
        StringBuilder out = new StringBuilder(24);
        if (exponent < -4 || exponent >= precision) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            out.append(plain(mantissa));
            appendExponent(out, exponent);
        } else {
            out.append(plain(rounded.stripTrailingZeros()));
        }
        return out.toString();
    }

    private static String plain(BigDecimal d) {
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    private static void appendExponent(StringBuilder out, int exponent) {
        out.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            out.append('0');
        }
        out.append(abs);
    }

    /** float8in / float4in: strtod syntax, infinity and NaN spelled as PostgreSQL accepts them. */
    static double parse(String text, boolean isFloat4) {
        String typeName = isFloat4 ? "real" : "double precision";
        String s = text.strip();
        if (s.isEmpty()) {
            throw Errors.invalidTextRepresentation(typeName, text);
        }
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        switch (lower) {
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            case "infinity", "+infinity", "inf", "+inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-infinity", "-inf" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
            }
        }
        boolean nonZeroDigits;
        if (isDecimalSyntax(s)) {
            nonZeroDigits = hasNonZeroDigit(s);
        } else if (isHexSyntax(s)) {
            // strtod reads C99 hexadecimal floats; Java wants the binary exponent spelled out
            nonZeroDigits = hasNonZeroHexDigit(s);
            if (s.indexOf('p') < 0 && s.indexOf('P') < 0) {
                s = s + "p0";
            }
        } else {
            throw Errors.invalidTextRepresentation(typeName, text);
        }
        double value;
        if (isFloat4) {
            float f = Float.parseFloat(s);
            if (Float.isInfinite(f) || (f == 0 && nonZeroDigits)) {
                throw outOfRange(text, typeName);
            }
            value = f;
        } else {
            value = Double.parseDouble(s);
            if (Double.isInfinite(value) || (value == 0 && nonZeroDigits)) {
                throw outOfRange(text, typeName);
            }
        }
        return value;
    }

    private static PgException outOfRange(String text, String typeName) {
        return new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                "\"" + text + "\" is out of range for type " + typeName);
    }

    private static boolean hasNonZeroDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasNonZeroHexDigit(String s) {
        for (int i = s.indexOf('x') >= 0 ? s.indexOf('x') + 1 : s.indexOf('X') + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'p' || c == 'P') {
                return false;
            }
            if (c != '0' && c != '.') {
                return true;
            }
        }
        return false;
    }

    /** [+-] 0x hexdigits [. hexdigits] [p [+-] digits], at least one mantissa digit (strtod's hex form). */
    static boolean isHexSyntax(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        if (i + 1 >= n || s.charAt(i) != '0' || (s.charAt(i + 1) != 'x' && s.charAt(i + 1) != 'X')) {
            return false;
        }
        i += 2;
        int digits = 0;
        boolean dot = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.' && !dot) {
                dot = true;
            } else if (Character.digit(c, 16) >= 0 && c < 128) {
                digits++;
            } else {
                break;
            }
        }
        return digits > 0 && endsWithExponent(s, i, 'p');
    }

    /** [+-] digits [. digits] [e [+-] digits], at least one mantissa digit. */
    static boolean isDecimalSyntax(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        return digits > 0 && endsWithExponent(s, i, 'e');
    }

    /** Whether {@code s} from {@code i} is empty or an exponent: the letter (either case), [+-], decimal digits. */
    private static boolean endsWithExponent(String s, int i, char letter) {
        int n = s.length();
        if (i == n) {
            return true;
        }
        if (Character.toLowerCase(s.charAt(i)) != letter) {
            return false;
        }
        i++;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digitsStart = i;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i > digitsStart && i == n;
    }
}
