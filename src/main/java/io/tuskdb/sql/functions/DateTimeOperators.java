package io.tuskdb.sql.functions;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.types.Casts;
import io.tuskdb.types.Interval;
import io.tuskdb.types.TypeIO;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import static io.tuskdb.types.PgType.DATE;
import static io.tuskdb.types.PgType.INT4;
import static io.tuskdb.types.PgType.INTERVAL;
import static io.tuskdb.types.PgType.TIME;
import static io.tuskdb.types.PgType.TIMESTAMP;
import static io.tuskdb.types.PgType.TIMESTAMPTZ;

/**
 * Date/time arithmetic (date.c, timestamp.c): date ± integer, date - date, date + time, ± interval on date,
 * time, timestamp and timestamptz (months and days added in the session's TimeZone for timestamptz), and
 * timestamp - timestamp with interval_justify_hours. Infinite values stay infinite.
 */
final class DateTimeOperators {
    private DateTimeOperators() {
    }

    static final long USECS_PER_DAY = 86_400_000_000L;
    private static final LocalDate MIN_DATE = LocalDate.of(-4713, 11, 24);
    private static final LocalDate MAX_DATE = LocalDate.of(5874897, 12, 31);
    private static final LocalDate MAX_TIMESTAMP_DATE = LocalDate.of(294276, 12, 31);

    static void register(Registry r) {
        r.op("+", DATE, INT4, DATE, (s, a, b) -> datePlusDays((LocalDate) a, (Integer) b));
        r.op("+", INT4, DATE, DATE, (s, a, b) -> datePlusDays((LocalDate) b, (Integer) a));
        r.op("-", DATE, INT4, DATE, (s, a, b) -> datePlusDays((LocalDate) a, -(long) (Integer) b));
        r.op("-", DATE, DATE, INT4, (s, a, b) -> dateMinusDate((LocalDate) a, (LocalDate) b));
        r.op("+", DATE, TIME, TIMESTAMP, (s, a, b) -> dateTime((LocalDate) a, (LocalTime) b));
        r.op("+", TIME, DATE, TIMESTAMP, (s, a, b) -> dateTime((LocalDate) b, (LocalTime) a));
        r.op("+", DATE, INTERVAL, TIMESTAMP, (s, a, b) -> timestampPlus(Casts.dateToTimestamp((LocalDate) a), (Interval) b));
        r.op("+", INTERVAL, DATE, TIMESTAMP, (s, a, b) -> timestampPlus(Casts.dateToTimestamp((LocalDate) b), (Interval) a));
        r.op("-", DATE, INTERVAL, TIMESTAMP, (s, a, b) ->
                timestampPlus(Casts.dateToTimestamp((LocalDate) a), ArithmeticOperators.intervalNegate((Interval) b)));
        r.op("+", TIME, INTERVAL, TIME, (s, a, b) -> timePlus((LocalTime) a, ((Interval) b).micros()));
        r.op("+", INTERVAL, TIME, TIME, (s, a, b) -> timePlus((LocalTime) b, ((Interval) a).micros()));
        r.op("-", TIME, INTERVAL, TIME, (s, a, b) -> timePlus((LocalTime) a, -((Interval) b).micros()));
        r.op("-", TIME, TIME, INTERVAL, (s, a, b) ->
                new Interval(0, 0, TypeIO.timeToMicros((LocalTime) a) - TypeIO.timeToMicros((LocalTime) b)));
        r.op("+", TIMESTAMP, INTERVAL, TIMESTAMP, (s, a, b) -> timestampPlus((LocalDateTime) a, (Interval) b));
        r.op("+", INTERVAL, TIMESTAMP, TIMESTAMP, (s, a, b) -> timestampPlus((LocalDateTime) b, (Interval) a));
        r.op("-", TIMESTAMP, INTERVAL, TIMESTAMP, (s, a, b) ->
                timestampPlus((LocalDateTime) a, ArithmeticOperators.intervalNegate((Interval) b)));
        r.op("+", TIMESTAMPTZ, INTERVAL, TIMESTAMPTZ, (s, a, b) -> timestamptzPlus((Instant) a, (Interval) b, s.timeZone()));
        r.op("+", INTERVAL, TIMESTAMPTZ, TIMESTAMPTZ, (s, a, b) -> timestamptzPlus((Instant) b, (Interval) a, s.timeZone()));
        r.op("-", TIMESTAMPTZ, INTERVAL, TIMESTAMPTZ, (s, a, b) ->
                timestamptzPlus((Instant) a, ArithmeticOperators.intervalNegate((Interval) b), s.timeZone()));
        r.op("-", TIMESTAMP, TIMESTAMP, INTERVAL, (s, a, b) ->
                timestampMinus(TypeIO.timestampToPg((LocalDateTime) a), TypeIO.timestampToPg((LocalDateTime) b)));
        r.op("-", TIMESTAMPTZ, TIMESTAMPTZ, INTERVAL, (s, a, b) ->
                timestampMinus(TypeIO.timestamptzToPg((Instant) a), TypeIO.timestamptzToPg((Instant) b)));
    }

