package io.tuskdb.types;

import io.tuskdb.error.PgException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.UUID;

import static io.tuskdb.types.PgErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected strings were produced by PostgreSQL 15.15. */
class TypeIOTest {
    private static final FormatSettings DEF = FormatSettings.DEFAULT;

    private static FormatSettings efd(int digits) {
        return new FormatSettings("ISO", "MDY", ZoneId.of("UTC"), "postgres", digits, true);
    }

    private static String f8(String in, int efd) {
        return TypeIO.toText(PgType.FLOAT8, TypeIO.fromText(PgType.FLOAT8, in, DEF), efd(efd));
    }

    private static String f4(String in, int efd) {
        return TypeIO.toText(PgType.FLOAT4, TypeIO.fromText(PgType.FLOAT4, in, DEF), efd(efd));
    }


    @Test
    void float8ShortestOutput() {
        assertThat(f8("1e100", 1)).isEqualTo("1e+100");
        assertThat(f8("0.1", 1)).isEqualTo("0.1");
        assertThat(f8("1.2345678e-05", 1)).isEqualTo("1.2345678e-05");
        assertThat(f8("100000", 1)).isEqualTo("100000");
        assertThat(f8("1e16", 1)).isEqualTo("1e+16");
        assertThat(f8("1e15", 1)).isEqualTo("1e+15");
        assertThat(f8("123456789012345", 1)).isEqualTo("123456789012345");
        assertThat(f8("123456789012345678", 1)).isEqualTo("1.2345678901234568e+17");
        assertThat(f8("0.0001", 1)).isEqualTo("0.0001");
        assertThat(f8("0.00001", 1)).isEqualTo("1e-05");
        assertThat(f8("-0", 1)).isEqualTo("-0");
        assertThat(f8("5e-324", 1)).isEqualTo("5e-324");
        assertThat(f8("1e-320", 1)).isEqualTo("1e-320");
        assertThat(f8("3.141592653589793", 3)).isEqualTo("3.141592653589793");
        assertThat(f8("nan", 1)).isEqualTo("NaN");
        assertThat(f8("-INF", 1)).isEqualTo("-Infinity");
        assertThat(f8(" 1.5 ", 1)).isEqualTo("1.5");
        // Ryu never picks a decimal on the rounding boundary, where Java's Double.toString may
        assertThat(f8("-54212858077878334", 1)).isEqualTo("-5.4212858077878336e+16");
        assertThat(f8("36978150706879101", 1)).isEqualTo("3.6978150706879104e+16");
        assertThat(f4("998109577.20549512", 1)).isEqualTo("9.9810957e+08");
    }

    @Test
    void float8PrintfOutput() {
        assertThat(f8("123456789012345678", 0)).isEqualTo("1.23456789012346e+17");
        assertThat(f8("3.141592653589793", 0)).isEqualTo("3.14159265358979");
        assertThat(f8("5e-324", 0)).isEqualTo("4.94065645841247e-324");
        assertThat(f8("1e-320", 0)).isEqualTo("9.99988867182683e-321");
        assertThat(f8("1e15", 0)).isEqualTo("1e+15");
        assertThat(f8("100000", 0)).isEqualTo("100000");
        assertThat(f8("0.1", 0)).isEqualTo("0.1");
    }

    /** The largest finite values have no finite neighbour above; PostgreSQL prints them like any other. */
    @Test
    void extremeFloatsOutput() {
        assertThat(f8("1.7976931348623157e308", 1)).isEqualTo("1.7976931348623157e+308");
        assertThat(f8("-1.7976931348623157e308", 1)).isEqualTo("-1.7976931348623157e+308");
        assertThat(f8("1.7e308", 1)).isEqualTo("1.7e+308");
        assertThat(f8("1e308", 1)).isEqualTo("1e+308");
        assertThat(f8("4.9e-324", 1)).isEqualTo("5e-324");
        assertThat(f8("2.2250738585072014e-308", 1)).isEqualTo("2.2250738585072014e-308");
        assertThat(f8("1.7976931348623157e308", 0)).isEqualTo("1.79769313486232e+308");
        assertThat(f4("3.4028235e38", 1)).isEqualTo("3.4028235e+38");
        assertThat(f4("-3.4028235e38", 1)).isEqualTo("-3.4028235e+38");
        assertThat(f4("3.4028235e38", 0)).isEqualTo("3.40282e+38");
        assertThat(f4("1.4e-45", 1)).isEqualTo("1e-45");
    }

