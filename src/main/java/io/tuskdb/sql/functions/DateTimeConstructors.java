package io.tuskdb.sql.functions;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.types.Casts;
import io.tuskdb.types.Interval;
import io.tuskdb.types.TimeZones;
import io.tuskdb.types.TypeIO;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;

import static io.tuskdb.sql.functions.Volatility.IMMUTABLE;
import static io.tuskdb.sql.functions.Volatility.STABLE;
import static io.tuskdb.types.PgType.FLOAT8;
import static io.tuskdb.types.PgType.INT4;
import static io.tuskdb.types.PgType.INTERVAL;
import static io.tuskdb.types.PgType.TEXT;
import static io.tuskdb.types.PgType.TIME;
import static io.tuskdb.types.PgType.TIMESTAMP;
import static io.tuskdb.types.PgType.TIMESTAMPTZ;

/** make_time, make_timestamp, make_timestamptz and date_bin (date.c, timestamp.c). */
final class DateTimeConstructors {
    private DateTimeConstructors() {
    }

    private static final long USECS_PER_DAY = 86_400_000_000L;

    static void register(Registry r) {
        r.fn("make_time", TIME, IMMUTABLE, (c, a) -> makeTime((Integer) a[0], (Integer) a[1], (Double) a[2]),
                INT4, INT4, FLOAT8);
        r.fn("make_timestamp", TIMESTAMP, IMMUTABLE, (c, a) -> makeTimestamp(a), INT4, INT4, INT4, INT4, INT4, FLOAT8);
        r.fn("make_timestamptz", TIMESTAMPTZ, STABLE, (c, a) ->
                zoned(makeTimestamp(a), AnyText.settings(c).timeZone()), INT4, INT4, INT4, INT4, INT4, FLOAT8);
        r.fn("make_timestamptz", TIMESTAMPTZ, STABLE, (c, a) ->
                zoned(makeTimestamp(a), TimeZones.parse((String) a[6])), INT4, INT4, INT4, INT4, INT4, FLOAT8, TEXT);
        r.fn("date_bin", TIMESTAMP, IMMUTABLE, (c, a) -> TypeIO.timestampFromPg(bin((Interval) a[0],
                TypeIO.timestampToPg((LocalDateTime) a[1]), TypeIO.timestampToPg((LocalDateTime) a[2]))),
                INTERVAL, TIMESTAMP, TIMESTAMP);
        r.fn("date_bin", TIMESTAMPTZ, IMMUTABLE, (c, a) -> TypeIO.timestamptzFromPg(bin((Interval) a[0],
                TypeIO.timestamptzToPg((Instant) a[1]), TypeIO.timestamptzToPg((Instant) a[2]))),
                INTERVAL, TIMESTAMPTZ, TIMESTAMPTZ);
    }

    private static Instant zoned(LocalDateTime local, ZoneId zone) {
        return Casts.timestampToTimestamptz(local, zone);
    }

    /** float_time_overflows, then the time of day in microseconds (seconds rounded with rint). */
    private static long timeMicros(int hour, int minute, double second) {
        boolean overflow = hour < 0 || hour > 24 || minute < 0 || minute >= 60
                || Double.isNaN(second) || second < 0 || second > 60;
        long micros = 0;
        if (!overflow) {
            micros = (hour * 60L + minute) * 60 * 1_000_000 + (long) Math.rint(second * 1_000_000);
            overflow = micros > USECS_PER_DAY;
        }
        if (overflow) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "time field value out of range: " + hour + ":"
                    + String.format(Locale.ROOT, "%02d", minute) + ":" + cG02(second));
        }
        return micros;
    }

    /** C's {@code %02g}: six significant digits, trailing zeros dropped, at least two characters. */
    private static String cG02(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        String s = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        return s.length() < 2 ? "0" + s : s;
    }

    private static LocalTime makeTime(int hour, int minute, double second) {
        return TypeIO.timeFromMicros(timeMicros(hour, minute, second));
    }

    /** make_timestamp_internal: negative years are BC; the time may reach 24:00:00 (the next day). */
    private static LocalDateTime makeTimestamp(Object[] a) {
        int year = (Integer) a[0];
        int month = (Integer) a[1];
        int day = (Integer) a[2];
        LocalDate date;
        try {
            if (year == 0) {
                throw new DateTimeException("year zero");
            }
            date = LocalDate.of(year > 0 ? year : year + 1, month, day);
        } catch (DateTimeException e) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "date field value out of range: " + year + "-"
                    + String.format(Locale.ROOT, "%02d-%02d", month, day));
        }
        long micros = timeMicros((Integer) a[3], (Integer) a[4], (Double) a[5]);
        LocalDateTime result = date.atStartOfDay().plusNanos(micros * 1000);
        try {
            return DateTimeOperators.checkTimestamp(result);
        } catch (PgException e) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range: " + year + "-"
                    + String.format(Locale.ROOT, "%02d-%02d %d:%02d:", month, day, (Integer) a[3], (Integer) a[4]) + cG02((Double) a[5]));
        }
    }

    /** timestamp_bin / timestamptz_bin: bins of {@code stride} counted from {@code origin}, rounded toward -infinity. */
    static long bin(Interval stride, long timestamp, long origin) {
        if (timestamp == Long.MAX_VALUE || timestamp == Long.MIN_VALUE) {
            return timestamp;
        }
        if (origin == Long.MAX_VALUE || origin == Long.MIN_VALUE) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "origin out of range");
        }
        if (stride.months() != 0) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    "timestamps cannot be binned into intervals containing months or years");
        }
        long strideMicros;
        long diff;
        try {
            strideMicros = Math.addExact(Math.multiplyExact((long) stride.days(), USECS_PER_DAY), stride.micros());
            diff = strideMicros <= 0 ? 0 : Math.subtractExact(timestamp, origin);
        } catch (ArithmeticException e) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "interval out of range");
        }
        if (strideMicros <= 0) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "stride must be greater than zero");
        }
        long modulo = diff % strideMicros;
        long result = origin + (diff - modulo);
        if (modulo < 0) {
            try {
                result = Math.subtractExact(result, strideMicros);
            } catch (ArithmeticException e) {
                throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
            }
        }
        DateTimeOperators.checkTimestamp(TypeIO.timestampFromPg(result));
        return result;
    }
}
