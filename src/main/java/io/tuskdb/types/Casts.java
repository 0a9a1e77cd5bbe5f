package io.tuskdb.types;

import io.tuskdb.error.Errors;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;

/**
 * Casts between built-in types with PostgreSQL's semantics (pg_cast): which casts exist and in what context,
 * and how values convert, including rounding, overflow (22003) and typmod coercion.
 *
 * <p>Besides pg_cast's rows, PostgreSQL allows an I/O conversion cast from any type to a string type
 * (text, varchar, bpchar, name) in assignment context, and from a string type to any type when explicit
 * (parse_coerce.c {@code find_coercion_pathway}); an unknown literal coerces to anything.
 *
 * <p>{@link #compare} orders text-like values by Unicode code point, i.e. the C collation.
 */
public final class Casts {
    private Casts() {
    }

    private static final Map<PgType, Map<PgType, CastContext>> PG_CAST = new EnumMap<>(PgType.class);

    private static void cast(PgType from, PgType to, char context) {
        CastContext c = switch (context) {
            case 'i' -> CastContext.IMPLICIT;
            case 'a' -> CastContext.ASSIGNMENT;
            default -> CastContext.EXPLICIT;
        };
        PG_CAST.computeIfAbsent(from, k -> new EnumMap<>(PgType.class)).put(to, c);
    }