    /** strtod's C99 hexadecimal form, as PostgreSQL accepts it. */
    @Test
    void hexFloatInput() {
        assertThat(f8("0x10", 1)).isEqualTo("16");
        assertThat(f8("0x1.8p1", 1)).isEqualTo("3");
        assertThat(f8("-0X1P-2", 1)).isEqualTo("-0.25");
        assertThat(f4(" 0x10 ", 1)).isEqualTo("16");
        assertThat(f8("0x.8", 1)).isEqualTo("0.5");
        assertThat(f8("0x1.", 1)).isEqualTo("1");
        assertThat(f8("0x1p-1074", 1)).isEqualTo("5e-324");
        assertThat(f4("0xffffffffp0", 1)).isEqualTo("4.2949673e+09");
        assertError(() -> TypeIO.fromText(PgType.FLOAT8, "0x1p1024", DEF), "22003",
                "\"0x1p1024\" is out of range for type double precision");
        assertError(() -> TypeIO.fromText(PgType.FLOAT8, "0x1p-1080", DEF), "22003",
                "\"0x1p-1080\" is out of range for type double precision");
        assertError(() -> TypeIO.fromText(PgType.FLOAT8, "0x", DEF), "22P02",
                "invalid input syntax for type double precision: \"0x\"");
        assertError(() -> TypeIO.fromText(PgType.FLOAT8, "0x1p", DEF), "22P02",
                "invalid input syntax for type double precision: \"0x1p\"");
    }

    @Test
    void float4Output() {
        assertThat(f4("1.5", 1)).isEqualTo("1.5");
        assertThat(f4("1e-5", 1)).isEqualTo("1e-05");
        assertThat(f4("1e6", 1)).isEqualTo("1e+06");
        assertThat(f4("12345678", 1)).isEqualTo("1.2345678e+07");
        assertThat(f4("1234567.5", 1)).isEqualTo("1.2345675e+06");
        assertThat(f4("3.4e38", 1)).isEqualTo("3.4e+38");
        assertThat(f4("1e-45", 1)).isEqualTo("1e-45");
        assertThat(f4("12345678", 0)).isEqualTo("1.23457e+07");
        assertThat(f4("3.14159265", 0)).isEqualTo("3.14159");
        assertThat(f4("3.14159265", 3)).isEqualTo("3.1415927");
        assertThat(f4("infinity", 1)).isEqualTo("Infinity");
    }

    @Test
    void floatInputErrors() {
        assertError(() -> TypeIO.fromText(PgType.FLOAT8, "1e400", DEF), "22003",
                "\"1e400\" is out of range for type double precision");
        assertError(() -> TypeIO.fromText(PgType.FLOAT8, "1e-400", DEF), "22003",
                "\"1e-400\" is out of range for type double precision");
        assertError(() -> TypeIO.fromText(PgType.FLOAT4, "1e39", DEF), "22003",
                "\"1e39\" is out of range for type real");
        assertError(() -> TypeIO.fromText(PgType.FLOAT8, "abc", DEF), "22P02",
                "invalid input syntax for type double precision: \"abc\"");
    }

