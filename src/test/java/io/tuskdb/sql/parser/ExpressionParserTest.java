package io.tuskdb.sql.parser;

import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.TypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Precedence and associativity as gram.y's table, shown through the fully parenthesised formatter output. */
class ExpressionParserTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " ==> ", value = {
            "a OR b AND c ==> (a OR (b AND c))",
            "NOT a AND b ==> ((NOT a) AND b)",
            "NOT a = b ==> (NOT (a = b))",
            "a = b IS NULL ==> ((a = b) IS NULL)",
            "a IS NULL = b ==> ((a IS NULL) = b)",
            "a + b * c ^ d ==> (a + (b * (c ^ d)))",
            "a - b - c ==> ((a - b) - c)",
            "a ^ b ^ c ==> ((a ^ b) ^ c)",
            "- a ^ b ==> ((- a) ^ b)",
            "-a::int ==> (- CAST(a AS pg_catalog.int4))",
            "a || b = c ==> ((a || b) = c)",
            "~ a + b ==> (~ (a + b))",
            "a < b + c ==> (a < (b + c))",
            "a LIKE b || c ==> (a LIKE (b || c))",
            "a BETWEEN 1 AND 2 + 3 ==> (a BETWEEN (1) AND (2 + 3))",
            "a IN (1) IN (TRUE) ==> ((a IN (1)) IN (TRUE))",
            "a IS DISTINCT FROM b = c ==> (a IS DISTINCT FROM (b = c))",
            "a NOT LIKE b ESCAPE c ==> (a NOT LIKE b ESCAPE c)",
            "x AT TIME ZONE 'UTC' + y ==> (pg_catalog.timezone('UTC', x) + y)",
            "a::text COLLATE \"C\" ==> (CAST(a AS text) COLLATE \"C\")",
            "- 5 ==> (-5)",
            "-(5) ==> (-5)",
            "- -5 ==> 5",
            "-2147483648 ==> (- 2147483648)",
            "(a, b) OVERLAPS (c, d) AND e ==> (pg_catalog.overlaps(a, b, c, d) AND e)",
    })
    void precedence(String sql, String expected) {
        assertThat(AstFormatter.format(Parser.parseExpression(sql))).isEqualTo(expected);
    }

    @Test
    void literalsKeepTheirKind() {
        assertThat(Parser.parseExpression("2147483647")).isEqualTo(new Expr.IntegerLiteral(2147483647, 1));
        assertThat(Parser.parseExpression("2147483648")).isEqualTo(new Expr.IntegerLiteral(2147483648L, 1));
        assertThat(Parser.parseExpression("99999999999999999999"))
                .isEqualTo(new Expr.NumericLiteral("99999999999999999999", 1));
        assertThat(Parser.parseExpression("1.50")).isEqualTo(new Expr.NumericLiteral("1.50", 1));
        assertThat(Parser.parseExpression("'x'")).isEqualTo(new Expr.StringLiteral("x", 1));
        assertThat(Parser.parseExpression("E'a\\tb\\x41\\101\\u00e9'")).isEqualTo(new Expr.StringLiteral("a\tbAAé", 1));
        assertThat(Parser.parseExpression("'a'\n'b'")).isEqualTo(new Expr.StringLiteral("ab", 1));
        assertThat(Parser.parseExpression("'it''s'")).isEqualTo(new Expr.StringLiteral("it's", 1));
        assertThat(Parser.parseExpression("$tag$a$$b$tag$")).isEqualTo(new Expr.StringLiteral("a$$b", 1));
        assertThat(Parser.parseExpression("$3")).isEqualTo(new Expr.ParamRef(3, 1));
        assertThat(Parser.parseExpression("U&'d\\0061t\\+000061'")).isEqualTo(new Expr.StringLiteral("data", 1));
        assertThat(Parser.parseExpression("U&'d!0061t' UESCAPE '!'")).isEqualTo(new Expr.StringLiteral("dat", 1));
        assertThat(Parser.parseExpression("U&\"d\\0061t\"")).isEqualTo(new Expr.ColumnRef(List.of("dat"), false, 1));
        assertThat(Parser.parseExpression("NULL")).isEqualTo(new Expr.NullLiteral(1));
        assertThat(Parser.parseExpression("true")).isEqualTo(new Expr.BooleanLiteral(true, 1));
    }

    @Test
    void identifiersFoldToLowerCaseUnlessQuoted() {
        assertThat(Parser.parseExpression("Foo.\"Bar\"")).isEqualTo(new Expr.ColumnRef(List.of("foo", "Bar"), false, 1));
        assertThat(Parser.parseExpression("\"a\"\"b\"")).isEqualTo(new Expr.ColumnRef(List.of("a\"b"), false, 1));
    }

    @Test
    void notEqualsIsNormalised() {
        assertThat(Parser.parseExpression("a != b")).isInstanceOfSatisfying(Expr.BinaryOp.class,
                b -> assertThat(b.operator()).isEqualTo("<>"));
    }

    @Test
    void operatorLexingFollowsScanL() {
        // '=-' lexes as '=' and '-', '!=-' stays one operator, '@-' keeps its '-'
        assertThat(AstFormatter.format(Parser.parseExpression("a=-1"))).isEqualTo("(a = (-1))");
        assertThat(AstFormatter.format(Parser.parseExpression("a!=-1"))).isEqualTo("(a !=- 1)");
        assertThat(AstFormatter.format(Parser.parseExpression("a @- 1"))).isEqualTo("(a @- 1)");
        assertThat(AstFormatter.format(Parser.parseExpression("a<=b"))).isEqualTo("(a <= b)");
        assertThat(AstFormatter.format(Parser.parseExpression("1--2"))).isEqualTo("1");
        assertThat(AstFormatter.format(Parser.parseExpression("1+--c\n2"))).isEqualTo("(1 + 2)");
        assertThat(AstFormatter.format(Parser.parseExpression("1/*a /* nested */ b*/+2"))).isEqualTo("(1 + 2)");
        assertThat(AstFormatter.format(Parser.parseExpression("a->>'k'"))).isEqualTo("(a ->> 'k')");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "int | pg_catalog.int4", "integer | pg_catalog.int4", "smallint | pg_catalog.int2",
            "bigint | pg_catalog.int8", "real | pg_catalog.float4", "float(24) | pg_catalog.float4",
            "float(25) | pg_catalog.float8", "float | pg_catalog.float8", "double precision | pg_catalog.float8",
            "decimal(10,2) | pg_catalog.numeric(10, 2)", "dec | pg_catalog.numeric", "numeric | pg_catalog.numeric",
            "boolean | pg_catalog.bool", "char | pg_catalog.bpchar(1)", "character(5) | pg_catalog.bpchar(5)",
            "varchar | pg_catalog.varchar", "character varying(3) | pg_catalog.varchar(3)",
            "timestamp | pg_catalog.timestamp", "timestamp without time zone | pg_catalog.timestamp",
            "timestamp(3) with time zone | pg_catalog.timestamptz(3)", "time with time zone | pg_catalog.timetz",
            "interval | INTERVAL", "interval year to month | INTERVAL YEAR TO MONTH",
            "text | text", "int4[] | int4[]", "integer[][] | pg_catalog.int4[][]", "int array | pg_catalog.int4[]",
            "s.mytype | s.mytype", "bit | pg_catalog.bit(1)", "bit varying | pg_catalog.varbit",
    })
    void typeNamesAreMappedAsGramY(String written, String formatted) {
        TypeName t = Parser.parseTypeName(written);
        assertThat(AstFormatter.format(t)).isEqualTo(formatted);
    }

    @Test
    void typedLiteralPositionIsTheString() {
        Expr e = Parser.parseExpression("date '2020-01-01'");
        assertThat(e).isInstanceOfSatisfying(Expr.TypedLiteral.class, t -> {
            assertThat(t.position()).isEqualTo(6);
            assertThat(t.type().names()).containsExactly("date");
            assertThat(t.value()).isEqualTo("2020-01-01");
        });
    }

    @Test
    void keywordsThatPostgresAllowsAsColumnNames() {
        for (String name : List.of("name", "text", "type", "value", "key", "date", "time", "timestamp", "interval",
                "position", "data", "year", "int", "coalesce", "filter")) {
            assertThat(Parser.parseExpression(name)).isEqualTo(new Expr.ColumnRef(List.of(name), false, 1));
        }
    }
}
