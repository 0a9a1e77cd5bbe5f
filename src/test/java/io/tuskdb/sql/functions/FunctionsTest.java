package io.tuskdb.sql.functions;

import io.tuskdb.error.PgException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static io.tuskdb.sql.functions.Lookup.call;
import static io.tuskdb.sql.functions.Lookup.fn;
import static io.tuskdb.types.PgType.BPCHAR;
import static io.tuskdb.types.PgType.DATE;
import static io.tuskdb.types.PgType.FLOAT8;
import static io.tuskdb.types.PgType.INT2;
import static io.tuskdb.types.PgType.INT4;
import static io.tuskdb.types.PgType.INTERVAL;
import static io.tuskdb.types.PgType.NUMERIC;
import static io.tuskdb.types.PgType.TEXT;
import static io.tuskdb.types.PgType.TIME;
import static io.tuskdb.types.PgType.TIMESTAMP;
import static io.tuskdb.types.PgType.TIMESTAMPTZ;
import static io.tuskdb.types.PgErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values were produced by PostgreSQL 15.15 (TimeZone UTC unless stated). */
class FunctionsTest {


    @Test
    void stringFunctions() {
        assertThat(call("substr", TEXT, "hello", INT4, "0", INT4, "3")).isEqualTo("he");
        assertThat(call("substr", TEXT, "hello", INT4, "-1")).isEqualTo("hello");
        assertThat(call("substring", TEXT, "hello", INT4, "2", INT4, "2")).isEqualTo("el");
        assertError(() -> call("substr", TEXT, "hello", INT4, "2", INT4, "-1"), "22011",
                "negative substring length not allowed");
        assertThat(call("left", TEXT, "hello", INT4, "-2")).isEqualTo("hel");
        assertThat(call("right", TEXT, "hello", INT4, "-2")).isEqualTo("llo");
        assertThat(call("lpad", TEXT, "hi", INT4, "5", TEXT, "xy")).isEqualTo("xyxhi");
        assertThat(call("lpad", TEXT, "hello", INT4, "2")).isEqualTo("he");
        assertThat(call("rpad", TEXT, "hi", INT4, "5", TEXT, "")).isEqualTo("hi");
        assertThat(call("repeat", TEXT, "ab", INT4, "-1")).isEqualTo("");
        assertThat(call("btrim", TEXT, "xxhixx", TEXT, "x")).isEqualTo("hi");
        assertThat(call("ltrim", TEXT, "  hi")).isEqualTo("hi");
        assertThat(call("md5", TEXT, "abc")).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(call("strpos", TEXT, "hello", TEXT, "l")).isEqualTo("3");
        assertThat(call("replace", TEXT, "abcabc", TEXT, "b", TEXT, "")).isEqualTo("acac");
        assertThat(call("initcap", TEXT, "hello wORLD-foo bar_baz 1a")).isEqualTo("Hello World-Foo Bar_Baz 1a");
        assertThat(call("lower", TEXT, "ÉA")).isEqualTo("Éa");
        assertThat(call("upper", TEXT, "éa")).isEqualTo("éA");
        assertThat(call("length", BPCHAR, "ab  ")).isEqualTo("2");
        assertThat(call("octet_length", BPCHAR, "ab  ")).isEqualTo("4");
        assertThat(call("length", TEXT, "é")).isEqualTo("1");
        assertThat(call("octet_length", TEXT, "é")).isEqualTo("2");
        assertThat(call("split_part", TEXT, "a,b,c", TEXT, ",", INT4, "-1")).isEqualTo("c");
        assertError(() -> call("split_part", TEXT, "a,b,c", TEXT, ",", INT4, "0"), "22023",
                "field position must not be zero");
        assertThat(call("translate", TEXT, "12345", TEXT, "143", TEXT, "ax")).isEqualTo("a2x5");
        assertThat(call("quote_ident", TEXT, "Foo")).isEqualTo("\"Foo\"");
        assertThat(call("quote_ident", TEXT, "select")).isEqualTo("\"select\"");
        assertThat(call("quote_ident", TEXT, "foo_1")).isEqualTo("foo_1");
        assertThat(call("quote_literal", TEXT, "it's")).isEqualTo("'it''s'");
        assertThat(call("chr", INT4, "65")).isEqualTo("A");
        assertError(() -> call("chr", INT4, "0"), "54000", "null character not permitted");
        assertThat(call("to_hex", INT4, "255")).isEqualTo("ff");
        ScalarFunction concat = Builtins.functions("concat").get(0);
        assertThat(concat.strict()).isFalse();
        assertThat(concat.call(null, new Object[]{"a", null, 1, true, new BigDecimal("1.50")})).isEqualTo("a1t1.50");
        ScalarFunction concatWs = Builtins.functions("concat_ws").get(0);
        assertThat(concatWs.call(null, new Object[]{",", "a", null, "b"})).isEqualTo("a,b");
    }

