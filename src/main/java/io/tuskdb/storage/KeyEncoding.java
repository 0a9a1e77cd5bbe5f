package io.tuskdb.storage;

import io.tuskdb.error.Errors;
import io.tuskdb.types.Interval;
import io.tuskdb.types.NumericSpecial;
import io.tuskdb.types.PgType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The order-preserving ("memcomparable") key encoding: for every {@link PgType}, the unsigned bytewise order of
 * the encodings is PostgreSQL's sort order of the values (with the C collation for text), so a RocksDB range
 * scan is an index range scan in SQL order. Every encoding is prefix-free (no encoding is a proper prefix of
 * another), so column encodings can simply be concatenated for multi-column keys, and a key prefix selects a
 * contiguous range.
 *
 * <ul>
 *   <li>int2/int4/int8: big-endian with the sign bit flipped; oid: big-endian unsigned (PG compares oids
 *       unsigned)</li>
 *   <li>float4/float8: IEEE bits, sign flipped for positives, all bits inverted for negatives; -0 is stored as 0
 *       and every NaN as the canonical NaN, which sorts above +Infinity as in PostgreSQL (float8_cmp_internal)</li>
 *   <li>numeric: a tag (-Inf, negative, zero, positive, +Inf, NaN), then for finite non-zero values the decimal
 *       exponent and the digits in base 100, terminated by 0, all inverted for negatives. Equal values with
 *       different display scales (1.5, 1.50) encode identically, as numeric_cmp considers them equal; the
 *       decoded value therefore has the smallest scale</li>
 *   <li>text, varchar, name, "char", bytea: the bytes (UTF-8) with 0x00 escaped as 0x00 0xFF and the terminator
 *       0x00 0x01, so a string sorts before its extensions; bpchar has its trailing blanks removed first
 *       (bpchar comparison ignores them) and decodes without them</li>
 *   <li>date: days since 1970-01-01, time: microseconds of the day, timestamp and timestamptz: microseconds since
 *       1970-01-01 00:00 UTC, as sign-flipped int64; the infinities (LocalDate/LocalDateTime/Instant MIN and MAX)
 *       map to the extremes</li>
 *   <li>interval: PostgreSQL's comparison span (months * 30 + days) days + micros as a signed 128-bit number
 *       (interval_cmp_value); decoding gives an equal interval expressed in days and microseconds</li>
 *   <li>uuid: the 16 bytes (PG compares uuids with memcmp); bool: 0 or 1</li>
 * </ul>
 *
 * <p>Primary keys (never null, always ascending) use {@link #encode(ByteWriter, PgType, Object)}. Secondary index
 * columns use {@link #encode(ByteWriter, PgType, Object, boolean, boolean)}, which writes a null marker before
 * the value (NULLS FIRST or LAST) and inverts the value's bytes for DESC.
 */
public final class KeyEncoding {
    private KeyEncoding() {
    }

    /** Null marker written before a NULL that sorts first. */
    public static final int NULL_FIRST = 0x00;
    /** Marker written before every non-null value in a nullable (marked) column. */
    public static final int NOT_NULL = 0x01;
    /** Null marker written before a NULL that sorts last (PostgreSQL's default for ASC). */
    public static final int NULL_LAST = 0x02;

    private static final int NUMERIC_NEG_INF = 0x01;
    private static final int NUMERIC_NEG = 0x02;
    private static final int NUMERIC_ZERO = 0x03;
    private static final int NUMERIC_POS = 0x04;
    private static final int NUMERIC_POS_INF = 0x05;
    private static final int NUMERIC_NAN = 0x06;

    private static final long USECS_PER_DAY = 86_400_000_000L;
    private static final BigInteger BIG_USECS_PER_DAY = BigInteger.valueOf(USECS_PER_DAY);

    /** The 4-byte big-endian key prefix of a relation (table or index). */
    public static byte[] relationPrefix(int relationOid) {
        return new byte[]{(byte) (relationOid >>> 24), (byte) (relationOid >>> 16), (byte) (relationOid >>> 8),
                (byte) relationOid};
    }

    /**
     * The smallest key greater than every key that starts with {@code prefix}, or null when there is none
     * (all bytes 0xFF). Used as the exclusive upper bound of a prefix scan.
     */
    public static byte[] prefixEnd(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xFF) {
                byte[] end = java.util.Arrays.copyOf(prefix, i + 1);
                end[i]++;
                return end;
            }
        }
        return null;
    }

    /** Encodes a non-null value ascending, without a null marker (primary-key columns). */
    public static void encode(ByteWriter out, PgType type, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("null in a key column without null marker");
        }
        switch (type) {
            case BOOL -> out.write(((Boolean) value) ? 1 : 0);
            case INT2 -> out.writeShort((int) integral(value, Short.MIN_VALUE, Short.MAX_VALUE) ^ 0x8000);
            case INT4 -> out.writeInt((int) integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE) ^ Integer.MIN_VALUE);
            case OID -> out.writeInt(((Number) value).intValue());
            case INT8 -> out.writeLong(integral(value, Long.MIN_VALUE, Long.MAX_VALUE) ^ Long.MIN_VALUE);
            case FLOAT4 -> out.writeInt(floatKeyBits(((Number) value).floatValue()));
            case FLOAT8 -> out.writeLong(doubleKeyBits(((Number) value).doubleValue()));
            case NUMERIC -> encodeNumeric(out, value);
            case TEXT, VARCHAR, NAME, CHAR, UNKNOWN ->
                    encodeBytes(out, ((String) value).getBytes(StandardCharsets.UTF_8));
            case BPCHAR -> encodeBytes(out, stripTrailingBlanks((String) value).getBytes(StandardCharsets.UTF_8));
            case BYTEA -> encodeBytes(out, (byte[]) value);
            case DATE -> out.writeLong(dateDays((LocalDate) value) ^ Long.MIN_VALUE);
            case TIME -> out.writeLong((((LocalTime) value).toNanoOfDay() / 1000) ^ Long.MIN_VALUE);
            case TIMESTAMP -> out.writeLong(timestampMicros((LocalDateTime) value) ^ Long.MIN_VALUE);
            case TIMESTAMPTZ -> out.writeLong(instantMicros((Instant) value) ^ Long.MIN_VALUE);
            case INTERVAL -> encodeInterval(out, (Interval) value);
            case UUID -> {
                UUID u = (UUID) value;
                out.writeLong(u.getMostSignificantBits());
                out.writeLong(u.getLeastSignificantBits());
            }
            case VOID -> throw Errors.featureNotSupported("keys of type void");
        }
    }

    /**
     * Encodes a possibly null value with a null marker: NULL sorts first when {@code nullsFirst}, else last;
     * {@code descending} inverts the value's bytes so the column sorts in descending order (the marker is not
     * inverted, so the null placement is exactly what {@code nullsFirst} says).
     */
    public static void encode(ByteWriter out, PgType type, Object value, boolean descending, boolean nullsFirst) {
        if (value == null) {
            out.write(nullsFirst ? NULL_FIRST : NULL_LAST);
            return;
        }
        out.write(NOT_NULL);
        int start = out.size();
        encode(out, type, value);
        if (descending) {
            out.invertFrom(start);
        }
    }

    /** Decodes what {@link #encode(ByteWriter, PgType, Object)} wrote. */
    public static Object decode(ByteReader in, PgType type) {
        return decode(in, type, 0);
    }

    /** Decodes what {@link #encode(ByteWriter, PgType, Object, boolean, boolean)} wrote (null included). */
    public static Object decode(ByteReader in, PgType type, boolean descending) {
        int marker = in.read();
        if (marker == NULL_FIRST || marker == NULL_LAST) {
            return null;
        }
        if (marker != NOT_NULL) {
            throw new IllegalArgumentException("bad null marker " + marker);
        }
        return decode(in, type, descending ? 0xFF : 0);
    }

    private static Object decode(ByteReader in, PgType type, int mask) {
        return switch (type) {
            case BOOL -> (in.read() ^ mask) != 0;
            case INT2 -> (short) (readN(in, 2, mask) ^ 0x8000);
            case INT4 -> (int) (readN(in, 4, mask) ^ 0x80000000L);
            case OID -> (int) readN(in, 4, mask);
            case INT8 -> readN(in, 8, mask) ^ Long.MIN_VALUE;
            case FLOAT4 -> {
                int bits = (int) readN(in, 4, mask);
                yield Float.intBitsToFloat(bits < 0 ? bits & Integer.MAX_VALUE : ~bits);
            }
            case FLOAT8 -> {
                long bits = readN(in, 8, mask);
                yield Double.longBitsToDouble(bits < 0 ? bits & Long.MAX_VALUE : ~bits);
            }
            case NUMERIC -> decodeNumeric(in, mask);
            case TEXT, VARCHAR, NAME, CHAR, UNKNOWN, BPCHAR ->
                    new String(decodeBytes(in, mask), StandardCharsets.UTF_8);
            case BYTEA -> decodeBytes(in, mask);
            case DATE -> {
                long days = readN(in, 8, mask) ^ Long.MIN_VALUE;
                yield days == Long.MAX_VALUE ? LocalDate.MAX : days == Long.MIN_VALUE ? LocalDate.MIN
                        : LocalDate.ofEpochDay(days);
            }
            case TIME -> LocalTime.ofNanoOfDay((readN(in, 8, mask) ^ Long.MIN_VALUE) * 1000);
            case TIMESTAMP -> {
                long micros = readN(in, 8, mask) ^ Long.MIN_VALUE;
                yield micros == Long.MAX_VALUE ? LocalDateTime.MAX : micros == Long.MIN_VALUE ? LocalDateTime.MIN
                        : LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
            }
            case TIMESTAMPTZ -> {
                long micros = readN(in, 8, mask) ^ Long.MIN_VALUE;
                yield micros == Long.MAX_VALUE ? Instant.MAX : micros == Long.MIN_VALUE ? Instant.MIN
                        : Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        Math.floorMod(micros, 1_000_000L) * 1000);
            }
            case INTERVAL -> decodeInterval(in, mask);
            case UUID -> new UUID(readN(in, 8, mask), readN(in, 8, mask));
            case VOID -> throw Errors.featureNotSupported("keys of type void");
        };
    }

    /**
     * An integer key value, refusing one the column type cannot hold: narrowing it (a smallint column bounded by
     * an integer constant) would silently select the wrong range; callers must clamp such bounds themselves.
     */
    private static long integral(Object value, long min, long max) {
        long v = ((Number) value).longValue();
        if (v < min || v > max || !(value instanceof Short || value instanceof Integer || value instanceof Long
                || value instanceof Byte)) {
            throw new IllegalArgumentException("key value " + value + " does not fit the key column's type");
        }
        return v;
    }

    private static long readN(ByteReader in, int n, int mask) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (in.read() ^ mask);
        }
        return v;
    }

    // ---- floats

    static int floatKeyBits(float f) {
        if (f == 0.0f) {
            f = 0.0f; // -0 equals 0 in PostgreSQL
        }
        int bits = Float.floatToIntBits(f); // canonical NaN, above +Infinity once sign-flipped
        return bits < 0 ? ~bits : bits ^ Integer.MIN_VALUE;
    }

    static long doubleKeyBits(double d) {
        if (d == 0.0) {
            d = 0.0;
        }
        long bits = Double.doubleToLongBits(d);
        return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
    }

    // ---- strings

    private static void encodeBytes(ByteWriter out, byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                out.write(0x00).write(0xFF);
            } else {
                out.write(b);
            }
        }
        out.write(0x00).write(0x01);
    }

    private static byte[] decodeBytes(ByteReader in, int mask) {
        ByteWriter w = new ByteWriter(16);
        while (true) {
            int b = in.read() ^ mask;
            if (b == 0) {
                int next = in.read() ^ mask;
                if (next == 0x01) {
                    return w.toByteArray();
                }
                if (next != 0xFF) {
                    throw new IllegalArgumentException("bad escape in key string");
                }
            }
            w.write(b);
        }
    }

    /** bpchar's comparison ignores trailing blanks (bpcharcmp). */
    static String stripTrailingBlanks(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    // ---- numeric

    private static void encodeNumeric(ByteWriter out, Object value) {
        if (value instanceof NumericSpecial special) {
            out.write(switch (special) {
                case NEGATIVE_INFINITY -> NUMERIC_NEG_INF;
                case POSITIVE_INFINITY -> NUMERIC_POS_INF;
                case NAN -> NUMERIC_NAN;
            });
            return;
        }
        BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        int signum = d.signum();
        if (signum == 0) {
            out.write(NUMERIC_ZERO);
            return;
        }
        out.write(signum > 0 ? NUMERIC_POS : NUMERIC_NEG);
        int start = out.size();
        BigDecimal abs = d.abs().stripTrailingZeros();
        String digits = abs.unscaledValue().toString();
        int n = digits.length();
        // value = 0.d1d2...dn * 10^exponent
        long exponent = (long) n - abs.scale();
        if (exponent > Integer.MAX_VALUE || exponent < Integer.MIN_VALUE) {
            throw Errors.outOfRange("numeric");
        }
        out.writeInt((int) exponent ^ Integer.MIN_VALUE);
        for (int i = 0; i < n; i += 2) {
            int hi = digits.charAt(i) - '0';
            int lo = i + 1 < n ? digits.charAt(i + 1) - '0' : 0;
            out.write(1 + hi * 10 + lo); // 1..100; 0 is the terminator
        }
        out.write(0);
        if (signum < 0) {
            out.invertFrom(start); // larger magnitudes sort first among negatives
        }
    }

    private static Object decodeNumeric(ByteReader in, int mask) {
        int tag = in.read() ^ mask;
        switch (tag) {
            case NUMERIC_NEG_INF:
                return NumericSpecial.NEGATIVE_INFINITY;
            case NUMERIC_POS_INF:
                return NumericSpecial.POSITIVE_INFINITY;
            case NUMERIC_NAN:
                return NumericSpecial.NAN;
            case NUMERIC_ZERO:
                return BigDecimal.ZERO;
            case NUMERIC_POS, NUMERIC_NEG:
                break;
            default:
                throw new IllegalArgumentException("bad numeric key tag " + tag);
        }
        int m = tag == NUMERIC_NEG ? mask ^ 0xFF : mask;
        int exponent = (int) readN(in, 4, m) ^ Integer.MIN_VALUE;
        StringBuilder digits = new StringBuilder(16);
        while (true) {
            int b = in.read() ^ m;
            if (b == 0) {
                break;
            }
            b--;
            digits.append((char) ('0' + b / 10)).append((char) ('0' + b % 10));
        }
        BigDecimal abs = new BigDecimal(new BigInteger(digits.toString()), digits.length() - exponent)
                .stripTrailingZeros();
        if (abs.scale() < 0) {
            abs = abs.setScale(0);
        }
        return tag == NUMERIC_NEG ? abs.negate() : abs;
    }

    // ---- date and time

    private static long dateDays(LocalDate d) {
        if (d.equals(LocalDate.MAX)) {
            return Long.MAX_VALUE;
        }
        if (d.equals(LocalDate.MIN)) {
            return Long.MIN_VALUE;
        }
        return d.toEpochDay();
    }

    private static long timestampMicros(LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX)) {
            return Long.MAX_VALUE;
        }
        if (t.equals(LocalDateTime.MIN)) {
            return Long.MIN_VALUE;
        }
        return epochMicros(t.toEpochSecond(ZoneOffset.UTC), t.getNano());
    }

    private static long instantMicros(Instant t) {
        if (t.equals(Instant.MAX)) {
            return Long.MAX_VALUE;
        }
        if (t.equals(Instant.MIN)) {
            return Long.MIN_VALUE;
        }
        return epochMicros(t.getEpochSecond(), t.getNano());
    }

    private static long epochMicros(long seconds, int nanos) {
        try {
            long micros = Math.addExact(Math.multiplyExact(seconds, 1_000_000L), nanos / 1000);
            // keep the extremes for the infinities
            return Math.max(Long.MIN_VALUE + 1, Math.min(Long.MAX_VALUE - 1, micros));
        } catch (ArithmeticException e) {
            return seconds < 0 ? Long.MIN_VALUE + 1 : Long.MAX_VALUE - 1;
        }
    }

    // ---- interval

    private static void encodeInterval(ByteWriter out, Interval iv) {
        // interval_cmp_value: span = (months * 30 + days) * USECS_PER_DAY + micros, as int128
        long days = iv.months() * 30L + iv.days();
        long hi = Math.multiplyHigh(days, USECS_PER_DAY);
        long lo = days * USECS_PER_DAY;
        long sum = lo + iv.micros();
        long carry = Long.compareUnsigned(sum, lo) < 0 ? 1 : 0;
        if (iv.micros() < 0) {
            // adding a negative number is adding its two's complement: hi gets -1, plus the carry
            hi += -1 + carry;
        } else {
            hi += carry;
        }
        out.writeLong(hi ^ Long.MIN_VALUE);
        out.writeLong(sum);
    }

    private static Interval decodeInterval(ByteReader in, int mask) {
        long hi = readN(in, 8, mask) ^ Long.MIN_VALUE;
        long lo = readN(in, 8, mask);
        BigInteger total = BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
        BigInteger[] dr = total.divideAndRemainder(BIG_USECS_PER_DAY);
        BigInteger days = dr[0];
        BigInteger micros = dr[1];
        if (micros.signum() < 0) { // floor division
            days = days.subtract(BigInteger.ONE);
            micros = micros.add(BIG_USECS_PER_DAY);
        }
        if (days.bitLength() < 32) {
            return new Interval(0, days.intValue(), micros.longValue());
        }
        // beyond an int of days: fill months, then days, then microseconds, as far as each holds
        int months = clampToInt(days.divide(BigInteger.valueOf(30)));
        BigInteger leftover = days.subtract(BigInteger.valueOf(months * 30L));
        int restDays = clampToInt(leftover);
        micros = micros.add(leftover.subtract(BigInteger.valueOf(restDays)).multiply(BIG_USECS_PER_DAY));
        return new Interval(months, restDays, micros.longValueExact());
    }

    private static int clampToInt(BigInteger v) {
        return v.bitLength() < 32 ? v.intValue() : v.signum() > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
    }
}
