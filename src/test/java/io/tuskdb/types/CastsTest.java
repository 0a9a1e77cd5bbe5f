package io.tuskdb.types;

import io.tuskdb.error.PgException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import static io.tuskdb.types.CastContext.ASSIGNMENT;
import static io.tuskdb.types.CastContext.EXPLICIT;
import static io.tuskdb.types.CastContext.IMPLICIT;
import static io.tuskdb.types.PgErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values were produced by PostgreSQL 15.15. */
class CastsTest {
    private static final FormatSettings PARIS =
            new FormatSettings("ISO", "MDY", ZoneId.of("Europe/Paris"), "postgres", 1, true);

    private static Object cast(Object v, PgType from, PgType to) {
        return Casts.cast(v, from, to, -1, EXPLICIT, PARIS);
    }

    private static String castText(String literal, PgType from, PgType to, int typmod, CastContext ctx) {
        Object v = TypeIO.fromText(from, literal, PARIS);
        return TypeIO.toText(to, Casts.cast(v, from, to, typmod, ctx, PARIS), PARIS);
    }


    private static int numericTypmod(int p, int s) {
        return ((p << 16) | (s & 0x7ff)) + 4;
    }

    @Test
    void castContextsFollowPgCast() {
        assertThat(Casts.canCast(PgType.INT4, PgType.INT8, IMPLICIT)).isTrue();
        assertThat(Casts.canCast(PgType.INT8, PgType.INT4, IMPLICIT)).isFalse();
        assertThat(Casts.canCast(PgType.INT8, PgType.INT4, ASSIGNMENT)).isTrue();
        assertThat(Casts.canCast(PgType.BOOL, PgType.INT4, ASSIGNMENT)).isFalse();
        assertThat(Casts.canCast(PgType.BOOL, PgType.INT4, EXPLICIT)).isTrue();
        assertThat(Casts.canCast(PgType.DATE, PgType.TIMESTAMPTZ, IMPLICIT)).isTrue();
        assertThat(Casts.canCast(PgType.TIMESTAMPTZ, PgType.DATE, IMPLICIT)).isFalse();
        // I/O conversion: anything to text in assignment, text to anything only explicitly
        assertThat(Casts.canCast(PgType.INT4, PgType.TEXT, IMPLICIT)).isFalse();
        assertThat(Casts.canCast(PgType.INT4, PgType.TEXT, ASSIGNMENT)).isTrue();
        assertThat(Casts.canCast(PgType.TEXT, PgType.INT4, ASSIGNMENT)).isFalse();
        assertThat(Casts.canCast(PgType.TEXT, PgType.INT4, EXPLICIT)).isTrue();
        assertThat(Casts.canCast(PgType.UNKNOWN, PgType.UUID, IMPLICIT)).isTrue();
        assertThat(Casts.canCast(PgType.UUID, PgType.INT4, EXPLICIT)).isFalse();
        assertThat(Casts.canCast(PgType.TEXT, PgType.VARCHAR, IMPLICIT)).isTrue();
    }