    @Test
    void mathFunctions() {
        assertThat(call("round", FLOAT8, "2.5")).isEqualTo("2");
        assertThat(call("round", NUMERIC, "2.5")).isEqualTo("3");
        assertThat(call("round", NUMERIC, "-2.5")).isEqualTo("-3");
        assertThat(call("round", NUMERIC, "1234.5678", INT4, "-2")).isEqualTo("1200");
        assertThat(call("round", NUMERIC, "1.5", INT4, "2")).isEqualTo("1.50");
        assertThat(call("trunc", NUMERIC, "1234.5678", INT4, "2")).isEqualTo("1234.56");
        assertThat(call("trunc", NUMERIC, "-1.7")).isEqualTo("-1");
        assertThat(call("ceil", NUMERIC, "-1.5")).isEqualTo("-1");
        assertThat(call("floor", NUMERIC, "-1.5")).isEqualTo("-2");
        assertThat(call("ceil", FLOAT8, "-0.5")).isEqualTo("-0");
        assertThat(call("mod", NUMERIC, "7.5", NUMERIC, "2")).isEqualTo("1.5");
        assertThat(call("div", NUMERIC, "7.5", NUMERIC, "2")).isEqualTo("3");
        assertThat(call("sqrt", NUMERIC, "2")).isEqualTo("1.414213562373095");
        assertThat(call("sqrt", NUMERIC, "1e-10")).isEqualTo("0.000010000000000000000");
        assertThat(call("ln", NUMERIC, "2")).isEqualTo("0.6931471805599453");
        assertThat(call("ln", NUMERIC, "1000000")).isEqualTo("13.815510557964274");
        assertThat(call("exp", NUMERIC, "1")).isEqualTo("2.7182818284590452");
        assertThat(call("exp", NUMERIC, "10")).isEqualTo("22026.465794806717");
        assertThat(call("log", NUMERIC, "100")).isEqualTo("2.0000000000000000");
        assertThat(call("log", NUMERIC, "2", NUMERIC, "8")).isEqualTo("3.0000000000000000");
        assertThat(call("log", NUMERIC, "2.0", NUMERIC, "64.0")).isEqualTo("6.0000000000000000");
        assertThat(call("log", FLOAT8, "100")).isEqualTo("2");
        assertThat(call("power", FLOAT8, "2", FLOAT8, "10")).isEqualTo("1024");
        assertThat(call("scale", NUMERIC, "1.500")).isEqualTo("3");
        assertThat(call("sign", NUMERIC, "-2.5")).isEqualTo("-1");
        assertError(() -> call("abs", INT2, "-32768"), "22003", "smallint out of range");
        assertError(() -> call("sqrt", FLOAT8, "-1"), "2201F", "cannot take square root of a negative number");
        assertError(() -> call("ln", FLOAT8, "0"), "2201E", "cannot take logarithm of zero");
        assertError(() -> call("ln", FLOAT8, "-1"), "2201E", "cannot take logarithm of a negative number");
        assertError(() -> call("exp", FLOAT8, "1000"), "22003", "value out of range: overflow");
        assertError(() -> call("exp", FLOAT8, "-1000"), "22003", "value out of range: underflow");
        assertError(() -> call("power", FLOAT8, "-8", FLOAT8, "0.5"), "2201F",
                "a negative number raised to a non-integer power yields a complex result");
        assertError(() -> call("mod", INT2, "5", INT2, "0"), "22012", "division by zero");
        Object uuid = fn("gen_random_uuid").call(null, new Object[0]);
        assertThat(((UUID) uuid).version()).isEqualTo(4);
        double random = (Double) fn("random").call(null, new Object[0]);
        assertThat(random).isBetween(0.0, 1.0);
    }

