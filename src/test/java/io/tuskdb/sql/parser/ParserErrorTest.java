package io.tuskdb.sql.parser;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Error messages, SQLSTATEs and positions, each checked against PostgreSQL 15 (psql, VERBOSITY verbose). */
class ParserErrorTest {

    static Stream<Arguments> syntaxErrors() {
        return Stream.of(
                arguments("select a = b = c", "syntax error at or near \"=\"", 14),
                arguments("select 'abc", "unterminated quoted string at or near \"'abc\"", 8),
                arguments("select /* x", "unterminated /* comment at or near \"/* x\"", 8),
                arguments("select 123abc", "trailing junk after numeric literal at or near \"123abc\"", 8),
                arguments("select 1e+", "trailing junk after numeric literal at or near \"1e+\"", 8),
                arguments("select $1abc", "trailing junk after parameter at or near \"$1abc\"", 8),
                arguments("select \"\"", "zero-length delimited identifier at or near \"\"\"\"", 8),
                arguments("select \"abc", "unterminated quoted identifier at or near \"\"abc\"", 8),
                arguments("select 1 from", "syntax error at end of input", 14),
                arguments("select 1 +", "syntax error at end of input", 11),
                arguments("select left from t", "syntax error at or near \"from\"", 13),
                arguments("select 1 between 0 and 2 between 0 and 1", "syntax error at or near \"between\"", 26),
                arguments("select a like b like c", "syntax error at or near \"like\"", 17),
                arguments("select 1 is distinct from 2 is distinct from 3", "syntax error at or near \"is\"", 29),
                arguments("select 1..2", "syntax error at or near \"..\"", 9),
                arguments("select * from (select 1)", "subquery in FROM must have an alias", 15),
                arguments("select limit from t", "syntax error at or near \"from\"", 14),
                arguments("select 1 x, 2 from from t", "syntax error at or near \"from\"", 20),
                arguments("select 1 limit 1, 2", "LIMIT #,# syntax is not supported", 10),
                arguments("create table t (a int default default)", "syntax error at or near \"default\"", 31),
                arguments("selec 1", "syntax error at or near \"selec\"", 1),
                arguments("DROP v12_t", "syntax error at or near \"v12_t\"", 6),
                arguments("select (1", "syntax error at end of input", 10),
                arguments("select * from a.b.c.d", "improper qualified name (too many dotted names): a.b.c.d", 15),
                arguments("select 'x' 'y'", "syntax error at or near \"'y'\"", 12),
                arguments("select 1 order by 1 nulls", "syntax error at or near \"nulls\"", 21),
                arguments("insert into t values (1) returning", "syntax error at end of input", 35),
                arguments("select count(*) filter from t", "syntax error at or near \"from\"", 24),
                arguments("create table t (a)", "syntax error at end of input", 19),
                arguments("begin read", "syntax error at end of input", 11),
                arguments("values (1), (1, 2)", "VALUES lists must all be the same length", 14),
                arguments("select distinct on (a) from t", "syntax error at or near \"from\"", 24),
                arguments("select U&'\\006'", "invalid Unicode escape", 11),
                arguments("select U&'x' uescape 'a'", "invalid Unicode escape character at or near \"'a'\"", 22),
                arguments("select U&'x' UESCAPE", "UESCAPE must be followed by a simple string literal at end of input", 21),
                arguments("SELECT * FROM rank() OVER (ORDER BY random())", "syntax error at or near \"ORDER\"", 28),
                arguments("select percentile_cont(p order by p) within group (order by x) from t",
                        "cannot use multiple ORDER BY clauses with WITHIN GROUP", 38),
                arguments("create table t (from int)", "syntax error at or near \"from\"", 17),
                arguments("create table user (a int)", "syntax error at or near \"user\"", 14),
                arguments("select left.a from t as left", "syntax error at or near \".\"", 12),
                arguments("select * from t as select", "syntax error at or near \"select\"", 20),
                arguments("CREATE TABLE foo (id3 INTEGER NOT NUL)", "syntax error at or near \"NUL\"", 35),
                arguments("SELECT 1; SELECT 2 +", "syntax error at end of input", 21),
                arguments("SELECT 1; SELEC 2", "syntax error at or near \"SELEC\"", 11));
    }

    @ParameterizedTest
    @MethodSource("syntaxErrors")
    void reportsLikePostgres(String sql, String message, int position) {
        assertThatThrownBy(() -> Parser.parse(sql))
                .isInstanceOfSatisfying(PgException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR);
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.position()).isEqualTo(position);
                });
    }

    static Stream<Arguments> otherErrors() {
        return Stream.of(
                arguments("select float(0)", SqlState.INVALID_PARAMETER_VALUE,
                        "precision for type float must be at least 1 bit", 14),
                arguments("select cast(1 as float(60))", SqlState.INVALID_PARAMETER_VALUE,
                        "precision for type float must be less than 54 bits", 24),
                arguments("select e'\\u12'", SqlState.INVALID_ESCAPE_SEQUENCE, "invalid Unicode escape", 10),
                arguments("select e'\\000'", SqlState.CHARACTER_NOT_IN_REPERTOIRE,
                        "invalid byte sequence for encoding \"UTF8\": 0x00", 0),
                arguments("grant select on t to bob", SqlState.FEATURE_NOT_SUPPORTED, "GRANT is not supported", 1),
                arguments("create table x (a int) with (foo=1)", SqlState.INVALID_PARAMETER_VALUE,
                        "unrecognized parameter \"foo\"", 0),
                arguments("SELECT * FROM f(5) AS (a int, b numeric)", SqlState.FEATURE_NOT_SUPPORTED,
                        "column definition lists is not supported", 23),
                arguments("select b'101'", SqlState.FEATURE_NOT_SUPPORTED, "bit string constants is not supported", 8));
    }

    @ParameterizedTest
    @MethodSource("otherErrors")
    void otherErrorsCarryTheirSqlState(String sql, SqlState state, String message, int position) {
        assertThatThrownBy(() -> Parser.parse(sql))
                .isInstanceOfSatisfying(PgException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(state);
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.position()).isEqualTo(position);
                });
    }

    @org.junit.jupiter.api.Test
    void deepNestingIsStackDepthErrorNotAJavaError() {
        String sql = "SELECT " + "(".repeat(200_000) + "1" + ")".repeat(200_000);
        assertThatThrownBy(() -> Parser.parse(sql)).isInstanceOfSatisfying(PgException.class,
                e -> assertThat(e.sqlState()).isEqualTo(SqlState.STATEMENT_TOO_COMPLEX));
    }
}
