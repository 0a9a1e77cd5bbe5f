package io.tuskdb.sql.functions;

import io.tuskdb.error.PgException;
import io.tuskdb.types.PgType;
import org.junit.jupiter.api.Test;

import static io.tuskdb.sql.functions.Lookup.eval;
import static io.tuskdb.sql.functions.Lookup.op;
import static io.tuskdb.types.PgType.BOOL;
import static io.tuskdb.types.PgType.BPCHAR;
import static io.tuskdb.types.PgType.DATE;
import static io.tuskdb.types.PgType.FLOAT4;
import static io.tuskdb.types.PgType.FLOAT8;
import static io.tuskdb.types.PgType.INT2;
import static io.tuskdb.types.PgType.INT4;
import static io.tuskdb.types.PgType.INT8;
import static io.tuskdb.types.PgType.INTERVAL;
import static io.tuskdb.types.PgType.NUMERIC;
import static io.tuskdb.types.PgType.TEXT;
import static io.tuskdb.types.PgType.TIME;
import static io.tuskdb.types.PgType.TIMESTAMP;
import static io.tuskdb.types.PgType.VARCHAR;
import static io.tuskdb.types.PgErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values were produced by PostgreSQL 15.15. */
class OperatorsTest {


    @Test
    void operatorSignaturesFollowPgOperator() {
        assertThat(op("+", INT4, INT8).resultType()).isEqualTo(INT8);
        assertThat(op("+", INT2, INT4).resultType()).isEqualTo(INT4);
        assertThat(op("*", FLOAT4, FLOAT8).resultType()).isEqualTo(FLOAT8);
        assertThat(op("-", DATE, DATE).resultType()).isEqualTo(INT4);
        assertThat(op("-", TIMESTAMP, TIMESTAMP).resultType()).isEqualTo(INTERVAL);
        assertThat(op("=", INT4, INT8).resultType()).isEqualTo(BOOL);
        assertThat(op("-", null, NUMERIC).resultType()).isEqualTo(NUMERIC);
        assertThat(Builtins.operators("+").stream().anyMatch(o -> o.leftType() == NUMERIC && o.rightType() == INT4)).isFalse();
        assertThat(Builtins.operators("=").stream().anyMatch(o -> o.leftType() == VARCHAR)).isFalse();
    }

    @Test
    void integerArithmeticAndOverflow() {
        assertThat(eval("7", INT4, "%", "-3", INT4)).isEqualTo("1");
        assertThat(eval("-7", INT4, "%", "3", INT4)).isEqualTo("-1");
        assertThat(eval("-7", INT4, "/", "2", INT4)).isEqualTo("-3");
        assertThat(eval("2147483647", INT4, "+", "1", INT8)).isEqualTo("2147483648");
        assertError(() -> eval("2147483647", INT4, "+", "1", INT4), "22003", "integer out of range");
        assertError(() -> eval("32767", INT2, "+", "1", INT2), "22003", "smallint out of range");
        assertError(() -> eval("9223372036854775807", INT8, "*", "2", INT8), "22003", "bigint out of range");
        assertError(() -> eval("-2147483648", INT4, "/", "-1", INT4), "22003", "integer out of range");
        assertThat(eval("-2147483648", INT4, "%", "-1", INT4)).isEqualTo("0");
        assertError(() -> eval("1", INT4, "/", "0", INT4), "22012", "division by zero");
        assertError(() -> eval("1", INT8, "%", "0", INT8), "22012", "division by zero");
        assertError(() -> op("-", null, INT4).apply(null, Integer.MIN_VALUE), "22003", "integer out of range");
        assertThat(eval("1", INT4, "<<", "4", INT4)).isEqualTo("16");
        assertThat(eval("5", INT4, "#", "3", INT4)).isEqualTo("6");
    }

    @Test
    void floatArithmetic() {
        assertThat(eval("0.1", FLOAT4, "+", "0.2", FLOAT4)).isEqualTo("0.3");
        assertThat(eval("0.1", FLOAT8, "+", "0.2", FLOAT8)).isEqualTo("0.30000000000000004");
        assertError(() -> eval("1e308", FLOAT8, "*", "10", FLOAT8), "22003", "value out of range: overflow");
        assertError(() -> eval("1e-308", FLOAT8, "*", "1e-100", FLOAT8), "22003", "value out of range: underflow");
        assertError(() -> eval("1", FLOAT8, "/", "0", FLOAT8), "22012", "division by zero");
        assertThat(eval("nan", FLOAT8, "/", "0", FLOAT8)).isEqualTo("NaN");
        assertThat(eval("2", FLOAT8, "^", "0.5", FLOAT8)).isEqualTo("1.4142135623730951");
        assertThat(eval("nan", FLOAT8, "=", "nan", FLOAT8)).isEqualTo("t");
        assertThat(eval("nan", FLOAT8, ">", "infinity", FLOAT8)).isEqualTo("t");
        assertThat(eval("-0", FLOAT8, "=", "0", FLOAT8)).isEqualTo("t");
        assertThat(eval("0.1", FLOAT4, "=", "0.1", FLOAT8)).isEqualTo("f");
    }