    static {
        // select castsource::regtype, casttarget::regtype, castcontext from pg_cast (PostgreSQL 15), restricted
        // to the types TuskDB knows.
        cast(PgType.CHAR, PgType.BPCHAR, 'a');
        cast(PgType.CHAR, PgType.VARCHAR, 'a');
        cast(PgType.CHAR, PgType.INT4, 'e');
        cast(PgType.CHAR, PgType.TEXT, 'i');
        cast(PgType.INT8, PgType.FLOAT8, 'i');
        cast(PgType.INT8, PgType.INT4, 'a');
        cast(PgType.INT8, PgType.NUMERIC, 'i');
        cast(PgType.INT8, PgType.OID, 'i');
        cast(PgType.INT8, PgType.FLOAT4, 'i');
        cast(PgType.INT8, PgType.INT2, 'a');
        cast(PgType.BOOL, PgType.BPCHAR, 'a');
        cast(PgType.BOOL, PgType.VARCHAR, 'a');
        cast(PgType.BOOL, PgType.INT4, 'e');
        cast(PgType.BOOL, PgType.TEXT, 'a');
        cast(PgType.BPCHAR, PgType.CHAR, 'a');
        cast(PgType.BPCHAR, PgType.BPCHAR, 'i');
        cast(PgType.BPCHAR, PgType.VARCHAR, 'i');
        cast(PgType.BPCHAR, PgType.NAME, 'i');
        cast(PgType.BPCHAR, PgType.TEXT, 'i');
        cast(PgType.VARCHAR, PgType.CHAR, 'a');
        cast(PgType.VARCHAR, PgType.BPCHAR, 'i');
        cast(PgType.VARCHAR, PgType.VARCHAR, 'i');
        cast(PgType.VARCHAR, PgType.NAME, 'i');
        cast(PgType.VARCHAR, PgType.TEXT, 'i');
        cast(PgType.DATE, PgType.TIMESTAMPTZ, 'i');
        cast(PgType.DATE, PgType.TIMESTAMP, 'i');
        cast(PgType.FLOAT8, PgType.INT8, 'a');
        cast(PgType.FLOAT8, PgType.INT4, 'a');
        cast(PgType.FLOAT8, PgType.NUMERIC, 'a');
        cast(PgType.FLOAT8, PgType.FLOAT4, 'a');
        cast(PgType.FLOAT8, PgType.INT2, 'a');
        cast(PgType.INT4, PgType.CHAR, 'e');
        cast(PgType.INT4, PgType.INT8, 'i');
        cast(PgType.INT4, PgType.BOOL, 'e');
        cast(PgType.INT4, PgType.FLOAT8, 'i');
        cast(PgType.INT4, PgType.NUMERIC, 'i');
        cast(PgType.INT4, PgType.OID, 'i');
        cast(PgType.INT4, PgType.FLOAT4, 'i');
        cast(PgType.INT4, PgType.INT2, 'a');
        cast(PgType.INTERVAL, PgType.INTERVAL, 'i');
        cast(PgType.INTERVAL, PgType.TIME, 'a');
        cast(PgType.NAME, PgType.BPCHAR, 'a');
        cast(PgType.NAME, PgType.VARCHAR, 'a');
        cast(PgType.NAME, PgType.TEXT, 'i');
        cast(PgType.NUMERIC, PgType.INT8, 'a');
        cast(PgType.NUMERIC, PgType.FLOAT8, 'i');
        cast(PgType.NUMERIC, PgType.INT4, 'a');
        cast(PgType.NUMERIC, PgType.NUMERIC, 'i');
        cast(PgType.NUMERIC, PgType.FLOAT4, 'i');
        cast(PgType.NUMERIC, PgType.INT2, 'a');
        cast(PgType.OID, PgType.INT8, 'a');
        cast(PgType.OID, PgType.INT4, 'a');
        cast(PgType.FLOAT4, PgType.INT8, 'a');
        cast(PgType.FLOAT4, PgType.FLOAT8, 'i');
        cast(PgType.FLOAT4, PgType.INT4, 'a');
        cast(PgType.FLOAT4, PgType.NUMERIC, 'a');
        cast(PgType.FLOAT4, PgType.INT2, 'a');
        cast(PgType.INT2, PgType.INT8, 'i');
        cast(PgType.INT2, PgType.FLOAT8, 'i');
        cast(PgType.INT2, PgType.INT4, 'i');
        cast(PgType.INT2, PgType.NUMERIC, 'i');
        cast(PgType.INT2, PgType.OID, 'i');
        cast(PgType.INT2, PgType.FLOAT4, 'i');
        cast(PgType.TEXT, PgType.CHAR, 'a');
        cast(PgType.TEXT, PgType.BPCHAR, 'i');
        cast(PgType.TEXT, PgType.VARCHAR, 'i');
        cast(PgType.TEXT, PgType.NAME, 'i');
        cast(PgType.TIME, PgType.INTERVAL, 'i');
        cast(PgType.TIME, PgType.TIME, 'i');
        cast(PgType.TIMESTAMPTZ, PgType.DATE, 'a');
        cast(PgType.TIMESTAMPTZ, PgType.TIME, 'a');
        cast(PgType.TIMESTAMPTZ, PgType.TIMESTAMPTZ, 'i');
        cast(PgType.TIMESTAMPTZ, PgType.TIMESTAMP, 'a');
        cast(PgType.TIMESTAMP, PgType.DATE, 'a');
        cast(PgType.TIMESTAMP, PgType.TIME, 'a');
        cast(PgType.TIMESTAMP, PgType.TIMESTAMPTZ, 'i');
        cast(PgType.TIMESTAMP, PgType.TIMESTAMP, 'i');
    }

    /** Whether a cast from {@code from} to {@code to} may be applied in {@code context}. */
    public static boolean canCast(PgType from, PgType to, CastContext context) {
        if (from == to || from == PgType.UNKNOWN) {
            return true;
        }
        Map<PgType, CastContext> row = PG_CAST.get(from);
        CastContext needed = row == null ? null : row.get(to);
        if (needed == null) {
            if (to == PgType.UNKNOWN || to == PgType.VOID || from == PgType.VOID) {
                return false;
            }
            if (isStringType(to)) {
                needed = CastContext.ASSIGNMENT;
            } else if (isStringType(from)) {
                needed = CastContext.EXPLICIT;
            } else {
                return false;
            }
        }
        return context.ordinal() >= needed.ordinal();
    }

    /** TYPCATEGORY_STRING types, the targets and sources of automatic I/O conversion casts. */
    static boolean isStringType(PgType t) {
        return t == PgType.TEXT || t == PgType.VARCHAR || t == PgType.BPCHAR || t == PgType.NAME;
    }

