package io.tuskdb.storage;

import io.tuskdb.types.Interval;
import io.tuskdb.types.NumericSpecial;
import io.tuskdb.types.PgType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property tests: for random values of every type, the unsigned byte order of the encodings agrees with
 * PostgreSQL's order, computed here by comparators written independently of the encoding (and of Casts), and
 * decoding gives back an equal value.
 */
class KeyEncodingTest {
    private static final int SAMPLES = 400;

    // ---- PostgreSQL's orders, written out in plain Java

    private static int compareFloat(double a, double b) {
        if (a == 0.0 && b == 0.0) {
            return 0; // -0 = 0
        }
        return Double.compare(a, b); // NaN above +Infinity, as float8_cmp_internal
    }

    private static int numericRank(Object v) {
        if (v instanceof NumericSpecial s) {
            return switch (s) {
                case NEGATIVE_INFINITY -> 0;
                case POSITIVE_INFINITY -> 2;
                case NAN -> 3;
            };
        }
        return 1;
    }

    private static int compareNumeric(Object a, Object b) {
        int ra = numericRank(a);
        int rb = numericRank(b);
        if (ra != rb || ra != 1) {
            return Integer.compare(ra, rb);
        }
        return ((BigDecimal) a).compareTo((BigDecimal) b);
    }

    private static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String rtrim(String s) {
        return s.replaceAll(" +$", "");
    }

    private static BigInteger span(Interval iv) {
        return BigInteger.valueOf(iv.months()).multiply(BigInteger.valueOf(30)).add(BigInteger.valueOf(iv.days()))
                .multiply(BigInteger.valueOf(86_400_000_000L)).add(BigInteger.valueOf(iv.micros()));
    }

    private static int compareUuid(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    @SuppressWarnings("unchecked")
    static Comparator<Object> sqlOrder(PgType type) {
        return switch (type) {
            case BOOL, INT2, INT4, INT8, DATE, TIME, TIMESTAMP, TIMESTAMPTZ ->
                    (a, b) -> ((Comparable<Object>) a).compareTo(b);
            case OID -> (a, b) -> Integer.compareUnsigned((Integer) a, (Integer) b);
            case FLOAT4, FLOAT8 -> (a, b) -> compareFloat(((Number) a).doubleValue(), ((Number) b).doubleValue());
            case NUMERIC -> KeyEncodingTest::compareNumeric;
            case TEXT, VARCHAR, NAME, CHAR, UNKNOWN -> (a, b) -> compareUtf8((String) a, (String) b);
            case BPCHAR -> (a, b) -> compareUtf8(rtrim((String) a), rtrim((String) b));
            case BYTEA -> (a, b) -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);
            case INTERVAL -> (a, b) -> span((Interval) a).compareTo(span((Interval) b));
            case UUID -> (a, b) -> compareUuid((UUID) a, (UUID) b);
            case VOID -> throw new IllegalArgumentException();
        };
    }

    // ---- random values with the edge cases mixed in

    private static final String[] PIECES = {"", "a", "b", "ab", "\u0000", "é", "\uD83D\uDE00", " ", "z", "\u00FF"};