    @Test
    void numericArithmeticScales() {
        assertThat(eval("1", NUMERIC, "/", "3", NUMERIC)).isEqualTo("0.33333333333333333333");
        assertThat(eval("10", NUMERIC, "/", "4", NUMERIC)).isEqualTo("2.5000000000000000");
        assertThat(eval("0.001", NUMERIC, "/", "7", NUMERIC)).isEqualTo("0.00014285714285714286");
        assertThat(eval("1.50", NUMERIC, "*", "2.5", NUMERIC)).isEqualTo("3.750");
        assertThat(eval("1.50", NUMERIC, "+", "2.5", NUMERIC)).isEqualTo("4.00");
        assertThat(eval("7.5", NUMERIC, "%", "2", NUMERIC)).isEqualTo("1.5");
        assertThat(eval("-7.5", NUMERIC, "%", "2", NUMERIC)).isEqualTo("-1.5");
        assertThat(eval("2", NUMERIC, "^", "3", NUMERIC)).isEqualTo("8.0000000000000000");
        assertThat(eval("2", NUMERIC, "^", "-2", NUMERIC)).isEqualTo("0.2500000000000000");
        assertThat(eval("2", NUMERIC, "^", "0.5", NUMERIC)).isEqualTo("1.4142135623730950");
        assertThat(eval("1.5", NUMERIC, "^", "2.5", NUMERIC)).isEqualTo("2.7556759606310754");
        assertThat(eval("infinity", NUMERIC, "+", "-infinity", NUMERIC)).isEqualTo("NaN");
        assertThat(eval("infinity", NUMERIC, "*", "-2", NUMERIC)).isEqualTo("-Infinity");
        assertThat(eval("nan", NUMERIC, "=", "nan", NUMERIC)).isEqualTo("t");
        assertThat(eval("1.0", NUMERIC, "=", "1.00", NUMERIC)).isEqualTo("t");
        assertError(() -> eval("1", NUMERIC, "/", "0", NUMERIC), "22012", "division by zero");
        assertError(() -> eval("0", NUMERIC, "^", "-1", NUMERIC), "2201F", "zero raised to a negative power is undefined");
        assertThat(eval("-2.5", NUMERIC, "^", "infinity", NUMERIC)).isEqualTo("Infinity");
        assertThat(eval("-2.5", NUMERIC, "^", "-infinity", NUMERIC)).isEqualTo("0");
        assertError(() -> eval("-2.5", NUMERIC, "^", "1e20", NUMERIC), "22003", "value overflows numeric format");
        assertThat(eval("0.001", NUMERIC, "^", "1e20", NUMERIC)).isEqualTo("0." + "0".repeat(1000));
    }

    @Test
    void textAndLike() {
        assertThat(eval("ab", TEXT, "||", "cd", TEXT)).isEqualTo("abcd");
        String[][] likes = {
                {"abc", "a\\%", "f"}, {"a%c", "a\\%c", "t"}, {"a_c", "a\\_c", "t"}, {"abc", "%%%c", "t"},
                {"", "%", "t"}, {"abc", "_b_", "t"}, {"a\\b", "a\\\\b", "t"}, {"abc", "ab", "f"},
                {"abc", "a%b%c", "t"}, {"aXbYc", "a%b%d", "f"}, {"ab", "a__", "f"}, {"héllo", "h_llo", "t"},
        };
        for (String[] c : likes) {
            assertThat(eval(c[0], TEXT, "~~", c[1], TEXT)).as(c[0] + " LIKE " + c[1]).isEqualTo(c[2]);
        }
        assertThat(eval("ABC", TEXT, "~~*", "a%", TEXT)).isEqualTo("t");
        assertThat(eval("É", TEXT, "~~*", "é", TEXT)).isEqualTo("f");
        assertThat(eval("abc", TEXT, "!~~", "a%", TEXT)).isEqualTo("f");
        assertThat(op("~~", BPCHAR, TEXT).apply("abc  ", "abc")).isEqualTo(false);
        assertThat(op("~~", BPCHAR, TEXT).apply("abc  ", "abc  ")).isEqualTo(true);
        assertError(() -> eval("abc", TEXT, "~~", "ab\\", TEXT), "22025", "LIKE pattern must not end with escape character");
        assertThat(LikeMatcher.withEscape("a#%b", "#")).isEqualTo("a\\%b");
        assertThat(LikeMatcher.withEscape("a\\b", "")).isEqualTo("a\\\\b");
        assertThat(eval("a", TEXT, "<", "B", TEXT)).isEqualTo("f");
        assertThat(eval("ab ", BPCHAR, "=", "ab", BPCHAR)).isEqualTo("t");
    }

