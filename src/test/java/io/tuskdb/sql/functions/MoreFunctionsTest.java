package io.tuskdb.sql.functions;

import io.tuskdb.error.PgException;
import io.tuskdb.types.FormatSettings;
import io.tuskdb.types.PgType;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static io.tuskdb.sql.functions.Lookup.call;
import static io.tuskdb.sql.functions.Lookup.eval;
import static io.tuskdb.sql.functions.Lookup.v;
import static io.tuskdb.types.PgType.INTERVAL;
import static io.tuskdb.types.PgType.TEXT;
import static io.tuskdb.types.PgType.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Regular expressions, age and to_char; expected values from PostgreSQL 15.15. */
class MoreFunctionsTest {

    @Test
    void regularExpressions() {
        assertThat(eval("abc", TEXT, "~", "B", TEXT)).isEqualTo("f");
        assertThat(eval("abc", TEXT, "~*", "B", TEXT)).isEqualTo("t");
        assertThat(eval("a.c", TEXT, "~", "^a\\.c$", TEXT)).isEqualTo("t");
        assertThat(eval("a\nb", TEXT, "~", "a.b", TEXT)).isEqualTo("t");
        assertThat(eval("foo bar", TEXT, "~", "\\mbar", TEXT)).isEqualTo("t");
        assertThat(eval("abc1", TEXT, "~", "[[:digit:]]", TEXT)).isEqualTo("t");
        assertThat(eval("abc", TEXT, "~", "[[:digit:]]", TEXT)).isEqualTo("f");
        assertThat(call("regexp_replace", TEXT, "foobarbaz", TEXT, "b..", TEXT, "X")).isEqualTo("fooXbaz");
        assertThat(call("regexp_replace", TEXT, "foobarbaz", TEXT, "b(.)(.)", TEXT, "\\2\\1", TEXT, "g")).isEqualTo("fooraza");
        assertThat(call("regexp_replace", TEXT, "ABC", TEXT, "b", TEXT, "x", TEXT, "i")).isEqualTo("AxC");
        assertThat(call("regexp_replace", TEXT, "a.b.c", TEXT, "\\.", TEXT, "&&", TEXT, "g")).isEqualTo("a&&b&&c");
        assertThat(call("regexp_like", TEXT, "abc", TEXT, "B", TEXT, "i")).isEqualTo("t");
        assertThat(call("regexp_count", TEXT, "abcabc", TEXT, "b")).isEqualTo("2");
        assertThat(call("regexp_substr", TEXT, "abc123def", TEXT, "[0-9]+")).isEqualTo("123");
        assertThat(call("regexp_instr", TEXT, "abc123", TEXT, "[0-9]")).isEqualTo("4");
        assertThatThrownBy(() -> eval("a", TEXT, "~", "(", TEXT)).isInstanceOfSatisfying(PgException.class,
                e -> assertThat(e.sqlState().code()).isEqualTo("2201B"));
    }

    @Test
    void age() {
        assertThat(call("age", TIMESTAMP, "2024-03-15 10:00", TIMESTAMP, "2023-01-31 12:30"))
                .isEqualTo("1 year 1 mon 14 days 21:30:00");
        assertThat(call("age", TIMESTAMP, "2024-01-31", TIMESTAMP, "2024-03-01")).isEqualTo("-1 mons -1 days");
        assertThat(call("age", TIMESTAMP, "2024-02-29", TIMESTAMP, "2023-02-28")).isEqualTo("1 year 1 day");
    }