    static PgException outOfRange(String what) {
        return new PgException(SqlState.DATETIME_FIELD_OVERFLOW, what + " out of range");
    }

    static boolean isInfinite(LocalDate d) {
        return d.equals(LocalDate.MAX) || d.equals(LocalDate.MIN);
    }

    static boolean isInfinite(LocalDateTime t) {
        return t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN);
    }

    static boolean isInfinite(Instant t) {
        return t.equals(Instant.MAX) || t.equals(Instant.MIN);
    }

    static LocalDate datePlusDays(LocalDate d, long days) {
        if (isInfinite(d)) {
            return d;
        }
        LocalDate result = d.plusDays(days);
        if (result.isBefore(MIN_DATE) || result.isAfter(MAX_DATE)) {
            throw outOfRange("date");
        }
        return result;
    }

    private static Integer dateMinusDate(LocalDate a, LocalDate b) {
        if (isInfinite(a) || isInfinite(b)) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "cannot subtract infinite dates");
        }
        return (int) (a.toEpochDay() - b.toEpochDay());
    }

    private static LocalDateTime dateTime(LocalDate d, LocalTime t) {
        LocalDateTime ts = Casts.dateToTimestamp(d);
        if (isInfinite(ts)) {
            return ts;
        }
        return checkTimestamp(ts.plusNanos(TypeIO.timeToMicros(t) * 1000));
    }

    private static LocalTime timePlus(LocalTime t, long micros) {
        long result = Math.floorMod(TypeIO.timeToMicros(t) + micros, USECS_PER_DAY);
        return TypeIO.timeFromMicros(result);
    }

    static LocalDateTime checkTimestamp(LocalDateTime ts) {
        if (ts.toLocalDate().isBefore(MIN_DATE) || ts.toLocalDate().isAfter(MAX_TIMESTAMP_DATE)) {
            throw outOfRange("timestamp");
        }
        return ts;
    }

    /** timestamp_pl_interval: months (day clamped to the month's end), then days, then microseconds. */
    static LocalDateTime timestampPlus(LocalDateTime ts, Interval iv) {
        if (isInfinite(ts)) {
            return ts;
        }
        try {
            LocalDateTime result = ts.plusMonths(iv.months()).plusDays(iv.days()).plus(iv.micros(), ChronoUnit.MICROS);
            return checkTimestamp(result);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw outOfRange("timestamp");
        }
    }

    /** timestamptz_pl_interval: months and days move the local time in {@code zone}; microseconds are absolute. */
    static Instant timestamptzPlus(Instant ts, Interval iv, ZoneId zone) {
        if (isInfinite(ts)) {
            return ts;
        }
        try {
            Instant result = ts;
            if (iv.months() != 0 || iv.days() != 0) {
                ZonedDateTime z = ts.atZone(zone).plusMonths(iv.months()).plusDays(iv.days());
                result = Casts.timestampToTimestamptz(z.toLocalDateTime(), zone);
            }
            result = result.plus(iv.micros(), ChronoUnit.MICROS);
            checkTimestamp(LocalDateTime.ofInstant(result, java.time.ZoneOffset.UTC));
            return result;
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw outOfRange("timestamp");
        }
    }

    private static Interval timestampMinus(long a, long b) {
        if (a == Long.MAX_VALUE || a == Long.MIN_VALUE || b == Long.MAX_VALUE || b == Long.MIN_VALUE) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "cannot subtract infinite timestamps");
        }
        long diff;
        try {
            diff = Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            throw outOfRange("interval");
        }
        return justifyHours(new Interval(0, 0, diff));
    }

    /** interval_justify_hours: whole days out of the time part, signs made consistent. */
    static Interval justifyHours(Interval iv) {
        long wholeDays = iv.micros() / USECS_PER_DAY;
        long time = iv.micros() - wholeDays * USECS_PER_DAY;
        long days = iv.days() + wholeDays;
        if (days > 0 && time < 0) {
            time += USECS_PER_DAY;
            days--;
        } else if (days < 0 && time > 0) {
            time -= USECS_PER_DAY;
            days++;
        }
        if (days > Integer.MAX_VALUE || days < Integer.MIN_VALUE) {
            throw outOfRange("interval");
        }
        return new Interval(iv.months(), (int) days, time);
    }
}
