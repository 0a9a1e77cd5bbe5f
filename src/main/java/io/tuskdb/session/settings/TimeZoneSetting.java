package io.tuskdb.session.settings;

import io.tuskdb.error.PgException;
import io.tuskdb.types.FormatSettings;
import io.tuskdb.types.Interval;
import io.tuskdb.types.PgType;
import io.tuskdb.types.TimeZones;
import io.tuskdb.types.TypeIO;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * TimeZone, as PostgreSQL's check_timezone reads it (commands/variable.c), parsed by
 * {@link TimeZones#parseSetting}: tz database names (shown in their canonical spelling), a number of hours or
 * {@code INTERVAL '...'} (SQL sign convention: positive is east of Greenwich, shown as pg_tzset_offset names it:
 * "<+05:30>-05:30"), and POSIX zone strings such as "+02:00" or "UTC+3" (positive is west), kept as written.
 */
public final class TimeZoneSetting extends Setting {
    private static final Map<String, String> CANONICAL = new HashMap<>();
    /** PostgreSQL's tzdata zones Java's tzdb lacks (TimeZones provides their rules). */
    private static final Set<String> FIXED = Set.of("EST", "MST", "HST");

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            CANONICAL.put(id.toLowerCase(Locale.ROOT), id);
        }
        for (String id : FIXED) {
            CANONICAL.put(id.toLowerCase(Locale.ROOT), id);
        }
        CANONICAL.put("utc", "UTC");
        CANONICAL.put("gmt", "GMT");
        CANONICAL.put("z", "UTC");
        CANONICAL.put("zulu", "Zulu");
    }

    public TimeZoneSetting() {
        super("TimeZone", GucContext.USER, true, "UTC", "Sets the time zone for displaying and interpreting time stamps.");
    }

    @Override
    public String normalize(String input, String current) {
        String s = input.trim();
        if (s.equalsIgnoreCase("local") || s.equalsIgnoreCase("default")) {
            return "UTC";
        }
        if (s.regionMatches(true, 0, "interval", 0, 8)) {
            return offsetNameChecked(-intervalSeconds(input, s.substring(8).trim()), input);
        }
        ZoneId zone;
        try {
            zone = TimeZones.parseSetting(s); // the one parser of zone names and POSIX strings
        } catch (PgException e) {
            throw invalidValue(input);
        }
        if (hours(s) != null && zone instanceof ZoneOffset offset) {
            // "Here we change from SQL to Unix sign convention" (check_timezone)
            return offsetNameChecked(-offset.getTotalSeconds(), input);
        }
        String canonical = CANONICAL.get(s.toLowerCase(Locale.ROOT));
        return canonical != null ? canonical : s; // a POSIX string stays as written
    }

    /** strtod of the whole string: a number of hours east of Greenwich; null when not a number. */
    private static Double hours(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("+-.eE0123456789".indexOf(s.charAt(i)) < 0) {
                return null;
            }
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** INTERVAL 'text': its time part in seconds; months or days are refused as PostgreSQL does. */
    private long intervalSeconds(String input, String quoted) {
        if (quoted.length() < 2 || quoted.charAt(0) != '\'' || quoted.indexOf('\'', 1) != quoted.length() - 1) {
            throw invalidValue(input);
        }
        Interval interval;
        try {
            interval = (Interval) TypeIO.fromText(PgType.INTERVAL, quoted.substring(1, quoted.length() - 1),
                    FormatSettings.DEFAULT);
        } catch (PgException e) {
            throw invalidValue(input);
        }
        if (interval.months() != 0) {
            throw invalidValue(input).withDetail("Cannot specify months in time zone interval.");
        }
        if (interval.days() != 0) {
            throw invalidValue(input).withDetail("Cannot specify days in time zone interval.");
        }
        return interval.micros() / 1_000_000;
    }

    /**
     * pg_tzset_offset's name for a fixed offset given in seconds WEST of Greenwich: "<-07:30>+07:30" for 27000.
     * Java's offsets end at 18 hours; PostgreSQL's reach further, refused here.
     */
    private String offsetNameChecked(long gmtOffset, String input) {
        if (Math.abs(gmtOffset) > 18 * 3600) {
            throw invalidValue(input);
        }
        return offsetName(gmtOffset);
    }

    private static String offsetName(long gmtOffset) {
        long abs = Math.abs(gmtOffset);
        StringBuilder sb = new StringBuilder(String.format("%02d", abs / 3600));
        abs %= 3600;
        if (abs != 0) {
            sb.append(String.format(":%02d", abs / 60));
            abs %= 60;
            if (abs != 0) {
                sb.append(String.format(":%02d", abs));
            }
        }
        return gmtOffset > 0 ? "<-" + sb + ">+" + sb : "<+" + sb + ">-" + sb;
    }

    /** The zone a normalised value stands for. */
    public static ZoneId zone(String normalized) {
        if (normalized.startsWith("<")) {
            // a plain offset prints its abbreviation as PostgreSQL's "<-07:30>" name does
            return ZoneOffset.of(normalized.substring(1, normalized.indexOf('>')));
        }
        if (CANONICAL.containsKey(normalized.toLowerCase(Locale.ROOT)) && !FIXED.contains(normalized)) {
            return ZoneId.of(normalized);
        }
        return TimeZones.parseSetting(normalized);
    }
}
