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
import java.util.Map;
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

    private static final Map<Class<?>, PgType> TYPES = Map.ofEntries(
            Map.entry(Boolean.class, PgType.BOOL), Map.entry(Short.class, PgType.INT2),
            Map.entry(Integer.class, PgType.INT4), Map.entry(Long.class, PgType.INT8),
            Map.entry(Float.class, PgType.FLOAT4), Map.entry(Double.class, PgType.FLOAT8),
            Map.entry(BigDecimal.class, PgType.NUMERIC), Map.entry(NumericSpecial.class, PgType.NUMERIC),
            Map.entry(String.class, PgType.TEXT), Map.entry(byte[].class, PgType.BYTEA),
            Map.entry(LocalDate.class, PgType.DATE), Map.entry(LocalTime.class, PgType.TIME),
            Map.entry(LocalDateTime.class, PgType.TIMESTAMP), Map.entry(Instant.class, PgType.TIMESTAMPTZ),
            Map.entry(Interval.class, PgType.INTERVAL), Map.entry(UUID.class, PgType.UUID));

    static PgType typeOf(Object v) {
        return TYPES.getOrDefault(v.getClass(), PgType.TEXT);
    }

    static String of(Object v, FormatSettings settings) {
        if (v instanceof String s) {
            return s;
        }
        return TypeIO.toText(typeOf(v), v, settings);
    }
}