    @Test
    void numericConversionsRound() {
        assertThat(cast(2.5, PgType.FLOAT8, PgType.INT4)).isEqualTo(2);
        assertThat(cast(-2.5, PgType.FLOAT8, PgType.INT4)).isEqualTo(-2);
        assertThat(cast(3.5, PgType.FLOAT8, PgType.INT2)).isEqualTo((short) 4);
        assertThat(cast(new BigDecimal("2.5"), PgType.NUMERIC, PgType.INT4)).isEqualTo(3);
        assertThat(cast(new BigDecimal("-2.5"), PgType.NUMERIC, PgType.INT4)).isEqualTo(-3);
        assertThat(castText("1.2345678901234567", PgType.FLOAT8, PgType.NUMERIC, -1, EXPLICIT)).isEqualTo("1.23456789012346");
        assertThat(castText("0.1", PgType.FLOAT4, PgType.NUMERIC, -1, EXPLICIT)).isEqualTo("0.1");
        assertThat(castText("1e20", PgType.FLOAT8, PgType.NUMERIC, -1, EXPLICIT)).isEqualTo("100000000000000000000");
        assertThat(castText("1e-7", PgType.FLOAT8, PgType.NUMERIC, -1, EXPLICIT)).isEqualTo("0.0000001");
        assertThat(cast(Double.NaN, PgType.FLOAT8, PgType.NUMERIC)).isEqualTo(NumericSpecial.NAN);
        assertThat(cast(NumericSpecial.POSITIVE_INFINITY, PgType.NUMERIC, PgType.FLOAT8)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(cast(7, PgType.INT4, PgType.FLOAT8)).isEqualTo(7.0);
        assertThat(cast(true, PgType.BOOL, PgType.INT4)).isEqualTo(1);
        assertThat(cast(0, PgType.INT4, PgType.BOOL)).isEqualTo(false);
        assertThat(cast(true, PgType.BOOL, PgType.TEXT)).isEqualTo("true");
    }

    @Test
    void numericConversionErrors() {
        assertError(() -> cast(NumericSpecial.NAN, PgType.NUMERIC, PgType.INT4), "0A000", "cannot convert NaN to integer");
        assertError(() -> cast(NumericSpecial.POSITIVE_INFINITY, PgType.NUMERIC, PgType.INT4), "0A000",
                "cannot convert infinity to integer");
        assertError(() -> cast(99999999999L, PgType.INT8, PgType.INT4), "22003", "integer out of range");
        assertError(() -> cast(99999, PgType.INT4, PgType.INT2), "22003", "smallint out of range");
        assertError(() -> cast(4294967296L, PgType.INT8, PgType.OID), "22003", "OID out of range");
        assertError(() -> cast(-1L, PgType.INT8, PgType.OID), "22003", "OID out of range");
        assertError(() -> cast(1e300, PgType.FLOAT8, PgType.FLOAT4), "22003", "value out of range: overflow");
        assertError(() -> cast(1e-300, PgType.FLOAT8, PgType.FLOAT4), "22003", "value out of range: underflow");
        assertError(() -> cast(1e10, PgType.FLOAT8, PgType.INT4), "22003", "integer out of range");
        assertError(() -> cast(200, PgType.INT4, PgType.CHAR), "22003", "\"char\" out of range");
        assertError(() -> cast("99999", PgType.VARCHAR, PgType.INT2), "22003",
                "value \"99999\" is out of range for type smallint");
        assertThat(cast("a", PgType.CHAR, PgType.INT4)).isEqualTo(97);
        assertThat(cast(-7, PgType.INT4, PgType.CHAR)).isEqualTo("\\371");
        assertThat(cast("é", PgType.TEXT, PgType.CHAR)).isEqualTo("\\303");
        assertThat(cast(TypeIO.fromText(PgType.CHAR, "\\303", PARIS), PgType.CHAR, PgType.INT4)).isEqualTo(-61);
        assertThat(cast(-1, PgType.OID, PgType.INT4)).isEqualTo(-1);
        assertThat(cast(true, PgType.BOOL, PgType.NAME)).isEqualTo("t");
        assertThat(cast(LocalDateTime.MAX, PgType.TIMESTAMP, PgType.TIME)).isNull();
    }

    @Test
    void typmods() {
        assertThat(castText("12345", PgType.TEXT, PgType.VARCHAR, 7, EXPLICIT)).isEqualTo("123");
        assertThat(castText("abc   ", PgType.TEXT, PgType.VARCHAR, 7, ASSIGNMENT)).isEqualTo("abc");
        assertError(() -> Casts.applyTypmod(PgType.VARCHAR, "12345", 7, false), "22001",
                "value too long for type character varying(3)");
        assertError(() -> Casts.applyTypmod(PgType.BPCHAR, "12345", 7, false), "22001",
                "value too long for type character(3)");
        assertThat(Casts.applyTypmod(PgType.BPCHAR, "x", 7, false)).isEqualTo("x  ");
        assertThat(cast("abc  ", PgType.BPCHAR, PgType.TEXT)).isEqualTo("abc");
        assertThat(castText("123.456", PgType.NUMERIC, PgType.NUMERIC, numericTypmod(5, 2), ASSIGNMENT)).isEqualTo("123.46");
        assertThat(castText("0.5", PgType.NUMERIC, PgType.NUMERIC, numericTypmod(2, 2), ASSIGNMENT)).isEqualTo("0.50");
        assertThat(castText("12.5", PgType.NUMERIC, PgType.NUMERIC, numericTypmod(5, -1), ASSIGNMENT)).isEqualTo("10");
        assertThatThrownBy(() -> Casts.applyTypmod(PgType.NUMERIC, new BigDecimal("1234.5"), numericTypmod(5, 2), false))
                .isInstanceOfSatisfying(PgException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("numeric field overflow");
                    assertThat(e.sqlState().code()).isEqualTo("22003");
                    assertThat(e.detail()).isEqualTo(
                            "A field with precision 5, scale 2 must round to an absolute value less than 10^3.");
                });
        assertThatThrownBy(() -> Casts.applyTypmod(PgType.NUMERIC, BigDecimal.ONE, numericTypmod(2, 2), false))
                .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.detail()).isEqualTo(
                        "A field with precision 2, scale 2 must round to an absolute value less than 1."));
        assertThatThrownBy(() -> Casts.applyTypmod(PgType.NUMERIC, NumericSpecial.POSITIVE_INFINITY, numericTypmod(5, 2), false))
                .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.detail()).isEqualTo(
                        "A field with precision 5, scale 2 cannot hold an infinite value."));
        assertThat(castText("2024-01-02 03:04:05.123456", PgType.TIMESTAMP, PgType.TIMESTAMP, 3, ASSIGNMENT))
                .isEqualTo("2024-01-02 03:04:05.123");
        assertThat(castText("2024-01-02 03:04:05.5", PgType.TIMESTAMP, PgType.TIMESTAMP, 0, ASSIGNMENT))
                .isEqualTo("2024-01-02 03:04:06");
    }

    @Test
    void dateTimeCasts() {
        assertThat(castText("-1 hours", PgType.INTERVAL, PgType.TIME, -1, EXPLICIT)).isEqualTo("23:00:00");
        assertThat(castText("25 hours", PgType.INTERVAL, PgType.TIME, -1, EXPLICIT)).isEqualTo("01:00:00");
        assertThat(cast(LocalDate.of(2024, 7, 1), PgType.DATE, PgType.TIMESTAMPTZ))
                .isEqualTo(Instant.parse("2024-06-30T22:00:00Z"));
        assertThat(cast(Instant.parse("2024-06-30T22:30:00Z"), PgType.TIMESTAMPTZ, PgType.DATE))
                .isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(cast(LocalDateTime.of(2024, 1, 1, 12, 0), PgType.TIMESTAMP, PgType.TIMESTAMPTZ))
                .isEqualTo(Instant.parse("2024-01-01T11:00:00Z"));
        assertThat(cast(LocalDate.MAX, PgType.DATE, PgType.TIMESTAMP)).isEqualTo(LocalDateTime.MAX);
        assertThat(cast(LocalTime.of(1, 2), PgType.TIME, PgType.INTERVAL)).isEqualTo(new Interval(0, 0, 3720_000_000L));
        assertThat(cast("2024-01-02", PgType.TEXT, PgType.DATE)).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(cast(LocalDate.of(2024, 1, 2), PgType.DATE, PgType.TEXT)).isEqualTo("2024-01-02");
    }

    @Test
    void ordering() {
        assertThat(Casts.compare(PgType.FLOAT8, Double.NaN, Double.POSITIVE_INFINITY)).isPositive();
        assertThat(Casts.compare(PgType.FLOAT8, -0.0, 0.0)).isZero();
        assertThat(Casts.compare(PgType.NUMERIC, NumericSpecial.NAN, NumericSpecial.POSITIVE_INFINITY)).isPositive();
        assertThat(Casts.compare(PgType.NUMERIC, new BigDecimal("1.0"), new BigDecimal("1.00"))).isZero();
        assertThat(Casts.compare(PgType.NUMERIC, NumericSpecial.NEGATIVE_INFINITY, new BigDecimal("-1e100"))).isNegative();
        assertThat(Casts.compare(PgType.BPCHAR, "x  ", "x")).isZero();
        assertThat(Casts.compare(PgType.TEXT, "x  ", "x")).isPositive();
        assertThat(Casts.compare(PgType.TEXT, "B", "a")).isNegative();
        assertThat(Casts.compare(PgType.TEXT, "\uFFFD", "\uD83D\uDE00")).isNegative();
        assertThat(Casts.compare(PgType.INTERVAL, new Interval(1, 0, 0), new Interval(0, 30, 0))).isZero();
        assertThat(Casts.compare(PgType.INTERVAL, new Interval(0, 1, 0), new Interval(0, 0, 86_400_000_001L))).isNegative();
        assertThat(Casts.compare(PgType.UUID, UUID.fromString("ffffffff-0000-0000-0000-000000000000"),
                UUID.fromString("00000000-0000-0000-0000-000000000000"))).isPositive();
        assertThat(Casts.compare(PgType.BYTEA, new byte[]{(byte) 0xff}, new byte[]{1})).isPositive();
        assertThat(Casts.compare(PgType.OID, -1, 1)).isPositive();
        assertThat(Casts.hash(PgType.NUMERIC, new BigDecimal("1.0"))).isEqualTo(Casts.hash(PgType.NUMERIC, new BigDecimal("1.00")));
        assertThat(Casts.hash(PgType.NUMERIC, new BigDecimal("0.00"))).isEqualTo(Casts.hash(PgType.NUMERIC, BigDecimal.ZERO));
        assertThat(Casts.hash(PgType.FLOAT8, -0.0)).isEqualTo(Casts.hash(PgType.FLOAT8, 0.0));
        assertThat(Casts.hash(PgType.BPCHAR, "x  ")).isEqualTo(Casts.hash(PgType.BPCHAR, "x"));
        assertThat(Casts.hash(PgType.INTERVAL, new Interval(1, 0, 0))).isEqualTo(Casts.hash(PgType.INTERVAL, new Interval(0, 30, 0)));
        assertThat(Casts.hash(PgType.BYTEA, new byte[]{1, 2})).isEqualTo(Casts.hash(PgType.BYTEA, new byte[]{1, 2}));
    }

    @Test
    void formatType() {
        assertThat(Casts.formatType(PgType.BPCHAR, -1)).isEqualTo("bpchar");
        assertThat(Casts.formatType(PgType.BPCHAR, 5)).isEqualTo("character(1)");
        assertThat(Casts.formatType(PgType.VARCHAR, 14)).isEqualTo("character varying(10)");
        assertThat(Casts.formatType(PgType.NUMERIC, numericTypmod(5, 2))).isEqualTo("numeric(5,2)");
        assertThat(Casts.formatType(PgType.TIMESTAMP, 3)).isEqualTo("timestamp(3) without time zone");
        assertThat(Casts.formatType(PgType.TIMESTAMPTZ, -1)).isEqualTo("timestamp with time zone");
        assertThat(Casts.formatType(PgType.TIME, 0)).isEqualTo("time(0) without time zone");
        assertThat(Casts.formatType(PgType.CHAR, -1)).isEqualTo("\"char\"");
        assertThat(Casts.formatType(PgType.INT4, -1)).isEqualTo("integer");
    }
}