    private static String randomString(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    static Object randomValue(PgType type, Random r) {
        boolean edge = r.nextInt(5) == 0;
        return switch (type) {
            case BOOL -> r.nextBoolean();
            case INT2 -> edge ? new short[]{Short.MIN_VALUE, -1, 0, 1, Short.MAX_VALUE}[r.nextInt(5)]
                    : (short) r.nextInt();
            case INT4, OID -> edge ? new int[]{Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE}[r.nextInt(5)]
                    : r.nextInt() >> r.nextInt(32);
            case INT8 -> edge ? new long[]{Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE}[r.nextInt(5)]
                    : r.nextLong() >> r.nextInt(64);
            case FLOAT4 -> edge ? new float[]{Float.NEGATIVE_INFINITY, -0.0f, 0.0f, Float.MIN_VALUE, -Float.MAX_VALUE,
                    Float.POSITIVE_INFINITY, Float.NaN}[r.nextInt(7)]
                    : (float) ((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(20) - 10));
            case FLOAT8 -> edge ? new double[]{Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE, -Double.MAX_VALUE,
                    Double.POSITIVE_INFINITY, Double.NaN, Double.longBitsToDouble(0x7ff8000000000123L)}[r.nextInt(8)]
                    : (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20);
            case NUMERIC -> {
                if (edge) {
                    yield new Object[]{NumericSpecial.NAN, NumericSpecial.POSITIVE_INFINITY,
                            NumericSpecial.NEGATIVE_INFINITY, BigDecimal.ZERO, new BigDecimal("0.000"),
                            new BigDecimal("1"), new BigDecimal("10"), new BigDecimal("1.00"), new BigDecimal("-1"),
                            new BigDecimal("0.1"), new BigDecimal("-0.01"), new BigDecimal("99"),
                            new BigDecimal("101"), new BigDecimal("1E+30")}[r.nextInt(14)];
                }
                BigInteger unscaled = new BigInteger(r.nextInt(120) + 1, r);
                if (r.nextBoolean()) {
                    unscaled = unscaled.negate();
                }
                yield new BigDecimal(unscaled, r.nextInt(40) - 10);
            }
            case TEXT, VARCHAR, NAME, UNKNOWN -> randomString(r);
            case CHAR -> String.valueOf((char) ('a' + r.nextInt(5)));
            case BPCHAR -> randomString(r) + " ".repeat(r.nextInt(3));
            case BYTEA -> {
                byte[] b = new byte[r.nextInt(5)];
                for (int i = 0; i < b.length; i++) {
                    b[i] = new byte[]{0, 1, (byte) 0xFF, (byte) 0x80, 'a'}[r.nextInt(5)];
                }
                yield b;
            }
            case DATE -> edge ? new LocalDate[]{LocalDate.MIN, LocalDate.MAX, LocalDate.EPOCH,
                    LocalDate.of(-4713, 11, 24)}[r.nextInt(4)]
                    : LocalDate.ofEpochDay(r.nextLong(-2_500_000, 2_100_000_000L));
            case TIME -> LocalTime.ofNanoOfDay(r.nextLong(86_400_000_000L) * 1000);
            case TIMESTAMP -> edge ? new LocalDateTime[]{LocalDateTime.MIN, LocalDateTime.MAX,
                    LocalDateTime.of(1970, 1, 1, 0, 0), LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000)}[r.nextInt(4)]
                    : LocalDateTime.ofEpochSecond(r.nextLong(-210_000_000_000L, 9_000_000_000_000L),
                    r.nextInt(1_000_000) * 1000, ZoneOffset.UTC);
            case TIMESTAMPTZ -> edge ? new Instant[]{Instant.MIN, Instant.MAX, Instant.EPOCH,
                    Instant.ofEpochSecond(-1, 999_999_000)}[r.nextInt(4)]
                    : Instant.ofEpochSecond(r.nextLong(-210_000_000_000L, 9_000_000_000_000L),
                    r.nextInt(1_000_000) * 1000L);
            case INTERVAL -> edge ? new Interval[]{new Interval(1, 0, 0), new Interval(0, 30, 0),
                    new Interval(0, 0, 30 * 86_400_000_000L), new Interval(Integer.MAX_VALUE, Integer.MAX_VALUE,
                    Long.MAX_VALUE), new Interval(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE),
                    new Interval(0, 0, -1), new Interval(0, 0, 0)}[r.nextInt(7)]
                    : new Interval(r.nextInt(2000) - 1000, r.nextInt(2000) - 1000,
                    r.nextLong() >> r.nextInt(64));
            case UUID -> edge ? new UUID[]{new UUID(0, 0), new UUID(-1, -1), new UUID(Long.MIN_VALUE, 0),
                    new UUID(Long.MAX_VALUE, -1)}[r.nextInt(4)] : new UUID(r.nextLong(), r.nextLong());
            case VOID -> throw new IllegalArgumentException();
        };
    }

