package io.tuskdb.sql.functions;

import io.tuskdb.types.Interval;

import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * to_char for timestamps, timestamptz and intervals (formatting.c DCH_to_char): the template patterns YYYY,
 * MM, DD, HH24, MI, SS, MS, US, FF1-6, Month/Mon/Day/Dy in their three capitalisations, AM/PM, BC/AD, Q, WW, IW,
 * IYYY, D, ID, DDD, IDDD, J, CC, W, RM, TZ/TZH/TZM/OF, the FM and TH/th modifiers, "quoted text" and a
 * backslash before a double quote.
 */
final class ToChar {
    private ToChar() {
    }

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"};
    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday"};
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};

    /** Keywords in matching order: longer ones first where one is a prefix of another. */
    private static final String[] KEYWORDS = {
            "A.D.", "A.M.", "AD", "AM", "B.C.", "BC", "CC", "DAY", "DDD", "DD", "DY", "D", "FF1", "FF2", "FF3",
            "FF4", "FF5", "FF6", "HH24", "HH12", "HH", "IDDD", "ID", "IW", "IYYY", "IYY", "IY", "I", "J", "MI", "MM",
            "MONTH", "MON", "MS", "OF", "P.M.", "PM", "Q", "RM", "SSSSS", "SSSS", "SS", "TZH", "TZM", "TZ", "US",
            "WW", "W", "Y,YYY", "YYYY", "YYY", "YY", "Y"};

    /**
     * The fields of the value being formatted; for an interval, hours may exceed 23 and the date fields are the
     * interval's own.
     */
    record Fields(long year, int month, long day, long hour, int minute, int second, int micros, int dayOfWeek,
                  int dayOfYear, long julian, int isoYear, int isoWeek, String zoneAbbreviation,
                  int offsetSeconds, boolean hasZone) {
    }

    static Fields of(LocalDateTime t, String zoneAbbreviation, int offsetSeconds, boolean hasZone) {
        return new Fields(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
                t.getSecond(), t.getNano() / 1000, t.getDayOfWeek().getValue() % 7, t.getDayOfYear(),
                t.toLocalDate().toEpochDay() + 2_440_588L, t.toLocalDate().get(IsoFields.WEEK_BASED_YEAR),
                t.toLocalDate().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), zoneAbbreviation, offsetSeconds, hasZone);
    }

    static Fields of(Interval iv) {
        long time = iv.micros();
        long hour = time / 3_600_000_000L;
        time -= hour * 3_600_000_000L;
        int minute = (int) (time / 60_000_000L);
        time -= minute * 60_000_000L;
        int second = (int) (time / 1_000_000L);
        int micros = (int) (time - second * 1_000_000L);
        return new Fields(iv.months() / 12, iv.months() % 12, iv.days(), hour, minute, second, micros, 0, 0, 0,
                0, 0, "", 0, false);
    }

    static String format(Fields f, String template, boolean interval) {
        StringBuilder out = new StringBuilder(template.length() + 16);
        int i = 0;
        int n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            if (c == '"') {
                i = quoted(template, i, ch -> out.append((char) ch));
                continue;
            }
            if (c == '\\' && i + 1 < n && template.charAt(i + 1) == '"') {
                out.append('"');
                i += 2;
                continue;
            }
            boolean fill = false;
            if (template.regionMatches(true, i, "FM", 0, 2)) {
                fill = true;
                i += 2;
            }
            String keyword = match(template, i);
            if (keyword == null) {
                if (fill) {
                    // a lone FM is dropped
                    continue;
                }
                out.append(c);
                i++;
                continue;
            }
            String written = template.substring(i, i + keyword.length());
            i += keyword.length();
            String suffix = null;
            if (template.regionMatches(i, "TH", 0, 2)) {
                suffix = "TH";
                i += 2;
            } else if (template.regionMatches(i, "th", 0, 2)) {
                suffix = "th";
                i += 2;
            }
            appendKeyword(out, keyword, written, f, fill, suffix, interval);
        }
        return out.toString();
    }

    /**
     * Passes the characters of a "quoted" run (starting at the opening quote, a backslash escaping the next
     * character) to {@code sink}; returns the index after the closing quote. Shared by every template parser.
     */
    static int quoted(String template, int i, java.util.function.IntConsumer sink) {
        i++;
        while (i < template.length() && template.charAt(i) != '"') {
            if (template.charAt(i) == '\\' && i + 1 < template.length()) {
                i++;
            }
            sink.accept(template.charAt(i));
            i++;
        }
        return i + 1;
    }

    private static String match(String template, int at) {
        for (String k : KEYWORDS) {
            if (template.regionMatches(true, at, k, 0, k.length())) {
                return k;
            }
        }
        return null;
    }

    private static void appendNumber(StringBuilder out, long v, int width, boolean fill, String suffix) {
        String digits = Long.toString(Math.abs(v));
        if (v < 0) {
            out.append('-');
        }
        if (!fill) {
            for (int k = digits.length(); k < width; k++) {
                out.append('0');
            }
        }
        out.append(digits);
        if (suffix != null) {
            String th = ordinal(Math.abs(v));
            out.append(suffix.equals("TH") ? th.toUpperCase(Locale.ROOT) : th);
        }
    }

    private static String ordinal(long v) {
        long lastTwo = v % 100;
        if (lastTwo >= 11 && lastTwo <= 13) {
            return "th";
        }
        return switch ((int) (v % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    /** Month/day names: UPPER, Capitalised or lower as written, padded to 9 unless FM. */
    private static void appendName(StringBuilder out, String name, String written, boolean fill, int width) {
        String cased;
        if (Character.isUpperCase(written.charAt(0)) && written.length() > 1 && Character.isUpperCase(written.charAt(1))) {
            cased = name.toUpperCase(Locale.ROOT);
        } else if (Character.isUpperCase(written.charAt(0))) {
            cased = name;
        } else {
            cased = name.toLowerCase(Locale.ROOT);
        }
        out.append(cased);
        if (!fill) {
            for (int k = cased.length(); k < width; k++) {
                out.append(' ');
            }
        }
    }

    private static final java.util.Set<String> INVALID_FOR_INTERVAL = java.util.Set.of("A.D.", "AD", "B.C.", "BC", "D",
            "ID", "DAY", "DY", "MON", "MONTH", "OF", "TZ", "TZH", "TZM");

    private static void appendKeyword(StringBuilder out, String keyword, String written, Fields f, boolean fill,
                                      String suffix, boolean interval) {
        if (interval && INVALID_FOR_INTERVAL.contains(keyword)) {
            throw new io.tuskdb.error.PgException(io.tuskdb.error.SqlState.INVALID_DATETIME_FORMAT,
                    "invalid format specification for an interval value")
                    .withHint("Intervals are not tied to specific calendar dates.");
        }
        long year = f.year() > 0 || interval ? f.year() : 1 - f.year();
        boolean upper = Character.isUpperCase(written.charAt(0));
        switch (keyword) {
            case "A.D.", "B.C." -> out.append(f.year() > 0 || interval ? (upper ? "A.D." : "a.d.") : (upper ? "B.C." : "b.c."));
            case "AD", "BC" -> out.append(f.year() > 0 || interval ? (upper ? "AD" : "ad") : (upper ? "BC" : "bc"));
            case "A.M.", "P.M." -> out.append(f.hour() % 24 < 12 ? (upper ? "A.M." : "a.m.") : (upper ? "P.M." : "p.m."));
            case "AM", "PM" -> out.append(f.hour() % 24 < 12 ? (upper ? "AM" : "am") : (upper ? "PM" : "pm"));
            case "CC" -> appendNumber(out, year > 0 ? (year - 1) / 100 + 1 : -((99 - (year - 1)) / 100), 2, fill, suffix);
            case "DAY", "DY" -> {
                String name = DAYS[f.dayOfWeek()];
                appendName(out, keyword.equals("DY") ? name.substring(0, 3) : name, written, fill,
                        keyword.equals("DY") ? 3 : 9);
            }
            case "DDD" -> appendNumber(out, f.dayOfYear(), 3, fill, suffix);
            case "DD" -> appendNumber(out, f.day(), 2, fill, suffix);
            case "D" -> appendNumber(out, f.dayOfWeek() + 1, 1, fill, suffix);
            case "FF1", "FF2", "FF3", "FF4", "FF5", "FF6" -> {
                int digits = keyword.charAt(2) - '0';
                appendNumber(out, f.micros() / (long) Math.pow(10, 6 - digits), digits, false, suffix);
            }
            case "HH24" -> appendNumber(out, f.hour(), 2, fill, suffix);
            case "HH12", "HH" -> {
                long h = f.hour() % 12;
                appendNumber(out, h == 0 ? 12 : h, 2, fill, suffix);
            }
            case "IDDD" -> appendNumber(out, (f.isoWeek() - 1) * 7L + (f.dayOfWeek() == 0 ? 7 : f.dayOfWeek()), 3, fill, suffix);
            case "ID" -> appendNumber(out, f.dayOfWeek() == 0 ? 7 : f.dayOfWeek(), 1, fill, suffix);
            case "IW" -> appendNumber(out, f.isoWeek(), 2, fill, suffix);
            case "IYYY" -> appendNumber(out, f.isoYear(), 4, fill, suffix);
            case "IYY" -> appendNumber(out, f.isoYear() % 1000, 3, fill, suffix);
            case "IY" -> appendNumber(out, f.isoYear() % 100, 2, fill, suffix);
            case "I" -> appendNumber(out, f.isoYear() % 10, 1, fill, suffix);
            case "J" -> appendNumber(out, f.julian(), 1, fill, suffix);
            case "MI" -> appendNumber(out, f.minute(), 2, fill, suffix);
            case "MM" -> appendNumber(out, f.month(), 2, fill, suffix);
            case "MONTH", "MON" -> {
                if (f.month() < 1) {
                    break;
                }
                String name = MONTHS[f.month() - 1];
                appendName(out, keyword.equals("MON") ? name.substring(0, 3) : name, written, fill,
                        keyword.equals("MON") ? 3 : 9);
            }
            case "MS" -> appendNumber(out, f.micros() / 1000, 3, fill, suffix);
            case "US" -> appendNumber(out, f.micros(), 6, fill, suffix);
            case "OF" -> {
                int off = f.offsetSeconds();
                out.append(off >= 0 ? '+' : '-');
                int abs = Math.abs(off);
                appendNumber(out, abs / 3600, 2, fill, null);
                if (abs % 3600 != 0) {
                    out.append(':');
                    appendNumber(out, (abs % 3600) / 60, 2, false, null);
                }
            }
            case "Q" -> appendNumber(out, (f.month() - 1) / 3 + 1, 1, fill, suffix);
            case "RM" -> {
                if (f.month() >= 1) {
                    String roman = ROMAN[f.month() - 1];
                    roman = upper ? roman : roman.toLowerCase(Locale.ROOT);
                    out.append(roman);
                    if (!fill) {
                        for (int k = roman.length(); k < 4; k++) {
                            out.append(' ');
                        }
                    }
                }
            }
            case "SSSSS", "SSSS" -> appendNumber(out, f.hour() * 3600 + f.minute() * 60L + f.second(), 1, fill, suffix);
            case "SS" -> appendNumber(out, f.second(), 2, fill, suffix);
            case "TZH" -> {
                int off = f.offsetSeconds();
                out.append(off >= 0 ? '+' : '-');
                appendNumber(out, Math.abs(off) / 3600, 2, fill, null);
            }
            case "TZM" -> appendNumber(out, (Math.abs(f.offsetSeconds()) % 3600) / 60, 2, fill, null);
            case "TZ" -> {
                String abbreviation = f.zoneAbbreviation();
                out.append(upper ? abbreviation : abbreviation.toLowerCase(Locale.ROOT));
            }
            case "WW" -> appendNumber(out, (f.dayOfYear() - 1) / 7 + 1, 2, fill, suffix);
            case "W" -> appendNumber(out, (f.day() - 1) / 7 + 1, 1, fill, suffix);
            case "Y,YYY" -> {
                out.append(year / 1000).append(',');
                appendNumber(out, year % 1000, 3, false, suffix);
            }
            case "YYYY" -> appendNumber(out, year, 4, fill, suffix);
            case "YYY" -> appendNumber(out, year % 1000, 3, fill, suffix);
            case "YY" -> appendNumber(out, year % 100, 2, fill, suffix);
            case "Y" -> appendNumber(out, year % 10, 1, fill, suffix);
            default -> out.append(written);
        }
    }
}