    @Test
    void toChar() {
        assertThat(call("to_char", TIMESTAMP, "2024-07-02 15:04:05.123456", TEXT, "YYYY-MM-DD HH24:MI:SS.US"))
                .isEqualTo("2024-07-02 15:04:05.123456");
        assertThat(call("to_char", TIMESTAMP, "2024-07-02 15:04:05.5", TEXT, "Day, DD Month YYYY HH12:MI AM"))
                .isEqualTo("Tuesday  , 02 July      2024 03:04 PM");
        assertThat(call("to_char", TIMESTAMP, "2024-07-02 15:04:05.5", TEXT, "FMDay, FMDD FMMonth YYYY"))
                .isEqualTo("Tuesday, 2 July 2024");
        assertThat(call("to_char", TIMESTAMP, "2024-07-02", TEXT, "DDth Mon yy Q WW IW D ID DDD J CC"))
                .isEqualTo("02nd Jul 24 3 27 27 3 2 184 2460494 21");
        assertThat(call("to_char", TIMESTAMP, "0044-03-15", TEXT, "YYYY BC")).isEqualTo("0044 AD");
        assertThat(call("to_char", TIMESTAMP, "2024-07-02", TEXT, "\"quoted\" YYYY \\\\ MS FF3"))
                .isEqualTo("quoted 2024 \\\\ 000 000");
        assertThat(call("to_char", TIMESTAMP, "2024-01-01 00:00", TEXT, "HH12 am a.m. PM")).isEqualTo("12 am a.m. AM");
        assertThat(call("to_char", TIMESTAMP, "2024-07-21", TEXT, "FMDDth FMDDTH dy DY MON mon month RM"))
                .isEqualTo("21st 21ST sun SUN JUL jul july      VII ");
        assertThat(call("to_char", INTERVAL, "1 day 25:03:04", TEXT, "DD HH24:MI:SS")).isEqualTo("01 25:03:04");
        assertThat(call("to_char", TIMESTAMP, "2024-07-02", TEXT, "Y,YYY YYY YY Y IYYY")).isEqualTo("2,024 024 24 4 2024");
        ScalarFunction tz = Lookup.fn("to_char", PgType.TIMESTAMPTZ, TEXT);
        FormatSettings paris = new FormatSettings("ISO", "MDY", ZoneId.of("Europe/Paris"), "postgres", 1, true);
        Object ts = io.tuskdb.types.TypeIO.fromText(PgType.TIMESTAMPTZ, "2024-07-02 15:04:05.5+00", paris);
        assertThat(tz.call(null, new Object[]{ts, "YYYY"})).isEqualTo("2024");
        assertThat(DateTimeFunctions.toChar((java.time.Instant) ts, "YYYY-MM-DD HH24:MI:SS TZ OF TZH:TZM", paris.timeZone()))
                .isEqualTo("2024-07-02 17:04:05 CEST +02 +02:00");
        assertThat(v(TEXT, "x")).isEqualTo("x");
    }

    @Test
    void encodingFormatAndOverlay() {
        assertThat(call("encode", PgType.BYTEA, "\\x00017f80ff5c", TEXT, "escape")).isEqualTo("\\000\u0001\u007f\\200\\377\\\\");
        assertThat(call("encode", PgType.BYTEA, "hello world", TEXT, "base64")).isEqualTo("aGVsbG8gd29ybGQ=");
        assertThat(call("encode", PgType.BYTEA, "x".repeat(60), TEXT, "base64")).isEqualTo(
                "eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4\neHh4");
        assertThat(call("decode", TEXT, "aGVsbG8=", TEXT, "base64")).isEqualTo("\\x68656c6c6f");
        assertThat(call("decode", TEXT, "a\\\\b\\001", TEXT, "escape")).isEqualTo("\\x615c6201");
        assertThat(call("encode", PgType.BYTEA, "\\xdeadbeef", TEXT, "hex")).isEqualTo("deadbeef");
        assertThat(call("sha256", PgType.BYTEA, "abc"))
                .isEqualTo("\\xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThatThrownBy(() -> call("decode", TEXT, "a!", TEXT, "base64")).isInstanceOfSatisfying(PgException.class,
                e -> assertThat(e.getMessage()).isEqualTo("invalid symbol \"!\" found while decoding base64 sequence"));
        assertThatThrownBy(() -> call("encode", PgType.BYTEA, "a", TEXT, "foo")).isInstanceOfSatisfying(PgException.class,
                e -> assertThat(e.getMessage()).isEqualTo("unrecognized encoding: \"foo\""));
        ScalarFunction format = Builtins.functions("format").get(0);
        assertThat(format.call(null, new Object[]{"%s-%I-%L-%%-%2$s|%-5s|%5s", "a", "B c", null, "x", "y"}))
                .isEqualTo("a-\"B c\"-NULL-%-B c|     |    x");
        assertThatThrownBy(() -> format.call(null, new Object[]{"%s %s", 1})).isInstanceOfSatisfying(PgException.class,
                e -> assertThat(e.getMessage()).isEqualTo("too few arguments for format()"));
        assertThatThrownBy(() -> format.call(null, new Object[]{"%z", 1})).isInstanceOfSatisfying(PgException.class,
                e -> assertThat(e.getMessage()).isEqualTo("unrecognized format() type specifier \"z\""));
        assertThat(call("overlay", TEXT, "Txxxxas", TEXT, "hom", PgType.INT4, "2", PgType.INT4, "4")).isEqualTo("Thomas");
        assertThat(call("overlay", TEXT, "abc", TEXT, "X", PgType.INT4, "2")).isEqualTo("aXc");
        assertThat(call("position", TEXT, "hello", TEXT, "lo")).isEqualTo("4");
        assertThat(Builtins.functions("num_nulls").get(0).call(null, new Object[]{1, null, "a"})).isEqualTo(1);
    }