    @Test
    void extractAndDatePart() {
        assertThat(call("extract", TEXT, "second", TIMESTAMP, "2024-01-02 03:04:05.5")).isEqualTo("5.500000");
        assertThat(call("extract", TEXT, "milliseconds", TIMESTAMP, "2024-01-02 03:04:05.5")).isEqualTo("5500.000");
        assertThat(call("extract", TEXT, "microseconds", TIMESTAMP, "2024-01-02 03:04:05.5")).isEqualTo("5500000");
        assertThat(call("extract", TEXT, "epoch", TIMESTAMP, "2024-01-02 03:04:05.5")).isEqualTo("1704164645.500000");
        assertThat(call("extract", TEXT, "epoch", TIMESTAMPTZ, "2024-01-02 03:04:05.5+00")).isEqualTo("1704164645.500000");
        assertThat(call("extract", TEXT, "julian", TIMESTAMP, "2024-01-02 12:00")).isEqualTo("2460312.50000000000000000000");
        assertThat(call("extract", TEXT, "dow", DATE, "2024-01-07")).isEqualTo("0");
        assertThat(call("extract", TEXT, "isodow", DATE, "2024-01-07")).isEqualTo("7");
        assertThat(call("extract", TEXT, "week", DATE, "2024-01-01")).isEqualTo("1");
        assertThat(call("extract", TEXT, "doy", DATE, "2024-12-31")).isEqualTo("366");
        assertThat(call("extract", TEXT, "century", DATE, "2000-01-01")).isEqualTo("20");
        assertThat(call("extract", TEXT, "decade", DATE, "0044-03-15 BC")).isEqualTo("-5");
        assertThat(call("extract", TEXT, "year", DATE, "0044-03-15 BC")).isEqualTo("-44");
        assertThat(call("extract", TEXT, "epoch", INTERVAL, "1 year 1 mon 1 day 00:00:01.5")).isEqualTo("34236001.500000");
        assertThat(call("extract", TEXT, "hour", INTERVAL, "25:30")).isEqualTo("25");
        assertThat(call("extract", TEXT, "year", TIMESTAMP, "infinity")).isEqualTo("Infinity");
        assertThat(call("extract", TEXT, "month", TIMESTAMP, "infinity")).isNull();
        assertThat(call("extract", TEXT, "epoch", DATE, "2024-01-02")).isEqualTo("1704153600");
        assertThat(call("extract", TEXT, "epoch", TIME, "03:04:05.5")).isEqualTo("11045.500000");
        assertThat(call("extract", TEXT, "quarter", DATE, "2024-05-01")).isEqualTo("2");
        assertThat(call("extract", TEXT, "millennium", DATE, "2001-01-01")).isEqualTo("3");
        assertThat(call("extract", TEXT, "isoyear", DATE, "2021-01-01")).isEqualTo("2020");
        assertThat(call("date_part", TEXT, "second", TIMESTAMP, "2024-01-02 03:04:05.5")).isEqualTo("5.5");
        assertThat(call("date_part", TEXT, "epoch", TIMESTAMP, "2024-01-02 03:04:05.5")).isEqualTo("1704164645.5");
        assertThat(call("date_part", TEXT, "month", INTERVAL, "1 year 14 mons")).isEqualTo("2");
        assertError(() -> call("extract", TEXT, "hour", DATE, "2024-01-02"), "0A000",
                "unit \"hour\" not supported for type date");
        assertError(() -> call("extract", TEXT, "foo", TIMESTAMP, "2024-01-02"), "22023",
                "unit \"foo\" not recognized for type timestamp without time zone");
        assertError(() -> call("extract", TEXT, "timezone", TIMESTAMP, "2024-01-02"), "0A000",
                "unit \"timezone\" not supported for type timestamp without time zone");
    }

