package io.tuskdb.session.settings;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * TimeZone: IANA zone names (matched case-insensitively and shown in their canonical spelling, as PostgreSQL's
 * pg_tzset does), UTC/GMT, and offsets ("+05:30"). A bare number of hours is a POSIX-style offset east of
 * Greenwich, shown as PostgreSQL shows it ("<+05>-05").
 */
public final class TimeZoneSetting extends Setting {
    private static final Map<String, String> CANONICAL = new HashMap<>();

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
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
        String canonical = CANONICAL.get(s.toLowerCase(Locale.ROOT));
        if (canonical != null) {
            return canonical;
        }
        if (s.equalsIgnoreCase("local") || s.equalsIgnoreCase("default")) {
            return "UTC";
        }
        try {
            int hours = Integer.parseInt(s);
            if (hours < -15 || hours > 15) {
                throw invalidValue(input);
            }
            String abbrev = String.format("%s%02d", hours >= 0 ? "+" : "-", Math.abs(hours));
            String posix = hours == 0 ? "00" : String.format("%s%02d", hours >= 0 ? "-" : "+", Math.abs(hours));
            return "<" + abbrev + ">" + posix;
        } catch (NumberFormatException ignored) {
            // not a bare number
        }
        try {
            ZoneId.of(s);
            return s;
        } catch (DateTimeException e) {
            throw invalidValue(input);
        }
    }

    /** The zone a normalised value stands for. */
    public static ZoneId zone(String normalized) {
        if (normalized.startsWith("<")) {
            String abbrev = normalized.substring(1, normalized.indexOf('>'));
            return ZoneOffset.of(abbrev.length() == 3 ? abbrev : abbrev);
        }
        return ZoneId.of(normalized);
    }
}
