package io.tuskdb.sql.functions;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.ExecutionContext;
import io.tuskdb.types.Casts;
import io.tuskdb.types.DateUnits;
import io.tuskdb.types.FormatSettings;
import io.tuskdb.types.Interval;
import io.tuskdb.types.NumericSpecial;
import io.tuskdb.types.PgType;
import io.tuskdb.types.TimeZones;
import io.tuskdb.types.TypeIO;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;

import static io.tuskdb.sql.functions.Volatility.IMMUTABLE;
import static io.tuskdb.sql.functions.Volatility.STABLE;
import static io.tuskdb.sql.functions.Volatility.VOLATILE;
import static io.tuskdb.types.PgType.BOOL;
import static io.tuskdb.types.PgType.DATE;
import static io.tuskdb.types.PgType.FLOAT8;
import static io.tuskdb.types.PgType.INT4;
import static io.tuskdb.types.PgType.INTERVAL;
import static io.tuskdb.types.PgType.NUMERIC;
import static io.tuskdb.types.PgType.TEXT;
import static io.tuskdb.types.PgType.TIME;
import static io.tuskdb.types.PgType.TIMESTAMP;
import static io.tuskdb.types.PgType.TIMESTAMPTZ;

/**
 * now() and friends, EXTRACT (numeric, PostgreSQL 14+) and date_part (float8), date_trunc, timezone() (AT TIME
 * ZONE), isfinite, justify_*, make_date, to_timestamp, to_char, to_date, to_number (timestamp.c, date.c,
 * formatting.c).
 */
final class DateTimeFunctions {
    private DateTimeFunctions() {
    }

    static final long USECS_PER_DAY = 86_400_000_000L;