    @Test
    void integersAndBool() {
        assertThat(TypeIO.fromText(PgType.INT4, " 12 ", DEF)).isEqualTo(12);
        assertThat(TypeIO.fromText(PgType.INT2, "+12", DEF)).isEqualTo((short) 12);
        assertThat(TypeIO.fromText(PgType.INT8, "-9223372036854775808", DEF)).isEqualTo(Long.MIN_VALUE);
        assertError(() -> TypeIO.fromText(PgType.INT4, "99999999999", DEF), "22003",
                "value \"99999999999\" is out of range for type integer");
        assertError(() -> TypeIO.fromText(PgType.INT2, "40000", DEF), "22003",
                "value \"40000\" is out of range for type smallint");
        assertError(() -> TypeIO.fromText(PgType.INT4, "1.0", DEF), "22P02",
                "invalid input syntax for type integer: \"1.0\"");
        assertError(() -> TypeIO.fromText(PgType.INT4, "", DEF), "22P02",
                "invalid input syntax for type integer: \"\"");
        assertThat(TypeIO.fromText(PgType.OID, "-1", DEF)).isEqualTo(-1);
        assertThat(TypeIO.toText(PgType.OID, -1, DEF)).isEqualTo("4294967295");
        assertError(() -> TypeIO.fromText(PgType.OID, "4294967296", DEF), "22003",
                "value \"4294967296\" is out of range for type oid");
        assertThat(TypeIO.fromText(PgType.BOOL, "yes", DEF)).isEqualTo(true);
        assertThat(TypeIO.fromText(PgType.BOOL, "of", DEF)).isEqualTo(false);
        assertThat(TypeIO.fromText(PgType.BOOL, " tr ", DEF)).isEqualTo(true);
        assertError(() -> TypeIO.fromText(PgType.BOOL, "o", DEF), "22P02",
                "invalid input syntax for type boolean: \"o\"");
        assertError(() -> TypeIO.fromText(PgType.BOOL, "t r", DEF), "22P02",
                "invalid input syntax for type boolean: \"t r\"");
        assertThat(TypeIO.toText(PgType.BOOL, true, DEF)).isEqualTo("t");
    }

    @Test
    void numericText() {
        assertThat(TypeIO.toText(PgType.NUMERIC, TypeIO.fromText(PgType.NUMERIC, "1e5", DEF), DEF)).isEqualTo("100000");
        assertThat(TypeIO.toText(PgType.NUMERIC, TypeIO.fromText(PgType.NUMERIC, " 1.50 ", DEF), DEF)).isEqualTo("1.50");
        assertThat(TypeIO.toText(PgType.NUMERIC, TypeIO.fromText(PgType.NUMERIC, "-0.000", DEF), DEF)).isEqualTo("0.000");
        assertThat(TypeIO.fromText(PgType.NUMERIC, "nan", DEF)).isEqualTo(NumericSpecial.NAN);
        assertThat(TypeIO.toText(PgType.NUMERIC, TypeIO.fromText(PgType.NUMERIC, "-inf", DEF), DEF)).isEqualTo("-Infinity");
        assertError(() -> TypeIO.fromText(PgType.NUMERIC, "abc", DEF), "22P02",
                "invalid input syntax for type numeric: \"abc\"");
    }

    @Test
    void numericBinaryMatchesNumericSend() {
        String[][] cases = {
                {"123.45", "0002000000000002007b1194"},
                {"0.0001", "0001ffff000000040001"},
                {"-10000.5", "0003000140000001000100001388"},
                {"0.000", "0000000000000003"},
                {"NaN", "00000000c0000000"},
                {"1e20", "00010005000000000001"},
                {"12345678.9", "000300010000000104d2162e2328"},
                {"Infinity", "00000000d0000020"},
                {"-Infinity", "00000000f0000020"},
        };
        for (String[] c : cases) {
            Object v = TypeIO.fromText(PgType.NUMERIC, c[0], DEF);
            byte[] bin = TypeIO.toBinary(PgType.NUMERIC, v);
            assertThat(HexFormat.of().formatHex(bin)).as(c[0]).isEqualTo(c[1]);
            assertThat(TypeIO.fromBinary(PgType.NUMERIC, bin)).as(c[0]).isEqualTo(v);
        }
    }

