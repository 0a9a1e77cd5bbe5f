package io.tuskdb.types;

import io.tuskdb.error.Errors;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * numeric text and binary forms (numeric.c {@code numeric_in/out/send/recv}). The binary form is PostgreSQL's
 * NBASE = 10000 digit array: int16 ndigits, int16 weight, uint16 sign, int16 dscale, then the digits.
 */
final class NumericFormat {
    private NumericFormat() {
    }

    private static final int NUMERIC_POS = 0x0000;
    private static final int NUMERIC_NEG = 0x4000;
    private static final int NUMERIC_NAN = 0xC000;
    private static final int NUMERIC_PINF = 0xD000;
    private static final int NUMERIC_NINF = 0xF000;
    private static final int NUMERIC_MAX_DSCALE = 0x3FFF;
    private static final BigInteger NBASE = BigInteger.valueOf(10000);

    static String toText(Object value) {
        if (value instanceof NumericSpecial special) {
            return switch (special) {
                case NAN -> "NaN";
                case POSITIVE_INFINITY -> "Infinity";
                case NEGATIVE_INFINITY -> "-Infinity";
            };
        }
        BigDecimal d = (BigDecimal) value;
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        return d.toPlainString();
    }

    static Object fromText(String text) {
        String s = text.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "nan" -> {
                return NumericSpecial.NAN;
            }
            case "infinity", "+infinity", "inf", "+inf" -> {
                return NumericSpecial.POSITIVE_INFINITY;
            }
            case "-infinity", "-inf" -> {
                return NumericSpecial.NEGATIVE_INFINITY;
            }
            default -> {
            }
        }
        if (!FloatFormat.isDecimalSyntax(s)) {
            throw Errors.invalidTextRepresentation("numeric", text);
        }
        BigDecimal d;
        try {
            d = new BigDecimal(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
        }
        return normalize(d);
    }

    /** PostgreSQL never keeps a negative display scale; -0 does not exist. */
    static BigDecimal normalize(BigDecimal d) {
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        if (d.scale() > NUMERIC_MAX_DSCALE) {
            d = d.setScale(NUMERIC_MAX_DSCALE, RoundingMode.HALF_UP);
        }
        return d;
    }

    static byte[] toBinary(Object value) {
        if (value instanceof NumericSpecial special) {
            int sign = switch (special) {
                case NAN -> NUMERIC_NAN;
                case POSITIVE_INFINITY -> NUMERIC_PINF;
                case NEGATIVE_INFINITY -> NUMERIC_NINF;
            };
            // numeric_send writes the dscale bits PostgreSQL's special-value header happens to hold:
            // 0 for NaN, 0x20 for the infinities
            short dscale = special == NumericSpecial.NAN ? 0 : (short) 0x20;
            return ByteBuffer.allocate(8).putShort((short) 0).putShort((short) 0).putShort((short) sign)
                    .putShort(dscale).array();
        }
        BigDecimal d = normalize((BigDecimal) value);
        int dscale = d.scale();
        int fracGroups = (dscale + 3) / 4;
        BigInteger padded = d.unscaledValue().abs().multiply(BigInteger.TEN.pow(fracGroups * 4 - dscale));
        // base-10000 digits, least significant first
        short[] reversed = new short[padded.bitLength() / 13 + 2];
        int count = 0;
        while (padded.signum() != 0) {
            BigInteger[] qr = padded.divideAndRemainder(NBASE);
            reversed[count++] = qr[1].shortValue();
            padded = qr[0];
        }
        int weight = count - fracGroups - 1;
        int low = 0;
        while (low < count && reversed[low] == 0) {
            low++;
        }
        int ndigits = count - low;
        if (ndigits == 0) {
            weight = 0;
        }
        ByteBuffer buf = ByteBuffer.allocate(8 + 2 * ndigits);
        buf.putShort((short) ndigits).putShort((short) weight)
                .putShort((short) (d.signum() < 0 ? NUMERIC_NEG : NUMERIC_POS)).putShort((short) dscale);
        for (int i = count - 1; i >= low; i--) {
            buf.putShort(reversed[i]);
        }
        return buf.array();
    }

    static Object fromBinary(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int ndigits = TypeIO.getShort(buf) & 0xFFFF;
        int weight = TypeIO.getShort(buf);
        int sign = TypeIO.getShort(buf) & 0xFFFF;
        int dscale = TypeIO.getShort(buf) & 0xFFFF;
        if (ndigits > 0x7FFF) {
            throw binaryError("invalid length in external \"numeric\" value");
        }
        switch (sign) {
            case NUMERIC_NAN -> {
                return NumericSpecial.NAN;
            }
            case NUMERIC_PINF -> {
                return NumericSpecial.POSITIVE_INFINITY;
            }
            case NUMERIC_NINF -> {
                return NumericSpecial.NEGATIVE_INFINITY;
            }
            case NUMERIC_POS, NUMERIC_NEG -> {
            }
            default -> throw binaryError("invalid sign in external \"numeric\" value");
        }
        if (dscale > NUMERIC_MAX_DSCALE) {
            throw binaryError("invalid scale in external \"numeric\" value");
        }
        BigInteger acc = BigInteger.ZERO;
        for (int i = 0; i < ndigits; i++) {
            int digit = TypeIO.getShort(buf);
            if (digit < 0 || digit >= 10000) {
                throw binaryError("invalid digit in external \"numeric\" value");
            }
            acc = acc.multiply(NBASE).add(BigInteger.valueOf(digit));
        }
        TypeIO.expectEnd(buf);
        // value = acc * 10000^(weight - ndigits + 1)
        int exponent4 = weight - ndigits + 1;
        BigDecimal d = new BigDecimal(acc, -4 * exponent4);
        if (sign == NUMERIC_NEG) {
            d = d.negate();
        }
        // numeric_recv truncates digits hidden by dscale (trunc_var)
        return d.setScale(dscale, RoundingMode.DOWN);
    }

    private static PgException binaryError(String message) {
        return new PgException(SqlState.INVALID_BINARY_REPRESENTATION, message);
    }
}