    static void register(Registry r) {
        r.fn("now", TIMESTAMPTZ, STABLE, (c, a) -> micros(c.transactionStartTimestamp()));
        r.fn("transaction_timestamp", TIMESTAMPTZ, STABLE, (c, a) -> micros(c.transactionStartTimestamp()));
        r.fn("statement_timestamp", TIMESTAMPTZ, STABLE, (c, a) -> micros(c.statementStartTimestamp()));
        r.fn("clock_timestamp", TIMESTAMPTZ, VOLATILE, (c, a) -> micros(Instant.now()));
        r.fn("timeofday", TEXT, VOLATILE, (c, a) -> timeofday(c));
        for (PgType t : new PgType[]{TIMESTAMP, TIMESTAMPTZ, DATE, TIME, INTERVAL}) {
            r.fn("extract", NUMERIC, t == TIMESTAMPTZ ? STABLE : IMMUTABLE,
                    (c, a) -> extract((String) a[0], t, a[1], AnyText.settings(c)), TEXT, t);
            r.fn("date_part", FLOAT8, t == TIMESTAMPTZ ? STABLE : IMMUTABLE,
                    (c, a) -> t == INTERVAL && unit((String) a[0]) == Unit.EPOCH ? (Object) intervalEpoch((Interval) a[1])
                            : toDouble(extract((String) a[0], t == DATE ? TIMESTAMP : t,
                            t == DATE ? Casts.dateToTimestamp((LocalDate) a[1]) : a[1], AnyText.settings(c))), TEXT, t);
        }
        r.fn("date_trunc", TIMESTAMP, IMMUTABLE, (c, a) -> truncTimestamp((String) a[0], (LocalDateTime) a[1], TIMESTAMP), TEXT, TIMESTAMP);
        r.fn("date_trunc", TIMESTAMPTZ, STABLE,
                (c, a) -> truncTimestamptz((String) a[0], (Instant) a[1], AnyText.settings(c).timeZone()), TEXT, TIMESTAMPTZ);
        r.fn("date_trunc", TIMESTAMPTZ, STABLE,
                (c, a) -> DateTimeOperators.isInfinite((Instant) a[1]) ? a[1]
                        : truncTimestamptz((String) a[0], (Instant) a[1], zone((String) a[2])), TEXT, TIMESTAMPTZ, TEXT);
        r.fn("date_trunc", INTERVAL, IMMUTABLE, (c, a) -> truncInterval((String) a[0], (Interval) a[1]), TEXT, INTERVAL);
        // AT TIME ZONE: infinite values pass through before the zone is examined
        r.fn("timezone", TIMESTAMP, IMMUTABLE, (c, a) -> DateTimeOperators.isInfinite((Instant) a[1])
                ? Casts.timestamptzToTimestamp((Instant) a[1], ZoneOffset.UTC)
                : Casts.timestamptzToTimestamp((Instant) a[1], zone((String) a[0])), TEXT, TIMESTAMPTZ);
        r.fn("timezone", TIMESTAMPTZ, IMMUTABLE, (c, a) -> DateTimeOperators.isInfinite((LocalDateTime) a[1])
                ? Casts.timestampToTimestamptz((LocalDateTime) a[1], ZoneOffset.UTC)
                : Casts.timestampToTimestamptz((LocalDateTime) a[1], zone((String) a[0])), TEXT, TIMESTAMP);
        r.fn("timezone", TIMESTAMP, IMMUTABLE, (c, a) -> DateTimeOperators.isInfinite((Instant) a[1])
                ? Casts.timestamptzToTimestamp((Instant) a[1], ZoneOffset.UTC)
                : LocalDateTime.ofInstant((Instant) a[1], ZoneOffset.UTC).plusSeconds(intervalZone((Interval) a[0])),
                INTERVAL, TIMESTAMPTZ);
        r.fn("timezone", TIMESTAMPTZ, IMMUTABLE, (c, a) -> DateTimeOperators.isInfinite((LocalDateTime) a[1])
                ? Casts.timestampToTimestamptz((LocalDateTime) a[1], ZoneOffset.UTC)
                : ((LocalDateTime) a[1]).minusSeconds(intervalZone((Interval) a[0])).toInstant(ZoneOffset.UTC),
                INTERVAL, TIMESTAMP);
        r.fn("isfinite", BOOL, IMMUTABLE, (c, a) -> !DateTimeOperators.isInfinite((LocalDate) a[0]), DATE);
        r.fn("isfinite", BOOL, IMMUTABLE, (c, a) -> !DateTimeOperators.isInfinite((LocalDateTime) a[0]), TIMESTAMP);
        r.fn("isfinite", BOOL, IMMUTABLE, (c, a) -> !DateTimeOperators.isInfinite((Instant) a[0]), TIMESTAMPTZ);
        r.fn("isfinite", BOOL, IMMUTABLE, (c, a) -> true, INTERVAL);
        r.fn("justify_hours", INTERVAL, IMMUTABLE, (c, a) -> DateTimeOperators.justifyHours((Interval) a[0]), INTERVAL);
        r.fn("justify_days", INTERVAL, IMMUTABLE, (c, a) -> justifyDays((Interval) a[0]), INTERVAL);
        r.fn("justify_interval", INTERVAL, IMMUTABLE,
                (c, a) -> justifyInterval((Interval) a[0]), INTERVAL);
        r.fn("make_date", DATE, IMMUTABLE, (c, a) -> makeDate((Integer) a[0], (Integer) a[1], (Integer) a[2]), INT4, INT4, INT4);
        r.fn("to_timestamp", TIMESTAMPTZ, IMMUTABLE, (c, a) -> toTimestamp((Double) a[0]), FLOAT8);
        r.fn("to_timestamp", TIMESTAMPTZ, STABLE,
                (c, a) -> FromChar.toTimestamp((String) a[0], (String) a[1], AnyText.settings(c).timeZone()), TEXT, TEXT);
        r.fn("to_date", DATE, STABLE, (c, a) -> FromChar.toDate((String) a[0], (String) a[1]), TEXT, TEXT);
        r.fn("to_char", TEXT, STABLE, (c, a) -> toChar((LocalDateTime) a[0], (String) a[1]), TIMESTAMP, TEXT);
        r.fn("to_char", TEXT, STABLE, (c, a) -> toChar((Instant) a[0], (String) a[1], AnyText.settings(c).timeZone()), TIMESTAMPTZ, TEXT);
        r.fn("to_char", TEXT, STABLE, (c, a) -> ToChar.format(ToChar.of((Interval) a[0]), (String) a[1], true), INTERVAL, TEXT);
        r.fn("to_char", TEXT, STABLE, (c, a) -> NumberToChar.format(a[0], (String) a[1]), NUMERIC, TEXT);
        r.fn("to_number", NUMERIC, STABLE, (c, a) -> NumberToChar.parseNumber((String) a[0], (String) a[1]), TEXT, TEXT);
        r.fn("to_char", TEXT, STABLE, (c, a) -> NumberToChar.format((long) (Integer) a[0], (String) a[1], true),
                PgType.INT4, TEXT);
        r.fn("to_char", TEXT, STABLE, (c, a) -> NumberToChar.format((long) (Long) a[0], (String) a[1], false),
                PgType.INT8, TEXT);
        r.fn("to_char", TEXT, STABLE, (c, a) -> NumberToChar.format((Float) a[0], (String) a[1], true), PgType.FLOAT4, TEXT);
        r.fn("to_char", TEXT, STABLE, (c, a) -> NumberToChar.format((Double) a[0], (String) a[1], false), FLOAT8, TEXT);
        r.fn("age", INTERVAL, IMMUTABLE, (c, a) -> age((LocalDateTime) a[0], (LocalDateTime) a[1]), TIMESTAMP, TIMESTAMP);
        // pg_proc marks this IMMUTABLE although it reads TimeZone
        r.fn("age", INTERVAL, IMMUTABLE, (c, a) -> age(local((Instant) a[0], c), local((Instant) a[1], c)), TIMESTAMPTZ, TIMESTAMPTZ);
        r.fn("age", INTERVAL, STABLE, (c, a) -> age(today(c), (LocalDateTime) a[0]), TIMESTAMP);
        r.fn("age", INTERVAL, STABLE, (c, a) -> age(today(c), local((Instant) a[0], c)), TIMESTAMPTZ);
    }