    @Test
    void fixedBinaryForms() {
        assertThat(HexFormat.of().formatHex(TypeIO.toBinary(PgType.DATE, LocalDate.of(2024, 1, 2)))).isEqualTo("0000223f");
        assertThat(HexFormat.of().formatHex(TypeIO.toBinary(PgType.DATE, LocalDate.MAX))).isEqualTo("7fffffff");
        assertThat(HexFormat.of().formatHex(TypeIO.toBinary(PgType.TIMESTAMP,
                LocalDateTime.of(2024, 1, 2, 3, 4, 5, 500_000_000)))).isEqualTo("0002b0ec851d9460");
        assertThat(HexFormat.of().formatHex(TypeIO.toBinary(PgType.INTERVAL, new Interval(1, 2, 1_000_000))))
                .isEqualTo("00000000000f42400000000200000001");
        assertThat(HexFormat.of().formatHex(TypeIO.toBinary(PgType.FLOAT4, 1.5f))).isEqualTo("3fc00000");
        assertThat(HexFormat.of().formatHex(TypeIO.toBinary(PgType.FLOAT8, 0.1))).isEqualTo("3fb999999999999a");
        assertThat(TypeIO.fromBinary(PgType.TIMESTAMPTZ, TypeIO.toBinary(PgType.TIMESTAMPTZ, Instant.MIN)))
                .isEqualTo(Instant.MIN);
        assertThat(TypeIO.fromBinary(PgType.TIMESTAMP, HexFormat.of().parseHex("0002b0ec851d9460")))
                .isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 500_000_000));
        UUID u = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(TypeIO.fromBinary(PgType.UUID, TypeIO.toBinary(PgType.UUID, u))).isEqualTo(u);
        assertError(() -> TypeIO.fromBinary(PgType.INT4, new byte[2]), "08P01", "insufficient data left in message");
        assertThat(TypeIO.fromBinary(PgType.DATE, HexFormat.of().parseHex("7fda970c"))).isEqualTo(LocalDate.of(5874897, 12, 31));
        assertError(() -> TypeIO.fromBinary(PgType.DATE, HexFormat.of().parseHex("7fda970d")), "22008", "date out of range");
        assertThat(TypeIO.toText(PgType.TIMESTAMP, TypeIO.fromBinary(PgType.TIMESTAMP, HexFormat.of().parseHex("fd0f7cc1411fa000")), DEF))
                .isEqualTo("4714-11-24 00:00:00 BC");
        assertError(() -> TypeIO.fromBinary(PgType.TIMESTAMP, HexFormat.of().parseHex("7fffff5bb3b2a000")), "22008",
                "timestamp out of range");
        assertError(() -> TypeIO.fromBinary(PgType.INT4, new byte[5]), "22P03", "incorrect binary data format");
        assertError(() -> TypeIO.fromBinary(PgType.TEXT, new byte[]{(byte) 0xc3, 0x28}), "22021",
                "invalid byte sequence for encoding \"UTF8\": 0xc3 0x28");
    }

    @Test
    void byteaAndUuid() {
        byte[] b = (byte[]) TypeIO.fromText(PgType.BYTEA, "\\x0001ff5c41", DEF);
        assertThat(TypeIO.toText(PgType.BYTEA, b, DEF)).isEqualTo("\\x0001ff5c41");
        FormatSettings escape = new FormatSettings("ISO", "MDY", ZoneId.of("UTC"), "postgres", 1, false);
        assertThat(TypeIO.toText(PgType.BYTEA, b, escape)).isEqualTo("\\000\\001\\377\\\\A");
        assertThat(TypeIO.toText(PgType.BYTEA, TypeIO.fromText(PgType.BYTEA, "a\\\\b\\001", DEF), escape))
                .isEqualTo("a\\\\b\\001");
        assertError(() -> TypeIO.fromText(PgType.BYTEA, "\\xzz", DEF), "22P02", "invalid hexadecimal digit: \"z\"");
        assertError(() -> TypeIO.fromText(PgType.BYTEA, "\\x123", DEF), "22P02",
                "invalid hexadecimal data: odd number of digits");
        assertError(() -> TypeIO.fromText(PgType.BYTEA, "a\\9", DEF), "22P02", "invalid input syntax for type bytea");
        for (String in : new String[]{"{A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11}", "a0eebc999c0b4ef8bb6d6bb9bd380a11",
                "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11"}) {
            assertThat(TypeIO.toText(PgType.UUID, TypeIO.fromText(PgType.UUID, in, DEF), DEF))
                    .isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        }
        assertError(() -> TypeIO.fromText(PgType.UUID, "a0eebc99", DEF), "22P02",
                "invalid input syntax for type uuid: \"a0eebc99\"");
        assertThat(TypeIO.fromText(PgType.NAME, "x".repeat(70), DEF)).isEqualTo("x".repeat(63));
    }
}