    private static byte[] enc(PgType type, Object v) {
        ByteWriter w = new ByteWriter();
        KeyEncoding.encode(w, type, v);
        return w.toByteArray();
    }

    private static byte[] enc(PgType type, Object v, boolean desc, boolean nullsFirst) {
        ByteWriter w = new ByteWriter();
        KeyEncoding.encode(w, type, v, desc, nullsFirst);
        return w.toByteArray();
    }

    private static List<PgType> keyTypes() {
        List<PgType> out = new ArrayList<>(Arrays.asList(PgType.values()));
        out.remove(PgType.VOID);
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = PgType.class, names = "VOID", mode = EnumSource.Mode.EXCLUDE)
    void byteOrderIsSqlOrderAndDecodeRoundTrips(PgType type) {
        Random r = new Random(type.ordinal() * 7919L + 1);
        Comparator<Object> order = sqlOrder(type);
        for (int i = 0; i < SAMPLES; i++) {
            Object a = randomValue(type, r);
            Object b = randomValue(type, r);
            byte[] ea = enc(type, a);
            byte[] eb = enc(type, b);
            assertThat(Integer.signum(Arrays.compareUnsigned(ea, eb)))
                    .as("%s: %s vs %s", type, show(a), show(b))
                    .isEqualTo(Integer.signum(order.compare(a, b)));
            ByteReader in = new ByteReader(ea);
            Object back = KeyEncoding.decode(in, type);
            assertThat(in.hasRemaining()).isFalse();
            assertThat(order.compare(back, a)).as("%s round trip of %s gave %s", type, show(a), show(back)).isZero();

            // with a marker, both directions and null placements
            for (boolean desc : new boolean[]{false, true}) {
                for (boolean nullsFirst : new boolean[]{false, true}) {
                    Object ma = r.nextInt(8) == 0 ? null : a;
                    byte[] ma1 = enc(type, ma, desc, nullsFirst);
                    byte[] mb1 = enc(type, b, desc, nullsFirst);
                    int expected;
                    if (ma == null) {
                        expected = nullsFirst ? -1 : 1;
                    } else {
                        expected = Integer.signum(order.compare(a, b)) * (desc ? -1 : 1);
                    }
                    assertThat(Integer.signum(Arrays.compareUnsigned(ma1, mb1)))
                            .as("%s desc=%s nullsFirst=%s: %s vs %s", type, desc, nullsFirst, show(ma), show(b))
                            .isEqualTo(expected);
                    ByteReader min = new ByteReader(ma1);
                    Object mback = KeyEncoding.decode(min, type, desc);
                    assertThat(min.hasRemaining()).isFalse();
                    if (ma == null) {
                        assertThat(mback).isNull();
                    } else {
                        assertThat(order.compare(mback, a)).isZero();
                    }
                }
            }
        }
    }

