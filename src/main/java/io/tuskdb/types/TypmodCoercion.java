package io.tuskdb.types;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Length coercion to a type modifier: varchar.c {@code varchar()}/{@code bpchar()}, numeric.c
 * {@code apply_typmod}/{@code apply_typmod_special}, timestamp.c {@code AdjustTimestampForTypmod} and date.c
 * {@code AdjustTimeForTypmod}.
 */
final class TypmodCoercion {
    private TypmodCoercion() {
    }

    private static final long[] SCALES = {1_000_000L, 100_000L, 10_000L, 1_000L, 100L, 10L, 1L};

    static Object apply(PgType type, Object value, int typmod, boolean explicit) {
        if (typmod < 0 || value == null) {
            return value;
        }
        return switch (type) {
            case VARCHAR -> varchar((String) value, typmod - 4, explicit);
            case BPCHAR -> bpchar((String) value, typmod - 4, explicit);
            case NUMERIC -> numeric(value, typmod);
            case TIMESTAMP -> timestamp((LocalDateTime) value, typmod);
            case TIMESTAMPTZ -> timestamptz((Instant) value, typmod);
            case TIME -> time((LocalTime) value, typmod);
            case INTERVAL -> interval((Interval) value, typmod);
            default -> value;
        };
    }

    private static String varchar(String s, int max, boolean explicit) {
        int len = s.codePointCount(0, s.length());
        if (len <= max) {
            return s;
        }
        int cut = s.offsetByCodePoints(0, max);
        if (!explicit && !allSpaces(s, cut)) {
            throw new PgException(SqlState.STRING_DATA_RIGHT_TRUNCATION,
                    "value too long for type character varying(" + max + ")");
        }
        return s.substring(0, cut);
    }

    private static String bpchar(String s, int max, boolean explicit) {
        int len = s.codePointCount(0, s.length());
        if (len > max) {
            int cut = s.offsetByCodePoints(0, max);
            if (!explicit && !allSpaces(s, cut)) {
                throw new PgException(SqlState.STRING_DATA_RIGHT_TRUNCATION,
                        "value too long for type character(" + max + ")");
            }
            return s.substring(0, cut);
        }
        if (len == max) {
            return s;
        }
        return s + " ".repeat(max - len);
    }

    private static boolean allSpaces(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    static int numericPrecision(int typmod) {
        return ((typmod - 4) >> 16) & 0xFFFF;
    }

    /** The scale is an 11-bit signed field since PostgreSQL 15 (negative scales are allowed). */
    static int numericScale(int typmod) {
        return (((typmod - 4) & 0x7FF) ^ 1024) - 1024;
    }

    static Object numeric(Object value, int typmod) {
        int precision = numericPrecision(typmod);
        int scale = numericScale(typmod);
        if (value instanceof NumericSpecial special) {
            if (special == NumericSpecial.NAN) {
                return value;
            }
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow").withDetail(
                    "A field with precision " + precision + ", scale " + scale + " cannot hold an infinite value.");
        }
        BigDecimal d = ((BigDecimal) value).setScale(scale, RoundingMode.HALF_UP);
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        int maxDigits = precision - scale;
        // digits before the decimal point must be fewer than maxDigits
        if (d.signum() != 0) {
            int integerDigits = d.precision() - d.scale();
            if (integerDigits > maxDigits) {
                throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow").withDetail(
                        "A field with precision " + precision + ", scale " + scale
                                + " must round to an absolute value less than "
                                + (maxDigits != 0 ? "10^" + maxDigits : "1") + ".");
            }
        }
        return d;
    }

    private static long round(long micros, int precision) {
        if (precision >= 6 || precision < 0) {
            return micros;
        }
        long scale = SCALES[precision];
        long offset = scale / 2;
        if (micros >= 0) {
            return ((micros + offset) / scale) * scale;
        }
        return -((((-micros) + offset) / scale) * scale);
    }

    /** datetime.h field bits used by interval typmods (INTERVAL_MASK). */
    static final int MONTH = 1 << 1;
    static final int YEAR = 1 << 2;
    static final int DAY = 1 << 3;
    static final int HOUR = 1 << 10;
    static final int MINUTE = 1 << 11;
    static final int SECOND = 1 << 12;
    static final int FULL_RANGE = 0x7FFF;
    static final int FULL_PRECISION = 0xFFFF;

    /** AdjustIntervalForTypmod: drop the fields below the declared range, then round seconds to the precision. */
    private static Interval interval(Interval iv, int typmod) {
        int range = (typmod >> 16) & 0x7FFF;
        int precision = typmod & 0xFFFF;
        int months = iv.months();
        int days = iv.days();
        long time = iv.micros();
        if (range == YEAR) {
            months = (months / 12) * 12;
            days = 0;
            time = 0;
        } else if (range == MONTH || range == (YEAR | MONTH)) {
            days = 0;
            time = 0;
        } else if (range == DAY) {
            time = 0;
        } else if (range == HOUR || range == (DAY | HOUR)) {
            time = (time / 3_600_000_000L) * 3_600_000_000L;
        } else if (range == MINUTE || range == (DAY | HOUR | MINUTE) || range == (HOUR | MINUTE)) {
            time = (time / 60_000_000L) * 60_000_000L;
        }
        if (precision != FULL_PRECISION) {
            time = round(time, precision);
        }
        return new Interval(months, days, time);
    }

    private static LocalDateTime timestamp(LocalDateTime ts, int precision) {
        if (ts.equals(LocalDateTime.MAX) || ts.equals(LocalDateTime.MIN)) {
            return ts;
        }
        return TypeIO.timestampFromPg(round(TypeIO.timestampToPg(ts), precision));
    }

    private static Instant timestamptz(Instant ts, int precision) {
        if (ts.equals(Instant.MAX) || ts.equals(Instant.MIN)) {
            return ts;
        }
        return TypeIO.timestamptzFromPg(round(TypeIO.timestamptzToPg(ts), precision));
    }

    private static LocalTime time(LocalTime t, int precision) {
        if (t.equals(LocalTime.MAX)) {
            return t;
        }
        return TypeIO.timeFromMicros(round(TypeIO.timeToMicros(t), precision));
    }
}