    @Test
    void dateTimeArithmetic() {
        assertThat(eval("2024-02-28", DATE, "+", "2", INT4)).isEqualTo("2024-03-01");
        assertThat(eval("2024-03-01", DATE, "-", "2024-01-01", DATE)).isEqualTo("60");
        assertThat(eval("2024-01-31", DATE, "+", "1 mon", INTERVAL)).isEqualTo("2024-02-29 00:00:00");
        assertThat(eval("2024-01-31 10:00", TIMESTAMP, "+", "1 mon 1 day 01:00", INTERVAL)).isEqualTo("2024-03-01 11:00:00");
        assertThat(eval("2024-03-01 12:00", TIMESTAMP, "-", "2024-01-01", TIMESTAMP)).isEqualTo("60 days 12:00:00");
        assertThat(eval("2024-01-01", TIMESTAMP, "-", "2024-03-01 12:00", TIMESTAMP)).isEqualTo("-60 days -12:00:00");
        assertThat(eval("23:00", TIME, "+", "2 hours", INTERVAL)).isEqualTo("01:00:00");
        assertThat(eval("infinity", DATE, "+", "1", INT4)).isEqualTo("infinity");
        assertThat(eval("2024-01-02", DATE, "<", "2024-01-02 00:00:01", TIMESTAMP)).isEqualTo("t");
        assertThat(eval("1 mon", INTERVAL, "=", "30 days", INTERVAL)).isEqualTo("t");
        assertThat(eval("1 day", INTERVAL, "*", "1.5", FLOAT8)).isEqualTo("1 day 12:00:00");
        assertThat(eval("1 mon", INTERVAL, "/", "4", FLOAT8)).isEqualTo("7 days 12:00:00");
        assertError(() -> eval("infinity", DATE, "-", "2024-01-01", DATE), "22008", "cannot subtract infinite dates");
        assertError(() -> eval("1 day", INTERVAL, "/", "0", FLOAT8), "22012", "division by zero");
    }

    @Test
    void timestamptzArithmeticFollowsTheSessionTimeZone() {
        io.tuskdb.types.FormatSettings paris = new io.tuskdb.types.FormatSettings("ISO", "MDY",
                java.time.ZoneId.of("Europe/Paris"), "postgres", 1, true);
        PgType tz = PgType.TIMESTAMPTZ;
        java.util.function.BiFunction<String, String, String> plus = (ts, iv) -> {
            BuiltinOperator o = (BuiltinOperator) op("+", tz, INTERVAL);
            Object result = o.body().apply(paris, io.tuskdb.types.TypeIO.fromText(tz, ts, paris),
                    io.tuskdb.types.TypeIO.fromText(INTERVAL, iv, paris));
            return io.tuskdb.types.TypeIO.toText(tz, result, paris);
        };
        assertThat(plus.apply("2024-03-30 12:00+01", "1 day")).isEqualTo("2024-03-31 12:00:00+02");
        assertThat(plus.apply("2024-03-30 12:00+01", "24 hours")).isEqualTo("2024-03-31 13:00:00+02");
        assertThat(plus.apply("2024-03-30 02:30", "1 day")).isEqualTo("2024-03-31 03:30:00+02");
        assertThat(plus.apply("2024-10-26 02:30", "1 day")).isEqualTo("2024-10-27 02:30:00+01");
        assertThat(plus.apply("2024-01-31 12:00", "1 mon")).isEqualTo("2024-02-29 12:00:00+01");
        assertThat(io.tuskdb.types.TypeIO.toText(tz, io.tuskdb.types.TypeIO.fromText(tz, "2024-10-27 02:30", paris), paris))
                .isEqualTo("2024-10-27 02:30:00+01");
    }

    @Test
    void everyOperatorHasConsistentTypes() {
        for (String symbol : new String[]{"+", "-", "*", "/", "%", "=", "<>", "<", ">", "<=", ">=", "||", "~~"}) {
            for (Operator o : Builtins.operators(symbol)) {
                assertThat(o.symbol()).isEqualTo(symbol);
                assertThat(o.rightType()).isNotNull();
                assertThat(o.resultType()).isNotNull();
            }
        }
        assertThat(PgType.values()).isNotEmpty();
    }
}