    private static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    private static String timeofday(ExecutionContext c) {
        ZonedDateTime now = ZonedDateTime.now(AnyText.settings(c).timeZone());
        return String.format(Locale.ROOT, "%ta %<tb %<td %<tH:%<tM:%<tS.%06d %<tY %s", now, now.getNano() / 1000,
                now.getZone().getDisplayName(java.time.format.TextStyle.SHORT, Locale.US));
    }

    static ZoneId zone(String name) {
        return TimeZones.parse(name);
    }

    /** AT TIME ZONE INTERVAL: the interval is the offset east of UTC in seconds (timestamptz_izone); any size. */
    private static long intervalZone(Interval iv) {
        if (iv.months() != 0 || iv.days() != 0) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                    "interval time zone \"" + TypeIO.toText(INTERVAL, iv, FormatSettings.DEFAULT)
                            + "\" must not include months or days");
        }
        return iv.micros() / 1_000_000;
    }

    // ---------------------------------------------------------------------------------------- units

    enum Unit {
        MICROSECONDS, MILLISECONDS, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR, DECADE, CENTURY,
        MILLENNIUM, DOW, ISODOW, DOY, ISOYEAR, EPOCH, JULIAN, TIMEZONE, TIMEZONE_HOUR, TIMEZONE_MINUTE
    }

    static Unit unit(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String canonical = DateUnits.canonical(lower);
        if (canonical != null) {
            return switch (canonical) {
                case "microsecond" -> Unit.MICROSECONDS;
                case "millisecond" -> Unit.MILLISECONDS;
                default -> Unit.valueOf(canonical.toUpperCase(Locale.ROOT));
            };
        }
        return switch (lower) {
            case "dow" -> Unit.DOW;
            case "isodow" -> Unit.ISODOW;
            case "doy" -> Unit.DOY;
            case "isoyear" -> Unit.ISOYEAR;
            case "epoch" -> Unit.EPOCH;
            case "julian", "j" -> Unit.JULIAN;
            case "timezone" -> Unit.TIMEZONE;
            case "timezone_h", "timezone_hour" -> Unit.TIMEZONE_HOUR;
            case "timezone_m", "timezone_minute" -> Unit.TIMEZONE_MINUTE;
            default -> null;
        };
    }

    private static Unit requireUnit(String lower, PgType type) {
        Unit unit = unit(lower);
        if (unit == null) {
            throw notRecognized(lower, type);
        }
        return unit;
    }

    private static PgException notRecognized(String unit, PgType type) {
        return new PgException(SqlState.INVALID_PARAMETER_VALUE,
                "unit \"" + unit + "\" not recognized for type " + type.sqlName());
    }

    private static PgException notSupported(String unit, PgType type) {
        return new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                "unit \"" + unit + "\" not supported for type " + type.sqlName());
    }

    /** date_part('epoch', interval) computes in float8, unlike EXTRACT (interval_part_common). */
    private static double intervalEpoch(Interval iv) {
        return iv.micros() / 1_000_000.0 + (365.25 * 86400) * (iv.months() / 12) + (30.0 * 86400) * (iv.months() % 12)
                + 86400.0 * iv.days();
    }

    private static Double toDouble(Object numeric) {
        if (numeric == null) {
            return null;
        }
        if (numeric instanceof NumericSpecial s) {
            return switch (s) {
                case NAN -> Double.NaN;
                case POSITIVE_INFINITY -> Double.POSITIVE_INFINITY;
                case NEGATIVE_INFINITY -> Double.NEGATIVE_INFINITY;
            };
        }
        return ((BigDecimal) numeric).doubleValue();
    }

    private static BigDecimal scaled(long value, int scale) {
        return BigDecimal.valueOf(value, scale);
    }

    /** EXTRACT(unit FROM value) as numeric (timestamp.c extract_timestamp and friends). */
    static Object extract(String unitText, PgType type, Object value, FormatSettings settings) {
        String lower = unitText.toLowerCase(Locale.ROOT);
        Unit unit = requireUnit(lower, type);
        return switch (type) {
            case DATE -> extractDate(lower, unit, (LocalDate) value);
            case TIME -> extractTime(lower, unit, TypeIO.timeToMicros((LocalTime) value));
            case INTERVAL -> extractInterval(lower, unit, (Interval) value);
            case TIMESTAMP -> {
                LocalDateTime ts = (LocalDateTime) value;
                if (DateTimeOperators.isInfinite(ts)) {
                    yield infiniteField(lower, unit, type, ts.equals(LocalDateTime.MAX));
                }
                if (unit == Unit.TIMEZONE || unit == Unit.TIMEZONE_HOUR || unit == Unit.TIMEZONE_MINUTE) {
                    throw notSupported(lower, type);
                }
                if (unit == Unit.EPOCH) {
                    yield scaled(TypeIO.timestampToPg(ts) + 946_684_800_000_000L, 6);
                }
                yield extractFields(lower, unit, ts, type, 0);
            }
            default -> {
                Instant t = (Instant) value;
                if (DateTimeOperators.isInfinite(t)) {
                    yield infiniteField(lower, unit, type, t.equals(Instant.MAX));
                }
                if (unit == Unit.EPOCH) {
                    yield scaled(TypeIO.timestamptzToPg(t) + 946_684_800_000_000L, 6);
                }
                ZonedDateTime z = t.atZone(settings.timeZone());
                yield extractFields(lower, unit, z.toLocalDateTime(), type, z.getOffset().getTotalSeconds());
            }
        };
    }

    /** Infinite inputs: the monotonic units give ±Infinity, the others NULL. */
    private static Object infiniteField(String lower, Unit unit, PgType type, boolean positive) {
        return switch (unit) {
            case YEAR, DECADE, CENTURY, MILLENNIUM, JULIAN, ISOYEAR, EPOCH ->
                    positive ? NumericSpecial.POSITIVE_INFINITY : NumericSpecial.NEGATIVE_INFINITY;
            default -> null;
        };
    }

    private static Object extractFields(String lower, Unit unit, LocalDateTime ts, PgType type, int offsetSeconds) {
        LocalDate d = ts.toLocalDate();
        int year = d.getYear();
        long secMicros = ts.getSecond() * 1_000_000L + ts.getNano() / 1000;
        return switch (unit) {
            case MICROSECONDS -> BigDecimal.valueOf(secMicros);
            case MILLISECONDS -> scaled(secMicros, 3);
            case SECOND -> scaled(secMicros, 6);
            case MINUTE -> BigDecimal.valueOf(ts.getMinute());
            case HOUR -> BigDecimal.valueOf(ts.getHour());
            case DAY -> BigDecimal.valueOf(d.getDayOfMonth());
            case MONTH -> BigDecimal.valueOf(d.getMonthValue());
            case QUARTER -> BigDecimal.valueOf((d.getMonthValue() - 1) / 3 + 1);
            case WEEK -> BigDecimal.valueOf(d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case YEAR -> BigDecimal.valueOf(year > 0 ? year : year - 1);
            case DECADE -> BigDecimal.valueOf(year >= 0 ? year / 10 : -((8 - (year - 1)) / 10));
            case CENTURY -> BigDecimal.valueOf(year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100));
            case MILLENNIUM -> BigDecimal.valueOf(year > 0 ? (year + 999) / 1000 : -((999 - (year - 1)) / 1000));
            case DOW -> BigDecimal.valueOf(d.getDayOfWeek().getValue() % 7);
            case ISODOW -> BigDecimal.valueOf(d.getDayOfWeek().getValue());
            case DOY -> BigDecimal.valueOf(d.getDayOfYear());
            case ISOYEAR -> {
                int iso = d.get(IsoFields.WEEK_BASED_YEAR);
                yield BigDecimal.valueOf(iso > 0 ? iso : iso - 1);
            }
            case JULIAN -> {
                long julian = d.toEpochDay() + 2_440_588L;
                long dayMicros = ts.toLocalTime().toNanoOfDay() / 1000;
                yield NumericOps.add(BigDecimal.valueOf(julian),
                        NumericOps.divide(BigDecimal.valueOf(dayMicros), BigDecimal.valueOf(USECS_PER_DAY)));
            }
            case TIMEZONE -> {
                if (type == TIMESTAMP) {
                    throw notSupported(lower, type);
                }
                yield BigDecimal.valueOf(offsetSeconds);
            }
            case TIMEZONE_HOUR -> {
                if (type == TIMESTAMP) {
                    throw notSupported(lower, type);
                }
                yield BigDecimal.valueOf(offsetSeconds / 3600);
            }
            case TIMEZONE_MINUTE -> {
                if (type == TIMESTAMP) {
                    throw notSupported(lower, type);
                }
                yield BigDecimal.valueOf((offsetSeconds / 60) % 60);
            }
            case EPOCH -> throw notSupported(lower, type);
        };
    }

    private static Object extractDate(String lower, Unit unit, LocalDate d) {
        if (DateTimeOperators.isInfinite(d)) {
            return switch (unit) {
                case YEAR, DECADE, CENTURY, MILLENNIUM, JULIAN, ISOYEAR, EPOCH ->
                        d.equals(LocalDate.MAX) ? NumericSpecial.POSITIVE_INFINITY : NumericSpecial.NEGATIVE_INFINITY;
                case DAY, MONTH, QUARTER, WEEK, DOW, ISODOW, DOY -> null;
                default -> throw notSupported(lower, DATE);
            };
        }
        return switch (unit) {
            case DAY, MONTH, QUARTER, WEEK, YEAR, DECADE, CENTURY, MILLENNIUM, DOW, ISODOW, DOY, ISOYEAR ->
                    extractFields(lower, unit, d.atStartOfDay(), DATE, 0);
            case JULIAN -> BigDecimal.valueOf(d.toEpochDay() + 2_440_588L);
            case EPOCH -> BigDecimal.valueOf(d.toEpochDay() * 86_400L);
            default -> throw notSupported(lower, DATE);
        };
    }

    private static Object extractTime(String lower, Unit unit, long micros) {
        long secMicros = micros % 60_000_000L;
        return switch (unit) {
            case MICROSECONDS -> BigDecimal.valueOf(secMicros);
            case MILLISECONDS -> scaled(secMicros, 3);
            case SECOND -> scaled(secMicros, 6);
            case MINUTE -> BigDecimal.valueOf((micros / 60_000_000L) % 60);
            case HOUR -> BigDecimal.valueOf(micros / 3_600_000_000L);
            case EPOCH -> scaled(micros, 6);
            default -> throw notSupported(lower, TIME);
        };
    }

    private static Object extractInterval(String lower, Unit unit, Interval iv) {
        long time = iv.micros();
        int months = iv.months();
        long secMicros = time % 60_000_000L;
        int year = months / 12;
        return switch (unit) {
            case MICROSECONDS -> BigDecimal.valueOf(secMicros);
            case MILLISECONDS -> scaled(secMicros, 3);
            case SECOND -> scaled(secMicros, 6);
            case MINUTE -> BigDecimal.valueOf((time / 60_000_000L) % 60);
            case HOUR -> BigDecimal.valueOf(time / 3_600_000_000L);
            case DAY -> BigDecimal.valueOf(iv.days());
            case MONTH -> BigDecimal.valueOf(months % 12);
            case QUARTER -> BigDecimal.valueOf((months % 12) / 3 + 1);
            case YEAR -> BigDecimal.valueOf(year);
            case DECADE -> BigDecimal.valueOf(year / 10);
            case CENTURY -> BigDecimal.valueOf(year / 100);
            case MILLENNIUM -> BigDecimal.valueOf(year / 1000);
            case EPOCH -> {
                // 365.25 days a year, 30 days a month (interval_part_common)
                BigDecimal secs = BigDecimal.valueOf(1461L * (months / 12) + 120L * (months % 12) + 4L * iv.days())
                        .multiply(BigDecimal.valueOf(21600));
                yield secs.add(scaled(time, 6));
            }
            default -> throw notSupported(lower, INTERVAL);
        };
    }

    // ------------------------------------------------------------------------------------ date_trunc

    private static LocalDateTime truncLocal(String unitText, LocalDateTime ts, PgType type) {
        String lower = unitText.toLowerCase(Locale.ROOT);
        Unit unit = requireUnit(lower, type);
        LocalDate d = ts.toLocalDate();
        int year = d.getYear();
        return switch (unit) {
            case MILLENNIUM -> LocalDate.of(year > 0 ? ((year + 999) / 1000) * 1000 - 999
                    : -((999 - (year - 1)) / 1000) * 1000 + 1, 1, 1).atStartOfDay();
            case CENTURY -> LocalDate.of(year > 0 ? ((year + 99) / 100) * 100 - 99
                    : -((99 - (year - 1)) / 100) * 100 + 1, 1, 1).atStartOfDay();
            case DECADE -> LocalDate.of(year > 0 ? (year / 10) * 10 : -((8 - (year - 1)) / 10) * 10, 1, 1)
                    .atStartOfDay();
            case YEAR -> LocalDate.of(year, 1, 1).atStartOfDay();
            case QUARTER -> LocalDate.of(year, ((d.getMonthValue() - 1) / 3) * 3 + 1, 1).atStartOfDay();
            case MONTH -> d.withDayOfMonth(1).atStartOfDay();
            case WEEK -> d.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
            case DAY -> d.atStartOfDay();
            case HOUR -> ts.truncatedTo(ChronoUnit.HOURS);
            case MINUTE -> ts.truncatedTo(ChronoUnit.MINUTES);
            case SECOND -> ts.truncatedTo(ChronoUnit.SECONDS);
            case MILLISECONDS -> ts.truncatedTo(ChronoUnit.MILLIS);
            case MICROSECONDS -> ts;
            default -> throw notSupported(lower, type);
        };
    }

    static LocalDateTime truncTimestamp(String unit, LocalDateTime ts, PgType type) {
        if (DateTimeOperators.isInfinite(ts)) {
            return ts;
        }
        return truncLocal(unit, ts, type);
    }

    static Instant truncTimestamptz(String unit, Instant ts, ZoneId zone) {
        if (DateTimeOperators.isInfinite(ts)) {
            return ts;
        }
        ZonedDateTime z = ts.atZone(zone);
        LocalDateTime truncated = truncLocal(unit, z.toLocalDateTime(), TIMESTAMPTZ);
        Unit u = unit(unit.toLowerCase(Locale.ROOT));
        boolean redoZone = u.compareTo(Unit.DAY) >= 0;
        return redoZone ? Casts.timestampToTimestamptz(truncated, zone)
                : truncated.toInstant(z.getOffset());
    }

    static Interval truncInterval(String unitText, Interval iv) {
        String lower = unitText.toLowerCase(Locale.ROOT);
        Unit unit = requireUnit(lower, INTERVAL);
        int months = iv.months();
        long time = iv.micros();
        return switch (unit) {
            case MILLENNIUM -> new Interval((months / 12000) * 12000, 0, 0);
            case CENTURY -> new Interval((months / 1200) * 1200, 0, 0);
            case DECADE -> new Interval((months / 120) * 120, 0, 0);
            case YEAR -> new Interval((months / 12) * 12, 0, 0);
            case QUARTER -> new Interval((months / 12) * 12 + ((months % 12) / 3) * 3, 0, 0);
            case MONTH -> new Interval(months, 0, 0);
            case DAY -> new Interval(months, iv.days(), 0);
            case HOUR -> new Interval(months, iv.days(), (time / 3_600_000_000L) * 3_600_000_000L);
            case MINUTE -> new Interval(months, iv.days(), (time / 60_000_000L) * 60_000_000L);
            case SECOND -> new Interval(months, iv.days(), (time / 1_000_000L) * 1_000_000L);
            case MILLISECONDS -> new Interval(months, iv.days(), (time / 1000L) * 1000L);
            case MICROSECONDS -> iv;
            case WEEK -> throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    "unit \"" + lower + "\" not supported for type interval")
                    .withDetail("Months usually have fractional weeks.");
            default -> throw notSupported(lower, INTERVAL);
        };
    }

    // ----------------------------------------------------------------------------------------- misc

    private static String toChar(LocalDateTime t, String template) {
        if (DateTimeOperators.isInfinite(t)) {
            return null;
        }
        return ToChar.format(ToChar.of(t, "", 0, false), template, false);
    }

    static String toChar(Instant t, String template, ZoneId zone) {
        if (DateTimeOperators.isInfinite(t)) {
            return null;
        }
        ZonedDateTime z = t.atZone(zone);
        String abbreviation = java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.US).format(z);
        if (abbreviation.startsWith("GMT") && abbreviation.length() > 3 || zone instanceof ZoneOffset) {
            int off = z.getOffset().getTotalSeconds();
            abbreviation = (off >= 0 ? "+" : "-") + String.format(Locale.ROOT, "%02d", Math.abs(off) / 3600)
                    + (Math.abs(off) % 3600 != 0 ? String.format(Locale.ROOT, "%02d", (Math.abs(off) % 3600) / 60) : "");
        }
        return ToChar.format(ToChar.of(z.toLocalDateTime(), abbreviation, z.getOffset().getTotalSeconds(), true),
                template, false);
    }

    private static LocalDateTime local(Instant t, ExecutionContext c) {
        return Casts.timestamptzToTimestamp(t, AnyText.settings(c).timeZone());
    }

    /** CURRENT_DATE at midnight, in the session's time zone. */
    private static LocalDateTime today(ExecutionContext c) {
        return LocalDate.ofInstant(c.transactionStartTimestamp(), AnyText.settings(c).timeZone()).atStartOfDay();
    }

    private static final int[][] DAY_TAB = {
            {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31},
            {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}};

    /** timestamp_age: field-wise difference, borrowing from the next field with the month lengths of the later date. */
    static Interval age(LocalDateTime t1, LocalDateTime t2) {
        if (DateTimeOperators.isInfinite(t1) || DateTimeOperators.isInfinite(t2)) {
            throw DateTimeOperators.outOfRange("timestamp");
        }
        boolean flip = t1.isBefore(t2);
        int sign = flip ? -1 : 1;
        // fields from the smallest: usec, sec, min, hour, mday, mon, year; each borrows from the next
        long[] f = {
                sign * (long) (t1.getNano() / 1000 - t2.getNano() / 1000), sign * (long) (t1.getSecond() - t2.getSecond()),
                sign * (long) (t1.getMinute() - t2.getMinute()), sign * (long) (t1.getHour() - t2.getHour()),
                sign * (long) (t1.getDayOfMonth() - t2.getDayOfMonth()),
                sign * (long) (t1.getMonthValue() - t2.getMonthValue()), sign * ((long) t1.getYear() - t2.getYear())};
        LocalDateTime ref = flip ? t1 : t2;
        long[] carry = {1_000_000, 60, 60, 24, -1, 12};
        for (int i = 0; i < carry.length; i++) {
            while (f[i] < 0) {
                f[i] += carry[i] >= 0 ? carry[i]
                        : DAY_TAB[ref.toLocalDate().isLeapYear() ? 1 : 0][ref.getMonthValue() - 1];
                f[i + 1]--;
            }
        }
        long months = sign * (f[6] * 12 + f[5]);
        if (months > Integer.MAX_VALUE || months < Integer.MIN_VALUE) {
            throw DateTimeOperators.outOfRange("interval");
        }
        long micros = sign * (((f[3] * 60 + f[2]) * 60 + f[1]) * 1_000_000 + f[0]);
        return new Interval((int) months, (int) (sign * f[4]), micros);
    }

    private static Interval justifyDays(Interval iv) {
        int wholeMonths = iv.days() / 30;
        int days = iv.days() - wholeMonths * 30;
        long months = (long) iv.months() + wholeMonths;
        if (months > 0 && days < 0) {
            days += 30;
            months--;
        } else if (months < 0 && days > 0) {
            days -= 30;
            months++;
        }
        if (months > Integer.MAX_VALUE || months < Integer.MIN_VALUE) {
            throw DateTimeOperators.outOfRange("interval");
        }
        return new Interval((int) months, days, iv.micros());
    }

    private static Interval justifyInterval(Interval iv) {
        long wholeDays = iv.micros() / USECS_PER_DAY;
        long time = iv.micros() - wholeDays * USECS_PER_DAY;
        long days = iv.days() + wholeDays;
        long wholeMonths = days / 30;
        days -= wholeMonths * 30;
        long months = iv.months() + wholeMonths;
        if (months > 0 && (days < 0 || (days == 0 && time < 0))) {
            days += 30;
            months--;
        } else if (months < 0 && (days > 0 || (days == 0 && time > 0))) {
            days -= 30;
            months++;
        }
        return DateTimeOperators.justifyHours(new Interval((int) months, (int) days, time));
    }

    /** make_date: a negative year is BC; the error shows the year as PostgreSQL holds it (1 BC is 0). */
    private static LocalDate makeDate(int year, int month, int day) {
        int internal = year > 0 ? year : year + 1;
        String shown = String.format(Locale.ROOT, "%d-%02d-%02d", internal, month, day);
        if (year == 0) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "date field value out of range: " + year + "-"
                    + String.format(Locale.ROOT, "%02d-%02d", month, day));
        }
        try {
            return LocalDate.of(internal, month, day);
        } catch (java.time.DateTimeException e) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "date field value out of range: " + shown);
        }
    }

    private static Instant toTimestamp(double seconds) {
        if (Double.isNaN(seconds)) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp cannot be NaN");
        }
        if (Double.isInfinite(seconds)) {
            return seconds > 0 ? Instant.MAX : Instant.MIN;
        }
        double micros = Math.rint(seconds * 1_000_000);
        if (micros < -210_866_803_200_000_000.0 || micros >= 9_224_318_016_000_000_000.0 - 946_684_800_000_000.0) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range: \"" + seconds + "\"");
        }
        long m = (long) micros;
        return Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000L), Math.floorMod(m, 1_000_000L) * 1000);
    }
}