    /**
     * Converts a non-null value; {@code typmod} -1 for none. Explicit casts truncate varchar silently. The result is
     * null in the one case PostgreSQL's cast function returns NULL: an infinite timestamp cast to time.
     */
    public static Object cast(Object value, PgType from, PgType to, int typmod, CastContext context,
                              FormatSettings settings) {
        boolean explicit = context == CastContext.EXPLICIT;
        Object converted = from == to ? value : convert(value, from, to, settings);
        return TypmodCoercion.apply(to, converted, typmod, explicit);
    }

    private static Object convert(Object value, PgType from, PgType to, FormatSettings settings) {
        if (from == PgType.UNKNOWN) {
            return TypeIO.fromText(to, (String) value, settings);
        }
        if (isStringType(from) || from == PgType.CHAR) {
            String s = (String) value;
            if (from == PgType.BPCHAR && (isStringType(to) || to == PgType.CHAR)) {
                s = rtrimSpaces(s); // bpchar's trailing blanks are not significant (rtrim1)
            }
            return switch (to) {
                case TEXT, VARCHAR, BPCHAR, UNKNOWN -> s;
                case NAME -> TypeIO.truncateName(s);
                case CHAR -> charFromText(s);
                case INT4 -> from == PgType.CHAR ? charToInt(s) : TypeIO.fromText(to, s, settings);
                default -> TypeIO.fromText(to, s, settings);
            };
        }
        return switch (to) {
            case TEXT, VARCHAR, BPCHAR, NAME, UNKNOWN -> {
                // booltext (pg_cast) gives true/false; bool to name has no cast row and goes through boolout
                String s = from == PgType.BOOL && to != PgType.NAME ? (((Boolean) value) ? "true" : "false")
                        : TypeIO.toText(from, value, settings);
                yield to == PgType.NAME ? TypeIO.truncateName(s) : s;
            }
            case CHAR -> from == PgType.INT4 ? intToChar((Integer) value) : charFromText(TypeIO.toText(from, value, settings));
            case BOOL -> switch (from) {
                case INT4 -> ((Integer) value) != 0;
                default -> throw noCast(from, to);
            };
            case INT2, INT4, INT8, OID -> toInteger(value, from, to);
            case FLOAT4, FLOAT8 -> toFloat(value, from, to);
            case NUMERIC -> toNumeric(value, from);
            case DATE -> switch (from) {
                case TIMESTAMP -> timestampToDate((LocalDateTime) value);
                case TIMESTAMPTZ -> timestamptzToDate((Instant) value, settings.timeZone());
                default -> throw noCast(from, to);
            };
            case TIMESTAMP -> switch (from) {
                case DATE -> dateToTimestamp((LocalDate) value);
                case TIMESTAMPTZ -> timestamptzToTimestamp((Instant) value, settings.timeZone());
                default -> throw noCast(from, to);
            };
            case TIMESTAMPTZ -> switch (from) {
                case DATE -> timestampToTimestamptz(dateToTimestamp((LocalDate) value), settings.timeZone());
                case TIMESTAMP -> timestampToTimestamptz((LocalDateTime) value, settings.timeZone());
                default -> throw noCast(from, to);
            };
            case TIME -> switch (from) {
                case TIMESTAMP -> timestampToTime((LocalDateTime) value);
                case TIMESTAMPTZ -> (((Instant) value).equals(Instant.MAX) || ((Instant) value).equals(Instant.MIN)) ? null
                        : timestampToTime(timestamptzToTimestamp((Instant) value, settings.timeZone()));
                case INTERVAL -> intervalToTime((Interval) value);
                default -> throw noCast(from, to);
            };
            case INTERVAL -> switch (from) {
                case TIME -> new Interval(0, 0, TypeIO.timeToMicros((LocalTime) value));
                default -> throw noCast(from, to);
            };
            case BYTEA, UUID, VOID -> throw noCast(from, to);
        };
    }

    private static PgException noCast(PgType from, PgType to) {
        return new PgException(SqlState.CANNOT_COERCE,
                "cannot cast type " + from.sqlName() + " to " + to.sqlName());
    }