    @Test
    void edgeCasesFoundAgainstPostgres() {
        assertThatThrownBy(() -> call("chr", PgType.INT4, "-1")).isInstanceOfSatisfying(PgException.class,
                e -> assertThat(e.sqlState().code()).isEqualTo("22023"));
        assertThat(call("date_part", TEXT, "timezone", TIMESTAMP, "infinity")).isNull();
        assertThat(call("date_part", TEXT, "epoch", INTERVAL, "1 year 2 mons 3 days 04:05:06.789")).isEqualTo("37015506.789000005");
        assertThat(call("date_trunc", TEXT, "foo", TIMESTAMP, "infinity")).isEqualTo("infinity");
        assertThatThrownBy(() -> call("decode", TEXT, "zz", TEXT, "hex")).isInstanceOfSatisfying(PgException.class,
                e -> assertThat(e.sqlState().code()).isEqualTo("22023"));
        assertThatThrownBy(() -> call("decode", TEXT, "zz", TEXT, "base64")).isInstanceOfSatisfying(PgException.class,
                e -> assertThat(e.getMessage()).isEqualTo("invalid base64 end sequence"));
        assertThat(call("log", PgType.NUMERIC, "1e-5", PgType.NUMERIC, "infinity")).isEqualTo("Infinity");
        assertThatThrownBy(() -> call("log", PgType.NUMERIC, "infinity", PgType.NUMERIC, "0"))
                .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.getMessage()).isEqualTo("cannot take logarithm of zero"));
        assertThatThrownBy(() -> call("make_date", PgType.INT4, "-1", PgType.INT4, "0", PgType.INT4, "2"))
                .isInstanceOfSatisfying(PgException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("date field value out of range: 0-00-02"));
        assertThat(call("overlay", TEXT, "", TEXT, "", PgType.INT4, "2", PgType.INT4, "-1")).isEqualTo("");
        assertThatThrownBy(() -> call("regexp_like", TEXT, "a", TEXT, "b", TEXT, "g")).isInstanceOfSatisfying(PgException.class,
                e -> assertThat(e.getMessage()).isEqualTo("regexp_like() does not support the \"global\" option"));
        assertThat(call("timezone", INTERVAL, "-25 hours", TIMESTAMP, "2000-01-01")).isEqualTo("2000-01-02 01:00:00+00");
        assertThat(call("timezone", TEXT, "foo", TIMESTAMP, "infinity")).isEqualTo("infinity");
        assertThatThrownBy(() -> call("to_char", INTERVAL, "1 day", TEXT, "FMDay")).isInstanceOfSatisfying(PgException.class,
                e -> assertThat(e.getMessage()).isEqualTo("invalid format specification for an interval value"));
    }

    @Test
    void catalogHelpers() {
        ScalarFunction formatType = Lookup.fn("format_type", PgType.OID, PgType.INT4);
        assertThat(formatType.strict()).isFalse();
        assertThat(formatType.call(null, new Object[]{1042, null})).isEqualTo("character");
        assertThat(formatType.call(null, new Object[]{1042, -1})).isEqualTo("bpchar");
        assertThat(formatType.call(null, new Object[]{1043, 14})).isEqualTo("character varying(10)");
        assertThat(formatType.call(null, new Object[]{1007, -1})).isEqualTo("integer[]");
        assertThat(formatType.call(null, new Object[]{1015, 14})).isEqualTo("character varying(10)[]");
        assertThat(formatType.call(null, new Object[]{99999, -1})).isEqualTo("???");
        assertThat(formatType.call(null, new Object[]{null, 5})).isNull();
        assertThat(call("pg_encoding_to_char", PgType.INT4, "6")).isEqualTo("UTF8");
        assertThat(call("pg_encoding_to_char", PgType.INT4, "99")).isEqualTo("");
        assertThat(call("pg_char_to_encoding", PgType.NAME, "utf8")).isEqualTo("6");
        assertThat(call("pg_char_to_encoding", PgType.NAME, "foo")).isEqualTo("-1");
    }

    @Test
    void toCharForNumbers() {
        String[][] cases = {
                {"-12", "9999", "  -12"}, {"-12", "0000", "-0012"}, {"0", "9,999.99", "      .00"},
                {"-1234.567", "9,999.99", "-1,234.57"}, {"12345", "9,999.99", " #,###.##"}, {"0", "FM9,999.99", "0."},
                {"0.5", "FM9,999.99", ".5"}, {"12345", "FM999,990.00", "12,345.00"}, {"-0.5", "FM999,990.00", "-0.50"},
                {"12", "S9999", "  +12"}, {"-12", "SG9999", "-  12"}, {"-12", "9999MI", "  12-"}, {"0", "9999PL", "    0+"},
                {"-0.5", "9.99S", " .50-"}, {"0.5", "9999V99", "     50"}, {"12", "FM9999th", "12th"},
                {"0.5", "FM9999th", "1st"}, {"1234.567", "0.99", " #.##"},
        };
        for (String[] c : cases) {
            assertThat(call("to_char", PgType.NUMERIC, c[0], TEXT, c[1])).as(c[0] + " " + c[1]).isEqualTo(c[2]);
        }
        assertThat(call("to_char", PgType.FLOAT4, "12345", TEXT, "FM999,990.00")).isEqualTo("12,345.0");
        assertThat(call("to_char", PgType.INT4, "123456789", TEXT, "9999V99")).isEqualTo("-######");
        assertThat(call("to_char", PgType.FLOAT8, "2.5", TEXT, "9")).isEqualTo(" 2");
        assertThat(call("to_char", PgType.FLOAT8, "3.5", TEXT, "9")).isEqualTo(" 4");
        assertThatThrownBy(() -> call("to_char", PgType.NUMERIC, "1", TEXT, "9.9.9")).isInstanceOfSatisfying(PgException.class,
                e -> assertThat(e.getMessage()).isEqualTo("multiple decimal points"));
        assertThatThrownBy(() -> call("to_char", PgType.NUMERIC, "1", TEXT, "9.99PR")).isInstanceOfSatisfying(PgException.class,
                e -> assertThat(e.sqlState().code()).isEqualTo("0A000"));
    }

    @Test
    void toNumber() {
        assertThat(call("to_number", TEXT, "12,454.8-", TEXT, "99G999D9S")).isEqualTo("-12454.8");
        assertThat(call("to_number", TEXT, "-34,338,492", TEXT, "99,999,999.999")).isEqualTo("-34338492");
        assertThat(call("to_number", TEXT, "5.01-", TEXT, "FM9.999999MI")).isEqualTo("-5.01");
        assertThat(call("to_number", TEXT, "12345", TEXT, "99")).isEqualTo("12");
        assertThat(call("to_number", TEXT, "12.3456", TEXT, "99999.9999")).isEqualTo("12.3456");
        assertThatThrownBy(() -> call("to_number", TEXT, "abc", TEXT, "999.99")).isInstanceOfSatisfying(PgException.class,
                e -> assertThat(e.sqlState().code()).isEqualTo("22P02"));
    }

    @Test
    void toDateAndToTimestamp() {
        assertThat(call("to_date", TEXT, "24-01-02", TEXT, "YY-MM-DD")).isEqualTo("2024-01-02");
        assertThat(call("to_date", TEXT, "2024 002", TEXT, "YYYY DDD")).isEqualTo("2024-01-02");
        assertThat(call("to_date", TEXT, "2024/1/2", TEXT, "YYYY-MM-DD")).isEqualTo("2024-01-02");
        assertThat(call("to_timestamp", TEXT, "2024-01-02 01:14:15 PM", TEXT, "YYYY-MM-DD HH12:MI:SS AM"))
                .isEqualTo("2024-01-02 13:14:15+00");
        assertThat(call("to_timestamp", TEXT, "2024-01-02 10:20 +05:30", TEXT, "YYYY-MM-DD HH24:MI TZH:TZM"))
                .isEqualTo("2024-01-02 04:50:00+00");
        assertThatThrownBy(() -> call("to_date", TEXT, "2024-13-02", TEXT, "YYYY-MM-DD")).isInstanceOfSatisfying(
                PgException.class, e -> assertThat(e.getMessage()).isEqualTo("date/time field value out of range: \"2024-13-02\""));
        assertThatThrownBy(() -> call("to_date", TEXT, "abc", TEXT, "YYYY-MM-DD")).isInstanceOfSatisfying(
                PgException.class, e -> assertThat(e.getMessage()).isEqualTo("invalid value \"abc\" for \"YYYY\""));
        assertThatThrownBy(() -> call("to_date", TEXT, "2024", TEXT, "IYYY")).isInstanceOfSatisfying(
                PgException.class, e -> assertThat(e.sqlState().code()).isEqualTo("0A000"));
    }
}
