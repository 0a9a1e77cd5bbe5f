package io.tuskdb.sql.functions;

import io.tuskdb.sql.ExecutionContext;
import io.tuskdb.types.FormatSettings;
import io.tuskdb.types.Interval;
import io.tuskdb.types.NumericSpecial;
import io.tuskdb.types.PgType;
import io.tuskdb.types.TypeIO;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

/**
 * The output-function text of a value passed to a {@code "any"} argument (concat, concat_ws, format): the type is
 * recovered from the Java representation fixed by {@link PgType}. An int4 and an oid share {@link Integer}; such a
 * value prints as int4.
 */
final class AnyText {
    private AnyText() {
    }

    static FormatSettings settings(ExecutionContext context) {
        return context == null ? FormatSettings.DEFAULT : context.formatSettings();
    }

    static PgType typeOf(Object v) {
        return switch (v) {
            case Boolean b -> PgType.BOOL;
            case Short s -> PgType.INT2;
            case Integer i -> PgType.INT4;
            case Long l -> PgType.INT8;
            case Float f -> PgType.FLOAT4;
            case Double d -> PgType.FLOAT8;
            case BigDecimal d -> PgType.NUMERIC;
            case NumericSpecial n -> PgType.NUMERIC;
            case String s -> PgType.TEXT;
            case byte[] b -> PgType.BYTEA;
            case LocalDate d -> PgType.DATE;
            case LocalTime t -> PgType.TIME;
            case LocalDateTime t -> PgType.TIMESTAMP;
            case Instant t -> PgType.TIMESTAMPTZ;
            case Interval i -> PgType.INTERVAL;
            case UUID u -> PgType.UUID;
            default -> PgType.TEXT;
        };
    }

    static String of(Object v, FormatSettings settings) {
        if (v instanceof String s) {
            return s;
        }
        return TypeIO.toText(typeOf(v), v, settings);
    }
}
