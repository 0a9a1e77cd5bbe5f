package io.tuskdb.sql.analyzer;

import io.tuskdb.error.PgException;
import io.tuskdb.sql.functions.Operator;
import io.tuskdb.types.PgType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PostgreSQL's operator, function and common-type resolution over the built-in library. */
class TypeResolverTest {

    @Test
    void exactMatchWins() {
        Operator op = TypeResolver.resolveOperator("+", PgType.INT4, PgType.INT4, 1);
        assertThat(op.leftType()).isEqualTo(PgType.INT4);
        assertThat(op.resultType()).isEqualTo(PgType.INT4);
    }

    @Test
    void unknownLiteralTakesTheOtherOperandsType() {
        Operator op = TypeResolver.resolveOperator("=", PgType.INT8, PgType.UNKNOWN, 1);
        assertThat(op.leftType()).isEqualTo(PgType.INT8);
        assertThat(op.rightType()).isEqualTo(PgType.INT8);
    }

    @Test
    void twoUnknownsPreferTheStringCategory() {
        Operator op = TypeResolver.resolveOperator("=", PgType.UNKNOWN, PgType.UNKNOWN, 1);
        assertThat(op.leftType()).isEqualTo(PgType.TEXT);
    }

    @Test
    void mixedNumericsPromoteThroughImplicitCasts() {
        Operator op = TypeResolver.resolveOperator("+", PgType.INT4, PgType.NUMERIC, 1);
        assertThat(op.resultType()).isEqualTo(PgType.NUMERIC);
        Operator f = TypeResolver.resolveOperator("*", PgType.FLOAT4, PgType.INT4, 1);
        assertThat(f.resultType()).isIn(PgType.FLOAT4, PgType.FLOAT8);
    }

    @Test
    void noOperatorGivesPostgresError() {
        assertThatThrownBy(() -> TypeResolver.resolveOperator("=", PgType.INT4, PgType.TEXT, 12))
                .isInstanceOfSatisfying(PgException.class, e -> {
                    assertThat(e.sqlState().code()).isEqualTo("42883");
                    assertThat(e.getMessage()).isEqualTo("operator does not exist: integer = text");
                    assertThat(e.hint()).isEqualTo(
                            "No operator matches the given name and argument types. You might need to add explicit type casts.");
                    assertThat(e.position()).isEqualTo(12);
                });
    }

    @Test
    void functionsResolveAndReportMissingSignatures() {
        assertThat(TypeResolver.resolveFunction("upper", List.of(PgType.UNKNOWN), 1).returnType()).isEqualTo(PgType.TEXT);
        assertThat(TypeResolver.resolveFunction("length", List.of(PgType.VARCHAR), 1).returnType()).isEqualTo(PgType.INT4);
        assertThatThrownBy(() -> TypeResolver.resolveFunction("lower", List.of(PgType.INT4), 8))
                .isInstanceOf(PgException.class).hasMessage("function lower(integer) does not exist");
    }

    @Test
    void aggregatesResolveByArgumentType() {
        assertThat(TypeResolver.resolveAggregate("sum", List.of(PgType.INT4), 1).returnType()).isEqualTo(PgType.INT8);
        assertThat(TypeResolver.resolveAggregate("avg", List.of(PgType.INT4), 1).returnType()).isEqualTo(PgType.NUMERIC);
        assertThat(TypeResolver.resolveAggregate("count", List.of(), 1).returnType()).isEqualTo(PgType.INT8);
        assertThat(TypeResolver.resolveAggregate("nosuch", List.of(), 1)).isNull();
    }

    @Test
    void commonTypeFollowsSelectCommonType() {
        assertThat(TypeResolver.commonType(List.of(PgType.UNKNOWN, PgType.UNKNOWN), "UNION", 0)).isEqualTo(PgType.TEXT);
        assertThat(TypeResolver.commonType(List.of(PgType.INT4, PgType.NUMERIC), "UNION", 0)).isEqualTo(PgType.NUMERIC);
        assertThat(TypeResolver.commonType(List.of(PgType.INT4, PgType.INT8, PgType.UNKNOWN), "CASE", 0))
                .isEqualTo(PgType.INT8);
        assertThat(TypeResolver.commonType(List.of(PgType.VARCHAR, PgType.TEXT), "COALESCE", 0)).isEqualTo(PgType.VARCHAR);
        assertThat(TypeResolver.commonType(List.of(PgType.INT2, PgType.INT4), "COALESCE", 0)).isEqualTo(PgType.INT4);
        assertThatThrownBy(() -> TypeResolver.commonType(List.of(PgType.INT4, PgType.TEXT), "UNION", 0))
                .isInstanceOf(PgException.class).hasMessage("UNION types integer and text cannot be matched");
    }
}
