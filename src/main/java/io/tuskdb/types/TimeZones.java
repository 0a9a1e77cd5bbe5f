package io.tuskdb.types;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Time zone names as the TimeZone setting and AT TIME ZONE read them: tz database names (case-insensitive),
 * the abbreviations of PostgreSQL's "Default" set (fixed offsets), and POSIX-style offsets, where "+05" and
 * "UTC+5" mean five hours WEST of Greenwich.
 */
public final class TimeZones {
    private TimeZones() {
    }

    /** The zone for {@code name}; 22023 {@code time zone "x" not recognized} when there is none. */
    public static ZoneId parse(String name) {
        String s = name.strip();
        ZoneId named = DateTimeParser.zoneByName(s.toLowerCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        Integer abbreviation = DateTimeParser.abbreviationOffset(s.toLowerCase(Locale.ROOT));
        if (abbreviation != null) {
            return ZoneOffset.ofTotalSeconds(abbreviation);
        }
        String upper = s.toUpperCase(Locale.ROOT);
        String posix = s;
        if (upper.startsWith("UTC") || upper.startsWith("GMT")) {
            posix = s.substring(3);
        }
        ZoneOffset offset = posixOffset(posix);
        if (offset != null) {
            return offset;
        }
        throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "time zone \"" + name + "\" not recognized");
    }

    private static ZoneOffset posixOffset(String s) {
        if (s.isEmpty()) {
            return null;
        }
        int sign = 1;
        int i = 0;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            sign = s.charAt(0) == '-' ? -1 : 1;
            i = 1;
        }
        String[] parts = s.substring(i).split(":", -1);
        if (parts.length > 3) {
            return null;
        }
        int seconds = 0;
        int[] multipliers = {3600, 60, 1};
        for (int p = 0; p < parts.length; p++) {
            String part = parts[p];
            if (part.isEmpty() || part.length() > 2 || !part.chars().allMatch(Character::isDigit)) {
                return null;
            }
            seconds += Integer.parseInt(part) * multipliers[p];
        }
        if (seconds > 18 * 3600) {
            return null;
        }
        // POSIX: positive means west of Greenwich
        return ZoneOffset.ofTotalSeconds(-sign * seconds);
    }
}