    @Test
    void sortedListsAgreeForEveryType() {
        for (PgType type : keyTypes()) {
            Random r = new Random(42 + type.ordinal());
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                values.add(randomValue(type, r));
            }
            Comparator<Object> order = sqlOrder(type);
            List<Object> byEncoding = new ArrayList<>(values);
            byEncoding.sort((x, y) -> Arrays.compareUnsigned(enc(type, x), enc(type, y)));
            for (int i = 1; i < byEncoding.size(); i++) {
                assertThat(order.compare(byEncoding.get(i - 1), byEncoding.get(i))).as("%s", type)
                        .isLessThanOrEqualTo(0);
            }
        }
    }

    @Test
    void compositeKeysCompareColumnByColumn() {
        // a string column followed by another column: prefix-freeness keeps "a" + x before "ab" + y
        Random r = new Random(7);
        for (PgType second : keyTypes()) {
            Comparator<Object> o2 = sqlOrder(second);
            for (int i = 0; i < 100; i++) {
                String s1 = randomString(r);
                String s2 = randomString(r);
                Object v1 = randomValue(second, r);
                Object v2 = randomValue(second, r);
                ByteWriter w1 = new ByteWriter();
                KeyEncoding.encode(w1, PgType.TEXT, s1);
                KeyEncoding.encode(w1, second, v1);
                ByteWriter w2 = new ByteWriter();
                KeyEncoding.encode(w2, PgType.TEXT, s2);
                KeyEncoding.encode(w2, second, v2);
                int c = compareUtf8(s1, s2);
                int expected = c != 0 ? Integer.signum(c) : Integer.signum(o2.compare(v1, v2));
                assertThat(Integer.signum(Arrays.compareUnsigned(w1.toByteArray(), w2.toByteArray())))
                        .as("(%s, %s) vs (%s, %s)", s1, show(v1), s2, show(v2)).isEqualTo(expected);
                ByteReader in = new ByteReader(w1.toByteArray());
                assertThat(KeyEncoding.decode(in, PgType.TEXT)).isEqualTo(s1);
                assertThat(o2.compare(KeyEncoding.decode(in, second), v1)).as("%s %s", second, show(v1)).isZero();
                assertThat(in.hasRemaining()).isFalse();
            }
        }
    }

    @Test
    void equalValuesEncodeIdentically() {
        assertThat(enc(PgType.NUMERIC, new BigDecimal("1.50"))).isEqualTo(enc(PgType.NUMERIC, new BigDecimal("1.5")));
        assertThat(enc(PgType.NUMERIC, new BigDecimal("0.00"))).isEqualTo(enc(PgType.NUMERIC, BigDecimal.ZERO));
        assertThat(enc(PgType.NUMERIC, new BigDecimal("1E+2"))).isEqualTo(enc(PgType.NUMERIC, new BigDecimal("100")));
        assertThat(enc(PgType.FLOAT8, -0.0)).isEqualTo(enc(PgType.FLOAT8, 0.0));
        assertThat(enc(PgType.FLOAT4, Float.intBitsToFloat(0x7fc00001))).isEqualTo(enc(PgType.FLOAT4, Float.NaN));
        assertThat(enc(PgType.BPCHAR, "ab   ")).isEqualTo(enc(PgType.BPCHAR, "ab"));
        assertThat(enc(PgType.INTERVAL, new Interval(1, 0, 0))).isEqualTo(enc(PgType.INTERVAL, new Interval(0, 30, 0)));
        assertThat(enc(PgType.INTERVAL, new Interval(0, 1, 0)))
                .isEqualTo(enc(PgType.INTERVAL, new Interval(0, 0, 86_400_000_000L)));
    }

    @Test
    void decodedNumericHasNoExponentNotation() {
        Object back = KeyEncoding.decode(new ByteReader(enc(PgType.NUMERIC, new BigDecimal("1.2E+5"))), PgType.NUMERIC);
        assertThat(back.toString()).isEqualTo("120000");
        back = KeyEncoding.decode(new ByteReader(enc(PgType.NUMERIC, new BigDecimal("-0.00120"))), PgType.NUMERIC);
        assertThat(back.toString()).isEqualTo("-0.0012");
    }

    @Test
    void integerKeysWiderThanTheColumnAreRefusedNotNarrowed() {
        assertThat(enc(PgType.INT8, 5)).isEqualTo(enc(PgType.INT8, 5L));
        assertThat(enc(PgType.INT2, 5)).isEqualTo(enc(PgType.INT2, (short) 5));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> enc(PgType.INT2, 100_000))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> enc(PgType.INT4, 1L << 40))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> enc(PgType.INT8, new BigDecimal("1.5")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prefixEndIsTheSuccessorOfAllExtensions() {
        assertThat(KeyEncoding.prefixEnd(new byte[]{1, 2})).containsExactly(1, 3);
        assertThat(KeyEncoding.prefixEnd(new byte[]{1, (byte) 0xFF})).containsExactly(2);
        assertThat(KeyEncoding.prefixEnd(new byte[]{(byte) 0xFF, (byte) 0xFF})).isNull();
    }

    private static String show(Object v) {
        if (v instanceof byte[] b) {
            return Arrays.toString(b);
        }
        return String.valueOf(v);
    }
}
