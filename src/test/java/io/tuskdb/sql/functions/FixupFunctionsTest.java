package io.tuskdb.sql.functions;

import io.tuskdb.error.PgException;
import io.tuskdb.types.PgType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.tuskdb.sql.functions.Lookup.call;
import static io.tuskdb.sql.functions.Lookup.eval;
import static io.tuskdb.types.PgType.BPCHAR;
import static io.tuskdb.types.PgType.FLOAT8;
import static io.tuskdb.types.PgType.INT4;
import static io.tuskdb.types.PgType.INT8;
import static io.tuskdb.types.PgType.INTERVAL;
import static io.tuskdb.types.PgType.NUMERIC;
import static io.tuskdb.types.PgType.TEXT;
import static io.tuskdb.types.PgType.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** pg_typeof, bpchar LIKE, cbrt/gcd/lcm/factorial/width_bucket, make_time/make_timestamp/date_bin; from PostgreSQL 15. */
class FixupFunctionsTest {

    private static void assertError(Runnable r, String sqlState, String message) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(PgException.class, e -> {
            assertThat(e.sqlState().code()).isEqualTo(sqlState);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void pgTypeofNamesTheResolvedType() {
        ScalarFunction f = Builtins.functions("pg_typeof").get(0);
        assertThat(f.argumentTypes()).containsExactly((PgType) null);
        assertThat(f.strict()).isFalse();
        String[] expected = {"integer", "bigint", "timestamp with time zone", "character varying", "character",
                "unknown", "double precision", "numeric", "boolean"};
        PgType[] types = {INT4, INT8, PgType.TIMESTAMPTZ, PgType.VARCHAR, BPCHAR, PgType.UNKNOWN, FLOAT8, NUMERIC,
                PgType.BOOL};
        for (int i = 0; i < types.length; i++) {
            assertThat(f.forArgumentTypes(List.of(types[i])).call(null, new Object[]{null})).isEqualTo(expected[i]);
        }
        // unbound (the analyzer did not hand over types): the type the value stands for
        assertThat(f.call(null, new Object[]{2147483648L})).isEqualTo("bigint");
        assertThat(f.call(null, new Object[]{null})).isEqualTo("unknown");
        assertThat(f.forArgumentTypes(Arrays.asList((PgType) null))).isSameAs(f);
    }

    @Test
    void concatTakesMixedTypes() {
        // SELECT concat('a', 1, NULL, true), concat_ws('-', 1.50, NULL, 'x'), num_nulls(1, NULL, 'a'), format('abc')
        // VARIADIC "any" is one overload per argument count, each argument "any" (null), so the analyzer resolves
        // concat(unknown, integer, unknown, boolean) without a variadic element type
        assertThat(Builtins.functions("concat")).hasSize(100)
                .allSatisfy(f -> assertThat(f.argumentTypes()).containsOnlyNulls().isNotEmpty());
        assertThat(Builtins.functions("concat_ws")).hasSize(99)
                .allSatisfy(f -> assertThat(f.argumentTypes().get(0)).isEqualTo(TEXT));
        assertThat(Builtins.functions("format")).anySatisfy(f -> assertThat(f.argumentTypes()).containsExactly(TEXT));
        assertThat(Lookup.fn("concat", null, null, null, null).call(null, new Object[]{"a", 1, null, true}))
                .isEqualTo("a1t");
        assertThat(Lookup.fn("num_nulls", null, null, null).call(null, new Object[]{1, null, "a"})).isEqualTo(1);
        assertThat(Lookup.fn("num_nonnulls", null, null, null).call(null, new Object[]{1, null, "a"})).isEqualTo(2);
        assertThat(Lookup.fn("format", TEXT).call(null, new Object[]{"abc"})).isEqualTo("abc");
        assertThat(Builtins.functions("concat_ws").get(0).call(null,
                new Object[]{"-", new java.math.BigDecimal("1.50"), null, "x"})).isEqualTo("1.50-x");
    }

    @Test
    void bpcharLikeMatchesThePaddedValue() {
        // SELECT 'a'::char(3) LIKE 'a', LIKE 'a  ', LIKE 'a_', ILIKE 'A', NOT LIKE 'a', 'ab'::char(4) LIKE '%b', '%b%'
        assertThat(eval("a  ", BPCHAR, "~~", "a", TEXT)).isEqualTo("f");
        assertThat(eval("a  ", BPCHAR, "~~", "a  ", TEXT)).isEqualTo("t");
        assertThat(eval("a  ", BPCHAR, "~~", "a_", TEXT)).isEqualTo("f");
        assertThat(eval("a  ", BPCHAR, "~~*", "A", TEXT)).isEqualTo("f");
        assertThat(eval("a  ", BPCHAR, "!~~", "a", TEXT)).isEqualTo("t");
        assertThat(eval("ab  ", BPCHAR, "~~", "%b", TEXT)).isEqualTo("f");
        assertThat(eval("ab  ", BPCHAR, "~~", "%b%", TEXT)).isEqualTo("t");
    }

    @Test
    void likePatternForTheExecutor() {
        // SELECT 'a' LIKE 'a\', 'É' ILIKE 'é', 'Ǆ' ILIKE 'ǆ', 'ABC' ILIKE 'a%', 'a%b' LIKE 'a#%b' ESCAPE '#',
        //        'a_b' LIKE 'a__b', 'x' LIKE 'X' ESCAPE '', 'AbC' ILIKE 'a_c' ESCAPE 'A'
        assertThat(LikePattern.compile("a\\", null, false).matches("a")).isFalse();
        assertThat(LikePattern.compile("é", null, true).matches("É")).isFalse();
        assertThat(LikePattern.compile("ǆ", null, true).matches("Ǆ")).isFalse();
        assertThat(LikePattern.compile("a%", null, true).matches("ABC")).isTrue();
        assertThat(LikePattern.compile("a#%b", "#", false).matches("a%b")).isTrue();
        assertThat(LikePattern.compile("a__b", null, false).matches("a_b")).isFalse();
        assertThat(LikePattern.compile("X", "", false).matches("x")).isFalse();
        assertThat(LikePattern.compile("a_c", "A", true).matches("AbC")).isTrue();
        assertThat(LikePattern.compile("a", null, false).matches("a  ")).isFalse();
        assertError(() -> LikePattern.compile("a\\", null, false).matches("ab"), "22025",
                "LIKE pattern must not end with escape character");
    }

    @Test
    void numberTheory() {
        assertThat(call("cbrt", FLOAT8, "-8")).isEqualTo("-2");
        assertThat(call("cbrt", FLOAT8, "2")).isEqualTo("1.2599210498948732"); // PostgreSQL (glibc) prints ...734
        assertThat(call("cbrt", FLOAT8, "inf")).isEqualTo("Infinity");
        assertThat(call("gcd", INT4, "12", INT4, "18")).isEqualTo("6");
        assertThat(call("gcd", INT4, "-12", INT4, "18")).isEqualTo("6");
        assertThat(call("gcd", INT4, "0", INT4, "0")).isEqualTo("0");
        assertThat(call("gcd", INT8, "12", INT8, "-18")).isEqualTo("6");
        assertThat(call("gcd", NUMERIC, "12.5", NUMERIC, "5")).isEqualTo("2.5");
        assertThat(call("gcd", NUMERIC, "0", NUMERIC, "-0.5")).isEqualTo("0.5");
        assertThat(call("lcm", INT4, "4", INT4, "6")).isEqualTo("12");
        assertThat(call("lcm", INT4, "0", INT4, "5")).isEqualTo("0");
        assertThat(call("lcm", INT4, "-4", INT4, "6")).isEqualTo("12");
        assertThat(call("lcm", NUMERIC, "4.5", NUMERIC, "3")).isEqualTo("9.0");
        assertError(() -> call("gcd", INT4, "-2147483648", INT4, "0"), "22003", "integer out of range");
        assertError(() -> call("lcm", INT4, "2147483647", INT4, "2147483646"), "22003", "integer out of range");
        // SELECT trim_scale(8.4100), trim_scale(0.000), trim_scale(100), trim_scale('NaN'), trim_scale(-1.50), ...
        String[][] scales = {{"8.4100", "8.41", "2"}, {"0.000", "0", "0"}, {"100", "100", "0"}, {"NaN", "NaN", null},
                {"-1.50", "-1.5", "1"}, {"-Infinity", "-Infinity", null}, {"1e5", "100000", "0"}, {"1e-20", null, "20"}};
        for (String[] c : scales) {
            if (c[1] != null) {
                assertThat(call("trim_scale", NUMERIC, c[0])).as(c[0]).isEqualTo(c[1]);
            }
            assertThat(call("min_scale", NUMERIC, c[0])).as(c[0]).isEqualTo(c[2]);
        }
        assertThat(call("factorial", INT8, "0")).isEqualTo("1");
        assertThat(call("factorial", INT8, "20")).isEqualTo("2432902008176640000");
        assertThat(call("factorial", INT8, "25")).isEqualTo("15511210043330985984000000");
        assertError(() -> call("factorial", INT8, "-1"), "22003", "factorial of a negative number is undefined");
    }

    @Test
    void widthBucket() {
        assertThat(call("width_bucket", NUMERIC, "5.35", NUMERIC, "0.024", NUMERIC, "10.06", INT4, "5")).isEqualTo("3");
        assertThat(call("width_bucket", FLOAT8, "5.35", FLOAT8, "0.024", FLOAT8, "10.06", INT4, "5")).isEqualTo("3");
        assertThat(call("width_bucket", NUMERIC, "10", NUMERIC, "10", NUMERIC, "0", INT4, "4")).isEqualTo("1");
        assertThat(call("width_bucket", NUMERIC, "-1", NUMERIC, "0", NUMERIC, "10", INT4, "5")).isEqualTo("0");
        assertThat(call("width_bucket", NUMERIC, "10", NUMERIC, "0", NUMERIC, "10", INT4, "5")).isEqualTo("6");
        assertThat(call("width_bucket", NUMERIC, "0", NUMERIC, "10", NUMERIC, "0", INT4, "5")).isEqualTo("6");
        assertThat(call("width_bucket", FLOAT8, "5", FLOAT8, "10", FLOAT8, "0", INT4, "3")).isEqualTo("2");
        assertThat(call("width_bucket", NUMERIC, "Infinity", NUMERIC, "0", NUMERIC, "10", INT4, "3")).isEqualTo("4");
        assertThat(call("width_bucket", FLOAT8, "-inf", FLOAT8, "0", FLOAT8, "10", INT4, "3")).isEqualTo("0");
        assertError(() -> call("width_bucket", NUMERIC, "1", NUMERIC, "0", NUMERIC, "10", INT4, "0"), "2201G",
                "count must be greater than zero");
        assertError(() -> call("width_bucket", NUMERIC, "1", NUMERIC, "1", NUMERIC, "1", INT4, "3"), "2201G",
                "lower bound cannot equal upper bound");
        assertError(() -> call("width_bucket", NUMERIC, "NaN", NUMERIC, "0", NUMERIC, "10", INT4, "3"), "2201G",
                "operand, lower bound, and upper bound cannot be NaN");
        assertError(() -> call("width_bucket", FLOAT8, "1", FLOAT8, "inf", FLOAT8, "10", INT4, "3"), "2201G",
                "lower and upper bounds must be finite");
        assertError(() -> call("width_bucket", NUMERIC, "1", NUMERIC, "Infinity", NUMERIC, "10", INT4, "3"), "2201G",
                "lower and upper bounds must be finite");
    }

    @Test
    void makeTimeAndTimestamp() {
        assertThat(call("make_time", INT4, "8", INT4, "15", FLOAT8, "23.5")).isEqualTo("08:15:23.5");
        assertThat(call("make_time", INT4, "24", INT4, "0", FLOAT8, "0")).isEqualTo("24:00:00");
        assertThat(call("make_timestamp", INT4, "2013", INT4, "7", INT4, "15", INT4, "8", INT4, "15", FLOAT8, "23.5"))
                .isEqualTo("2013-07-15 08:15:23.5");
        assertThat(call("make_timestamp", INT4, "-44", INT4, "3", INT4, "15", INT4, "12", INT4, "30", FLOAT8, "15"))
                .isEqualTo("0044-03-15 12:30:15 BC");
        assertThat(call("make_timestamp", INT4, "2024", INT4, "2", INT4, "29", INT4, "0", INT4, "0",
                FLOAT8, "59.9999999")).isEqualTo("2024-02-29 00:01:00");
        assertError(() -> call("make_time", INT4, "25", INT4, "0", FLOAT8, "0"), "22008",
                "time field value out of range: 25:00:00");
        assertError(() -> call("make_time", INT4, "10", INT4, "0", FLOAT8, "60.5"), "22008",
                "time field value out of range: 10:00:60.5");
        assertError(() -> call("make_timestamp", INT4, "2024", INT4, "13", INT4, "1", INT4, "0", INT4, "0", FLOAT8, "0"),
                "22008", "date field value out of range: 2024-13-01");
        assertError(() -> call("make_timestamp", INT4, "0", INT4, "1", INT4, "1", INT4, "0", INT4, "0", FLOAT8, "0"),
                "22008", "date field value out of range: 0-01-01");
        assertError(() -> call("make_timestamp", INT4, "2024", INT4, "2", INT4, "30", INT4, "0", INT4, "0", FLOAT8, "0"),
                "22008", "date field value out of range: 2024-02-30");
        assertError(() -> call("make_timestamp", INT4, "2024", INT4, "2", INT4, "3", INT4, "0", INT4, "61", FLOAT8, "0"),
                "22008", "time field value out of range: 0:61:00");
    }

    @Test
    void dateBin() {
        assertThat(call("date_bin", INTERVAL, "15 minutes", TIMESTAMP, "2020-02-11 15:44:17", TIMESTAMP, "2001-01-01"))
                .isEqualTo("2020-02-11 15:30:00");
        assertThat(call("date_bin", INTERVAL, "15 minutes", TIMESTAMP, "2020-02-11 15:44:17",
                TIMESTAMP, "2001-01-01 00:02:30")).isEqualTo("2020-02-11 15:32:30");
        assertThat(call("date_bin", INTERVAL, "1 day", TIMESTAMP, "1990-02-11 15:44:17", TIMESTAMP, "2001-01-01"))
                .isEqualTo("1990-02-11 00:00:00");
        assertThat(call("date_bin", INTERVAL, "7 days 2 hours", TIMESTAMP, "2020-02-11 15:44:17",
                TIMESTAMP, "2001-01-01")).isEqualTo("2020-02-08 02:00:00");
        assertThat(call("date_bin", INTERVAL, "1 day", TIMESTAMP, "infinity", TIMESTAMP, "2001-01-01"))
                .isEqualTo("infinity");
        assertError(() -> call("date_bin", INTERVAL, "1 month", TIMESTAMP, "2020-02-11", TIMESTAMP, "2001-01-01"),
                "0A000", "timestamps cannot be binned into intervals containing months or years");
        assertError(() -> call("date_bin", INTERVAL, "0 days", TIMESTAMP, "2020-02-11", TIMESTAMP, "2001-01-01"),
                "22008", "stride must be greater than zero");
        assertError(() -> call("date_bin", INTERVAL, "-1 days", TIMESTAMP, "2020-02-11", TIMESTAMP, "2001-01-01"),
                "22008", "stride must be greater than zero");
    }

    /** to_char with EEEE: numeric_out_sci for numeric and int8, printf's %e for float8 and int4. */
    @Test
    void toCharScientific() {
        Object[][] cases = {
                {NUMERIC, "1234.5", "9.99EEEE", " 1.23e+03"}, {NUMERIC, "0.000123", "9.9EEEE", " 1.2e-04"},
                {FLOAT8, "-5", "9.999EEEE", "-5.000e+00"}, {FLOAT8, "1e100", "9.99EEEE", " 1.00e+100"},
                {INT4, "12345", "9.9eeee", " 1.2e+04"}, {NUMERIC, "0", "9.99EEEE", " 0.00e+00"},
                {FLOAT8, "-0", "9.9EEEE", "-0.0e+00"}, {FLOAT8, "NaN", "99.99EEEE", " ##.######"},
                {NUMERIC, "Infinity", "9.9EEEE", " #.#####"}, {NUMERIC, "9.96", "9.9EEEE", " 10.0e+00"},
                {FLOAT8, "-9.96", "9.9EEEE", "-1.0e+01"}, {INT8, "12345678901", "9.999EEEE", " 1.235e+10"},
                {INT4, "25", "9EEEE", " 2e+01"}, {FLOAT8, "0.5", "9EEEE", " 5e-01"}, {FLOAT8, "1.5", "9EEEE", " 2e+00"},
                {FLOAT8, "2.5", "9EEEE", " 2e+00"}, {NUMERIC, "2.5", "9EEEE", " 3e+00"},
                {INT4, "123", "999.99EEEE", " 1.23e+02"},
        };
        for (Object[] c : cases) {
            assertThat(call("to_char", c[0], c[1], TEXT, c[2])).as(c[1] + " " + c[2]).isEqualTo(c[3]);
        }
        assertError(() -> call("to_char", NUMERIC, "1.5", TEXT, "9.9EEEEFM"), "42601",
                "\"EEEE\" must be the last pattern used");
        assertError(() -> call("to_char", NUMERIC, "1.5", TEXT, "FM9.9EEEE"), "42601",
                "\"EEEE\" is incompatible with other formats");
        assertError(() -> call("to_char", NUMERIC, "1.5", TEXT, "9.9EEEEEEEE"), "42601", "cannot use \"EEEE\" twice");
        assertError(() -> call("to_char", NUMERIC, "1.5", TEXT, "S9.9EEEE"), "42601",
                "\"EEEE\" is incompatible with other formats");
        assertError(() -> call("to_number", TEXT, "1.5e+00", TEXT, "9.9EEEE"), "0A000",
                "\"EEEE\" not supported for input");
    }

    /** to_char with RN / rn (int_to_roman), alone with FM and literals. */
    @Test
    void toCharRoman() {
        Object[][] cases = {
                {INT4, "1999", "RN", "        MCMXCIX"}, {INT4, "4", "FMRN", "IV"}, {INT4, "4", "rn", "             iv"},
                {NUMERIC, "3999.5", "RN", "###############"}, {INT4, "0", "RN", "###############"},
                {INT4, "4000", "FMRN", "###############"}, {INT4, "-5", "FMRN", "###############"},
                {FLOAT8, "2.5", "FMRN", "II"}, {NUMERIC, "3.5", "FMRN", "IV"}, {FLOAT8, "3.5", "FMRN", "IV"},
                {INT4, "14", "FMRN\"x\"", "XIVx"}, {INT4, "1994", "FMrn", "mcmxciv"},
        };
        for (Object[] c : cases) {
            assertThat(call("to_char", c[0], c[1], TEXT, c[2])).as(c[1] + " " + c[2]).isEqualTo(c[3]);
        }
        assertError(() -> call("to_char", INT8, "1234567890123", TEXT, "RN"), "22003", "integer out of range");
        assertError(() -> call("to_number", TEXT, "IV", TEXT, "RN"), "0A000", "\"RN\" not supported for input");
    }
}