    @Test
    void dateTrunc() {
        assertThat(call("date_trunc", TEXT, "week", TIMESTAMP, "2024-01-03 10:00")).isEqualTo("2024-01-01 00:00:00");
        assertThat(call("date_trunc", TEXT, "quarter", TIMESTAMP, "2024-05-03 10:00")).isEqualTo("2024-04-01 00:00:00");
        assertThat(call("date_trunc", TEXT, "hour", TIMESTAMP, "2024-07-03 10:30:00.5")).isEqualTo("2024-07-03 10:00:00");
        assertThat(call("date_trunc", TEXT, "decade", TIMESTAMP, "2024-05-03")).isEqualTo("2020-01-01 00:00:00");
        assertThat(call("date_trunc", TEXT, "century", TIMESTAMP, "2024-05-03")).isEqualTo("2001-01-01 00:00:00");
        assertThat(call("date_trunc", TEXT, "millennium", TIMESTAMP, "2024-05-03")).isEqualTo("2001-01-01 00:00:00");
        assertThat(call("date_trunc", TEXT, "milliseconds", TIMESTAMP, "2024-05-03 01:02:03.123456"))
                .isEqualTo("2024-05-03 01:02:03.123");
        assertThat(call("date_trunc", TEXT, "month", INTERVAL, "2 years 3 mons 4 days 05:06:07")).isEqualTo("2 years 3 mons");
        assertThat(call("date_trunc", TEXT, "hour", INTERVAL, "2 years 3 mons 4 days 05:06:07"))
                .isEqualTo("2 years 3 mons 4 days 05:00:00");
        assertThat(call("date_trunc", TEXT, "day", TIMESTAMPTZ, "2024-07-03 10:00+00", TEXT, "Europe/Paris"))
                .isEqualTo("2024-07-02 22:00:00+00");
        assertError(() -> call("date_trunc", TEXT, "foo", TIMESTAMP, "2024-01-02"), "22023",
                "unit \"foo\" not recognized for type timestamp without time zone");
    }

    @Test
    void atTimeZone() {
        assertThat(call("timezone", TEXT, "+05", TIMESTAMPTZ, "2024-01-01 00:00+00")).isEqualTo("2023-12-31 19:00:00");
        assertThat(call("timezone", TEXT, "EST", TIMESTAMPTZ, "2024-01-01 00:00+00")).isEqualTo("2023-12-31 19:00:00");
        assertThat(call("timezone", TEXT, "europe/paris", TIMESTAMPTZ, "2024-01-01 00:00+00")).isEqualTo("2024-01-01 01:00:00");
        assertThat(call("timezone", TEXT, "UTC+3", TIMESTAMPTZ, "2024-01-01 00:00+00")).isEqualTo("2023-12-31 21:00:00");
        assertThat(call("timezone", INTERVAL, "03:00", TIMESTAMPTZ, "2024-01-01 00:00+00")).isEqualTo("2024-01-01 03:00:00");
        assertError(() -> call("timezone", TEXT, "foo", TIMESTAMPTZ, "2024-01-01 00:00+00"), "22023",
                "time zone \"foo\" not recognized");
    }
}
