package io.tuskdb.types;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * date, time, timestamp and timestamptz output per DateStyle (datetime.c {@code EncodeDateOnly},
 * {@code EncodeTimeOnly}, {@code EncodeDateTime}). Infinities are the sentinels documented on {@link PgType}.
 */
final class DateTimeFormat {
    private DateTimeFormat() {
    }

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final DateTimeFormatter ZONE_ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.US);

    static String date(LocalDate d, FormatSettings s) {
        if (d.equals(LocalDate.MAX)) {
            return "infinity";
        }
        if (d.equals(LocalDate.MIN)) {
            return "-infinity";
        }
        StringBuilder out = new StringBuilder(16);
        appendDate(out, d, s);
        appendBc(out, d.getYear());
        return out.toString();
    }

    static String time(LocalTime t) {
        if (t.equals(LocalTime.MAX)) {
            return "24:00:00";
        }
        StringBuilder out = new StringBuilder(16);
        appendTime(out, t);
        return out.toString();
    }

    static String timestamp(LocalDateTime ts, FormatSettings s) {
        if (ts.equals(LocalDateTime.MAX)) {
            return "infinity";
        }
        if (ts.equals(LocalDateTime.MIN)) {
            return "-infinity";
        }
        return dateTime(ts, null, s);
    }

    static String timestamptz(Instant instant, FormatSettings s) {
        if (instant.equals(Instant.MAX)) {
            return "infinity";
        }
        if (instant.equals(Instant.MIN)) {
            return "-infinity";
        }
        ZonedDateTime z = instant.atZone(s.timeZone());
        return dateTime(z.toLocalDateTime(), z, s);
    }

    private static String dateTime(LocalDateTime ts, ZonedDateTime zoned, FormatSettings s) {
        StringBuilder out = new StringBuilder(40);
        LocalDate d = ts.toLocalDate();
        switch (s.dateStyleOutput()) {
            case "SQL", "German" -> {
                appendDate(out, d, s);
                out.append(' ');
                appendTime(out, ts.toLocalTime());
                if (zoned != null) {
                    out.append(' ').append(abbreviation(zoned));
                }
            }
            case "Postgres" -> {
                out.append(DAYS[d.getDayOfWeek().getValue() - 1]).append(' ');
                if ("DMY".equals(s.dateOrder())) {
                    pad2(out, d.getDayOfMonth());
                    out.append(' ').append(MONTHS[d.getMonthValue() - 1]);
                } else {
                    out.append(MONTHS[d.getMonthValue() - 1]).append(' ');
                    pad2(out, d.getDayOfMonth());
                }
                out.append(' ');
                appendTime(out, ts.toLocalTime());
                out.append(' ');
                appendYear(out, d.getYear());
                if (zoned != null) {
                    out.append(' ').append(abbreviation(zoned));
                }
            }
            default -> {
                appendDate(out, d, s);
                out.append(' ');
                appendTime(out, ts.toLocalTime());
                if (zoned != null) {
                    appendOffset(out, zoned.getOffset().getTotalSeconds());
                }
            }
        }
        appendBc(out, d.getYear());
        return out.toString();
    }

    private static void appendDate(StringBuilder out, LocalDate d, FormatSettings s) {
        int month = d.getMonthValue();
        int day = d.getDayOfMonth();
        boolean dmy = "DMY".equals(s.dateOrder());
        switch (s.dateStyleOutput()) {
            case "SQL" -> appendNumericDate(out, dmy ? day : month, dmy ? month : day, '/', d.getYear());
            case "German" -> appendNumericDate(out, day, month, '.', d.getYear());
            case "Postgres" -> appendNumericDate(out, dmy ? day : month, dmy ? month : day, '-', d.getYear());
            default -> {
                appendYear(out, d.getYear());
                out.append('-');
                pad2(out, month);
                out.append('-');
                pad2(out, day);
            }
        }
    }

    private static void appendNumericDate(StringBuilder out, int first, int second, char separator, int year) {
        pad2(out, first);
        out.append(separator);
        pad2(out, second);
        out.append(separator);
        appendYear(out, year);
    }

    private static void appendYear(StringBuilder out, int year) {
        int shown = year > 0 ? year : 1 - year;
        String digits = Integer.toString(shown);
        for (int i = digits.length(); i < 4; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    private static void appendBc(StringBuilder out, int year) {
        if (year <= 0) {
            out.append(" BC");
        }
    }

    static void appendTime(StringBuilder out, LocalTime t) {
        pad2(out, t.getHour());
        out.append(':');
        pad2(out, t.getMinute());
        out.append(':');
        pad2(out, t.getSecond());
        appendFraction(out, t.getNano() / 1000);
    }

    /** ".ffffff" without trailing zeros, nothing for zero (AppendSeconds). */
    static void appendFraction(StringBuilder out, int micros) {
        if (micros == 0) {
            return;
        }
        out.append('.');
        String digits = Integer.toString(micros);
        for (int i = digits.length(); i < 6; i++) {
            out.append('0');
        }
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        out.append(digits, 0, end);
    }

    /** EncodeTimezone for ISO: +hh, +hh:mm or +hh:mm:ss. */
    static void appendOffset(StringBuilder out, int offsetSeconds) {
        out.append(offsetSeconds >= 0 ? '+' : '-');
        int sec = Math.abs(offsetSeconds);
        int min = sec / 60;
        sec -= min * 60;
        int hour = min / 60;
        min -= hour * 60;
        pad2(out, hour);
        if (sec != 0) {
            out.append(':');
            pad2(out, min);
            out.append(':');
            pad2(out, sec);
        } else if (min != 0) {
            out.append(':');
            pad2(out, min);
        }
    }

    /** The zone abbreviation PostgreSQL prints in non-ISO styles ("CET", "CEST", "UTC", or "+03"). */
    private static String abbreviation(ZonedDateTime z) {
        ZoneId zone = z.getZone();
        String fixed = TimeZones.fixedAbbreviation(zone);
        if (fixed != null) {
            return fixed;
        }
        if (zone instanceof ZoneOffset offset) {
            StringBuilder out = new StringBuilder();
            appendOffset(out, offset.getTotalSeconds());
            return out.toString();
        }
        if (isLocalMeanTime(zone, z)) {
            return "LMT";
        }
        String name = ZONE_ABBREVIATION.format(z);
        // tz ids Java has no letters for format as themselves; UTC and GMT are real abbreviations PostgreSQL prints
        boolean letters = name.equals("UTC") || name.equals("GMT");
        if (name.startsWith("GMT+") || name.startsWith("GMT-") || name.equals(zone.getId()) && !letters) {
            // tzdata uses numeric abbreviations ("+03") where no letters are in use
            StringBuilder out = new StringBuilder();
            int total = z.getOffset().getTotalSeconds();
            out.append(total >= 0 ? '+' : '-');
            int abs = Math.abs(total) / 60;
            pad2(out, abs / 60);
            if (abs % 60 != 0) {
                pad2(out, abs % 60);
            }
            return out.toString();
        }
        return name;
    }

    /**
     * The tz database starts a region's history with its local mean time, which PostgreSQL prints as "LMT"; Java
     * names it like the zone's later standard time. Zones defined by rules alone begin on a whole offset instead.
     */
    private static boolean isLocalMeanTime(ZoneId zone, ZonedDateTime z) {
        java.time.zone.ZoneRules rules = zone.getRules();
        java.time.zone.ZoneOffsetTransition first = rules.nextTransition(Instant.MIN);
        return first != null && z.toInstant().isBefore(first.getInstant())
                && first.getOffsetBefore().getTotalSeconds() % 900 != 0;
    }

    static void pad2(StringBuilder out, int v) {
        if (v < 10) {
            out.append('0');
        }
        out.append(v);
    }

    static String monthName(int month) {
        return MONTHS[month - 1];
    }

    static String zoneDisplay(ZoneId zone) {
        return zone.getDisplayName(TextStyle.SHORT, Locale.US);
    }
}