    static String rtrimSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    /** text to "char" (text_char): the first byte. */
    private static String charFromText(String s) {
        return s.isEmpty() ? "" : TypeIO.charFromByte(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)[0] & 0xFF);
    }

    /** "char" to int4: the byte as a signed char. */
    private static Integer charToInt(String s) {
        return (int) (byte) TypeIO.charByte(s);
    }

    private static String intToChar(int v) {
        if (v < -128 || v > 127) {
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "\"char\" out of range");
        }
        return TypeIO.charFromByte(v & 0xFF);
    }

    private static Object toInteger(Object value, PgType from, PgType to) {
        long v;
        switch (from) {
            case INT2, INT4, INT8 -> v = ((Number) value).longValue();
            case OID -> v = to == PgType.INT4 ? (Integer) value : Integer.toUnsignedLong((Integer) value);
            case FLOAT4, FLOAT8 -> {
                double d = ((Number) value).doubleValue();
                d = Math.rint(d);
                if (Double.isNaN(d) || d < -9.223372036854775808E18 || d >= 9.223372036854775808E18) {
                    throw outOfRange(to);
                }
                v = (long) d;
            }
            case NUMERIC -> v = numericToLong(value, to);
            case BOOL -> v = ((Boolean) value) ? 1 : 0;
            default -> throw noCast(from, to);
        }
        if (to == PgType.OID) {
            if (from == PgType.INT8 && (v < 0 || v > 0xFFFFFFFFL)) {
                throw outOfRange(to);
            }
            return (int) v;
        }
        return narrowInteger(v, to);
    }

    /**
     * A long as the boxed int2, int4 or int8 value, or 22003 "smallint out of range" / "integer out of range"
     * when it does not fit.
     */
    public static Object narrowInteger(long v, PgType type) {
        return switch (type) {
            case INT2 -> {
                if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
                    throw outOfRange(type);
                }
                yield (short) v;
            }
            case INT4 -> {
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw outOfRange(type);
                }
                yield (int) v;
            }
            default -> v;
        };
    }

    static PgException outOfRange(PgType type) {
        return switch (type) {
            case INT2 -> Errors.outOfRange("smallint");
            case INT4 -> Errors.outOfRange("integer");
            case INT8 -> Errors.outOfRange("bigint");
            case OID -> Errors.outOfRange("OID");
            default -> Errors.outOfRange(type.sqlName());
        };
    }

    /** numeric to integer rounds half away from zero (round_var); NaN and infinities cannot convert. */
    private static long numericToLong(Object value, PgType to) {
        String name = switch (to) {
            case INT2 -> "smallint";
            case INT4 -> "integer";
            default -> "bigint";
        };
        if (value instanceof NumericSpecial special) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "cannot convert "
                    + (special == NumericSpecial.NAN ? "NaN" : "infinity") + " to " + name);
        }
        BigDecimal rounded = ((BigDecimal) value).setScale(0, RoundingMode.HALF_UP);
        if (rounded.unscaledValue().bitLength() > 63) {
            throw outOfRange(to == PgType.OID ? PgType.INT8 : to);
        }
        return rounded.longValueExact();
    }

    private static Object toFloat(Object value, PgType from, PgType to) {
        double d;
        switch (from) {
            case INT2, INT4 -> d = ((Number) value).doubleValue();
            case INT8 -> {
                long l = (Long) value;
                return to == PgType.FLOAT4 ? (Object) (float) l : (Object) (double) l;
            }
            case FLOAT4 -> d = (Float) value;
            case FLOAT8 -> {
                d = (Double) value;
                if (to == PgType.FLOAT4) {
                    float f = (float) d;
                    if (Float.isInfinite(f) && !Double.isInfinite(d)) {
                        throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
                    }
                    if (f == 0 && d != 0) {
                        throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
                    }
                    return f;
                }
            }
            case NUMERIC -> {
                if (value instanceof NumericSpecial special) {
                    d = switch (special) {
                        case NAN -> Double.NaN;
                        case POSITIVE_INFINITY -> Double.POSITIVE_INFINITY;
                        case NEGATIVE_INFINITY -> Double.NEGATIVE_INFINITY;
                    };
                } else {
                    // numeric_float8 / numeric_float4 go through the text form and float8in / float4in
                    String text = NumericFormat.toText(value);
                    return to == PgType.FLOAT4 ? (Object) (float) FloatFormat.parse(text, true)
                            : (Object) FloatFormat.parse(text, false);
                }
            }
            default -> throw noCast(from, to);
        }
        return to == PgType.FLOAT4 ? (Object) (float) d : (Object) d;
    }

    private static Object toNumeric(Object value, PgType from) {
        return switch (from) {
            case INT2, INT4, INT8 -> BigDecimal.valueOf(((Number) value).longValue());
            case OID -> BigDecimal.valueOf(Integer.toUnsignedLong((Integer) value));
            case FLOAT4, FLOAT8 -> {
                double d = ((Number) value).doubleValue();
                if (Double.isNaN(d)) {
                    yield NumericSpecial.NAN;
                }
                if (Double.isInfinite(d)) {
                    yield d > 0 ? NumericSpecial.POSITIVE_INFINITY : NumericSpecial.NEGATIVE_INFINITY;
                }
                // float8_numeric / float4_numeric print with DBL_DIG (15) / FLT_DIG (6) significant digits
                String text = FloatFormat.formatG(d, from == PgType.FLOAT4 ? 6 : 15);
                yield NumericFormat.normalize(new BigDecimal(text));
            }
            case BOOL -> throw noCast(from, PgType.NUMERIC);
            default -> throw noCast(from, PgType.NUMERIC);
        };
    }

    // ------------------------------------------------------------------- date/time conversions (public)

    public static LocalDateTime dateToTimestamp(LocalDate d) {
        if (d.equals(LocalDate.MAX)) {
            return LocalDateTime.MAX;
        }
        if (d.equals(LocalDate.MIN)) {
            return LocalDateTime.MIN;
        }
        if (d.isAfter(DateTimeParser.MAX_TIMESTAMP_DATE)) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range for timestamp");
        }
        return d.atStartOfDay();
    }

    public static LocalDate timestampToDate(LocalDateTime ts) {
        if (ts.equals(LocalDateTime.MAX)) {
            return LocalDate.MAX;
        }
        if (ts.equals(LocalDateTime.MIN)) {
            return LocalDate.MIN;
        }
        return ts.toLocalDate();
    }

    public static LocalDate timestamptzToDate(Instant ts, ZoneId zone) {
        return timestampToDate(timestamptzToTimestamp(ts, zone));
    }

    public static LocalDateTime timestamptzToTimestamp(Instant ts, ZoneId zone) {
        if (ts.equals(Instant.MAX)) {
            return LocalDateTime.MAX;
        }
        if (ts.equals(Instant.MIN)) {
            return LocalDateTime.MIN;
        }
        return LocalDateTime.ofInstant(ts, zone);
    }

    public static Instant timestampToTimestamptz(LocalDateTime ts, ZoneId zone) {
        if (ts.equals(LocalDateTime.MAX)) {
            return Instant.MAX;
        }
        if (ts.equals(LocalDateTime.MIN)) {
            return Instant.MIN;
        }
        // DetermineTimeZoneOffset: an ambiguous local time (fall-back) is read in standard time, the later instant;
        // a local time in a spring-forward gap moves forward by the gap
        return ZonedDateTime.ofLocal(ts, zone, null).withLaterOffsetAtOverlap().toInstant();
    }

    /** timestamp_time: an infinite timestamp has no time of day, and the cast yields NULL. */
    private static LocalTime timestampToTime(LocalDateTime ts) {
        if (ts.equals(LocalDateTime.MAX) || ts.equals(LocalDateTime.MIN)) {
            return null;
        }
        return ts.toLocalTime();
    }

    /** interval_time: the time part modulo a day. */
    private static LocalTime intervalToTime(Interval iv) {
        return TypeIO.timeFromMicros(Math.floorMod(iv.micros(), IntervalFormat.USECS_PER_DAY));
    }

    /**
     * Applies a type modifier to a value already of {@code type}: varchar(n)/bpchar(n) length check (22001
     * "value too long for type character varying(3)") or, when {@code explicit}, truncation; bpchar padding;
     * numeric(p,s) rounding and 22003 "numeric field overflow"; timestamp precision.
     */
    public static Object applyTypmod(PgType type, Object value, int typmod, boolean explicit) {
        return TypmodCoercion.apply(type, value, typmod, explicit);
    }

    /**
     * Total order used by comparisons, ORDER BY, DISTINCT and GROUP BY on non-null values of one type: NaN above
     * all numbers for float and numeric, -0 equal to 0, text by code point (C collation), bpchar ignoring
     * trailing blanks, interval by its total span (a month is 30 days), uuid and bytea unsigned bytewise.
     */
    public static int compare(PgType type, Object a, Object b) {
        return ValueOrder.compare(type, a, b);
    }

    /** format_type for interval: "interval", "interval(3)", "interval year to month", "interval day to second(3)". */
    private static String intervalTypeName(int typmod) {
        int range = (typmod >> 16) & 0x7FFF;
        int precision = typmod & 0xFFFF;
        String fields = switch (range) {
            case TypmodCoercion.YEAR -> " year";
            case TypmodCoercion.MONTH -> " month";
            case TypmodCoercion.DAY -> " day";
            case TypmodCoercion.HOUR -> " hour";
            case TypmodCoercion.MINUTE -> " minute";
            case TypmodCoercion.SECOND -> " second";
            case TypmodCoercion.YEAR | TypmodCoercion.MONTH -> " year to month";
            case TypmodCoercion.DAY | TypmodCoercion.HOUR -> " day to hour";
            case TypmodCoercion.DAY | TypmodCoercion.HOUR | TypmodCoercion.MINUTE -> " day to minute";
            case TypmodCoercion.DAY | TypmodCoercion.HOUR | TypmodCoercion.MINUTE | TypmodCoercion.SECOND -> " day to second";
            case TypmodCoercion.HOUR | TypmodCoercion.MINUTE -> " hour to minute";
            case TypmodCoercion.HOUR | TypmodCoercion.MINUTE | TypmodCoercion.SECOND -> " hour to second";
            case TypmodCoercion.MINUTE | TypmodCoercion.SECOND -> " minute to second";
            default -> "";
        };
        return "interval" + fields + (precision == TypmodCoercion.FULL_PRECISION ? "" : "(" + precision + ")");
    }

    /**
     * A hash consistent with {@link #compare} for hash joins, hash aggregation and DISTINCT: equal values hash alike
     * even when their Java objects differ (numeric 1.0 and 1.00, float -0 and 0, bpchar trailing blanks, interval
     * '1 mon' and '30 days'). {@link Object#hashCode} is not.
     */
    public static int hash(PgType type, Object value) {
        return ValueOrder.hash(type, value);
    }

    /**
     * format_type(type, typmod): "character varying(10)", "numeric(10,2)", "timestamp(3) without time zone",
     * "integer"; bpchar without a typmod is "bpchar", as in PostgreSQL.
     */
    public static String formatType(PgType type, int typmod) {
        if (typmod < 0) {
            return type == PgType.BPCHAR ? "bpchar" : type.sqlName();
        }
        return switch (type) {
            case VARCHAR -> "character varying(" + (typmod - 4) + ")";
            case BPCHAR -> "character(" + (typmod - 4) + ")";
            case NUMERIC -> "numeric(" + TypmodCoercion.numericPrecision(typmod) + ","
                    + TypmodCoercion.numericScale(typmod) + ")";
            case TIMESTAMP -> "timestamp(" + typmod + ") without time zone";
            case TIMESTAMPTZ -> "timestamp(" + typmod + ") with time zone";
            case TIME -> "time(" + typmod + ") without time zone";
            case INTERVAL -> intervalTypeName(typmod);
            default -> type.sqlName();
        };
    }
}
