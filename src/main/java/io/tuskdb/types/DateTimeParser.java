package io.tuskdb.types;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * date, time, timestamp and timestamptz text input: a compact version of datetime.c's {@code ParseDateTime} and
 * {@code DecodeDateTime}. Accepts ISO 8601 forms (with 'T'), the forms every DateStyle prints, month names,
 * ambiguous numeric dates read per DateStyle's field order, 2-digit years (1970..2069), AD/BC, am/pm, numeric
 * offsets, the zone abbreviations of PostgreSQL's "Default" set and tz database names, and the special values
 * epoch, infinity, -infinity, now, today, tomorrow, yesterday and allballs. "now" reads the clock, as TypeIO has no
 * transaction; the SQL engine folds now() itself.
 */
final class DateTimeParser {
    private DateTimeParser() {
    }

    enum Target { DATE, TIME, TIMESTAMP, TIMESTAMPTZ }

    /** PostgreSQL's "Default" abbreviation set (timezone/tznames/Default), seconds east of UTC. */
    private static final Map<String, Integer> ABBREVIATIONS = new HashMap<>();
    private static volatile Map<String, ZoneId> zonesByLowerName;

    static {
        Object[][] table = {
                {"utc", 0}, {"ut", 0}, {"gmt", 0}, {"z", 0}, {"zulu", 0},
                {"est", -5 * 3600}, {"edt", -4 * 3600}, {"cst", -6 * 3600}, {"cdt", -5 * 3600},
                {"mst", -7 * 3600}, {"mdt", -6 * 3600}, {"pst", -8 * 3600}, {"pdt", -7 * 3600},
                {"akst", -9 * 3600}, {"akdt", -8 * 3600}, {"hst", -10 * 3600}, {"ast", -4 * 3600},
                {"adt", -3 * 3600}, {"nst", -(3 * 3600 + 1800)}, {"ndt", -(2 * 3600 + 1800)},
                {"cet", 3600}, {"cest", 7200}, {"met", 3600}, {"mest", 7200}, {"eet", 7200}, {"eest", 10800},
                {"wet", 0}, {"west", 3600}, {"bst", 3600}, {"msk", 10800}, {"ist", 7200}, {"jst", 9 * 3600},
                {"kst", 9 * 3600}, {"hkt", 8 * 3600}, {"sgt", 8 * 3600}, {"aest", 10 * 3600}, {"aedt", 11 * 3600},
                {"acst", 9 * 3600 + 1800}, {"acdt", 10 * 3600 + 1800}, {"awst", 8 * 3600},
                {"nzst", 12 * 3600}, {"nzdt", 13 * 3600}, {"sast", 7200}, {"cat", 7200}, {"eat", 10800},
                {"wat", 3600}, {"pht", 8 * 3600},
        };
        for (Object[] row : table) {
            ABBREVIATIONS.put((String) row[0], (Integer) row[1]);
        }
    }

    private static final String[] MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december"};
    private static final String[] DAY_NAMES = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday"};

    static Integer abbreviationOffset(String lower) {
        return ABBREVIATIONS.get(lower);
    }

    static ZoneId zoneByName(String lower) {
        Map<String, ZoneId> zones = zonesByLowerName;
        if (zones == null) {
            Map<String, ZoneId> built = new HashMap<>();
            for (String id : ZoneId.getAvailableZoneIds()) {
                built.put(id.toLowerCase(Locale.ROOT), ZoneId.of(id));
            }
            zonesByLowerName = zones = built;
        }
        return zones.get(lower);
    }

    /** A parsed value being assembled, the fields of PostgreSQL's struct pg_tm. */
    private static final class Fields {
        Integer year;
        boolean yearTwoDigits;
        Integer month;
        Integer day;
        boolean monthFromNumber;
        Integer hour;
        int minute;
        int second;
        long micros;
        boolean hasTime;
        int ampm; // 0 none, 1 am, 2 pm
        boolean bc;
        ZoneId zone;
        /** {@link #zone} came from a dynamic abbreviation ("MSK"), see {@link TimeZones#localWithAbbreviation}. */
        boolean zoneIsAbbreviation;
        Integer offsetSeconds;
        String special;
        final List<String> looseNumbers = new ArrayList<>();
    }

    static Object parse(String text, Target target, FormatSettings settings) {
        String typeName = switch (target) {
            case DATE -> "date";
            case TIME -> "time";
            case TIMESTAMP -> "timestamp";
            case TIMESTAMPTZ -> "timestamp with time zone";
        };
        Fields f = new Fields();
        String trimmed = text.strip();
        if (trimmed.equalsIgnoreCase("-infinity")) {
            return switch (target) {
                case DATE -> LocalDate.MIN;
                case TIMESTAMP -> LocalDateTime.MIN;
                case TIMESTAMPTZ -> Instant.MIN;
                case TIME -> throw badSyntax(typeName, text);
            };
        }
        try {
            decode(text, f, settings, typeName);
        } catch (NumberFormatException e) {
            throw badSyntax(typeName, text);
        }
        return build(text, f, target, settings, typeName);
    }

    private static PgException badSyntax(String typeName, String text) {
        return new PgException(SqlState.INVALID_DATETIME_FORMAT,
                "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }

    private static PgException fieldOverflow(String text) {
        return new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"");
    }

    private static PgException monthDayOverflow(String text) {
        return fieldOverflow(text).withHint("Perhaps you need a different \"datestyle\" setting.");
    }

    private static void decode(String text, Fields f, FormatSettings settings, String typeName) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw badSyntax(typeName, text);
        }
        List<String> tokens = tokenize(s);
        for (String tok : tokens) {
            char c = tok.charAt(0);
            if (Character.isDigit(c) || (c == '.' && tok.length() > 1)) {
                if (tok.indexOf(':') >= 0) {
                    parseTime(tok, f, text, typeName);
                } else if (tok.indexOf('-') > 0 || tok.indexOf('/') > 0 || (tok.indexOf('.') > 0 && countChar(tok, '.') == 2)) {
                    parseDateToken(tok, f, settings, text, typeName);
                } else if (tok.length() == 8 && isDigits(tok) && f.year == null && f.month == null) {
                    setYear(f, tok.substring(0, 4));
                    f.month = Integer.parseInt(tok.substring(4, 6));
                    f.day = Integer.parseInt(tok.substring(6, 8));
                    f.monthFromNumber = true;
                } else if (isDigits(tok)) {
                    f.looseNumbers.add(tok);
                } else {
                    throw badSyntax(typeName, text);
                }
            } else if ((c == '+' || c == '-') && tok.length() > 1 && Character.isDigit(tok.charAt(1))) {
                if (f.offsetSeconds != null || f.zone != null) {
                    throw badSyntax(typeName, text);
                }
                f.offsetSeconds = parseOffset(tok.substring(1), text, typeName) * (c == '-' ? -1 : 1);
            } else if (Character.isLetter(c)) {
                parseWord(tok, f, text, typeName);
            } else {
                throw badSyntax(typeName, text);
            }
        }
        assembleLooseNumbers(f, text, typeName);
    }

    private static int countChar(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Splits on blanks and commas, at an ISO 'T' between date and time, and before a zone glued to a time. */
    private static List<String> tokenize(String s) {
        List<String> tokens = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
                continue;
            }
            int start = i;
            if (Character.isDigit(c) || c == '.') {
                boolean sawColon = false;
                while (i < n) {
                    char d = s.charAt(i);
                    if (Character.isDigit(d) || d == '.' || d == '/') {
                        i++;
                    } else if (d == ':') {
                        sawColon = true;
                        i++;
                    } else if (d == '-' && !sawColon) {
                        i++;
                    } else if (Character.isLetter(d) && !sawColon && i + 1 < n
                            && !(d == 't' && Character.isDigit(s.charAt(i + 1)))) {
                        // a month name inside a date: 02-jan-2024
                        i++;
                    } else {
                        break;
                    }
                }
                tokens.add(s.substring(start, i));
                if (i < n && s.charAt(i) == 't') {
                    i++; // ISO 8601 date/time separator
                }
            } else if (c == '+' || c == '-') {
                i++;
                while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == ':')) {
                    i++;
                }
                tokens.add(s.substring(start, i));
            } else if (Character.isLetter(c)) {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '/' || s.charAt(i) == '_'
                        || (s.charAt(i) == '-' && i + 1 < n && Character.isLetter(s.charAt(i + 1)))
                        || (s.charAt(i) == '+' && tokenHasSlash(s, start, i)))) {
                    i++;
                }
                tokens.add(s.substring(start, i));
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }

    private static boolean tokenHasSlash(String s, int start, int end) {
        return s.substring(start, end).indexOf('/') >= 0;
    }

    private static void parseTime(String tok, Fields f, String text, String typeName) {
        if (f.hasTime) {
            throw badSyntax(typeName, text);
        }
        String[] parts = tok.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw badSyntax(typeName, text);
        }
        if (!isDigits(parts[0])) {
            throw badSyntax(typeName, text);
        }
        f.hour = Integer.parseInt(parts[0]);
        String minutePart = parts[1];
        String secondPart = parts.length == 3 ? parts[2] : null;
        if (secondPart == null && minutePart.indexOf('.') >= 0) {
            throw badSyntax(typeName, text);
        }
        if (!isDigits(minutePart)) {
            throw badSyntax(typeName, text);
        }
        f.minute = Integer.parseInt(minutePart);
        if (secondPart != null) {
            int dot = secondPart.indexOf('.');
            String whole = dot >= 0 ? secondPart.substring(0, dot) : secondPart;
            if (!isDigits(whole)) {
                throw badSyntax(typeName, text);
            }
            f.second = Integer.parseInt(whole);
            if (dot >= 0) {
                String frac = secondPart.substring(dot + 1);
                if (!frac.isEmpty()) {
                    if (!isDigits(frac)) {
                        throw badSyntax(typeName, text);
                    }
                    // ParseFractionalSecond: rint to microseconds; 1000000 carries into the next second (and day)
                    f.micros = (long) Math.rint(Double.parseDouble("0." + frac) * 1_000_000);
                }
            }
        }
        f.hasTime = true;
    }

    private static int parseOffset(String body, String text, String typeName) {
        int h;
        int m = 0;
        int sec = 0;
        if (body.indexOf(':') >= 0) {
            String[] parts = body.split(":", -1);
            if (parts.length > 3) {
                throw badSyntax(typeName, text);
            }
            h = Integer.parseInt(parts[0]);
            m = Integer.parseInt(parts[1]);
            if (parts.length == 3) {
                sec = Integer.parseInt(parts[2]);
            }
        } else if (body.length() <= 2) {
            h = Integer.parseInt(body);
        } else if (body.length() <= 4) {
            h = Integer.parseInt(body.substring(0, body.length() - 2));
            m = Integer.parseInt(body.substring(body.length() - 2));
        } else if (body.length() <= 6) {
            h = Integer.parseInt(body.substring(0, body.length() - 4));
            m = Integer.parseInt(body.substring(body.length() - 4, body.length() - 2));
            sec = Integer.parseInt(body.substring(body.length() - 2));
        } else {
            throw badSyntax(typeName, text);
        }
        if (h > 15 || m > 59 || sec > 59) {
            throw new PgException(SqlState.INVALID_TIME_ZONE_DISPLACEMENT_VALUE,
                    "time zone displacement out of range: \"" + text + "\"");
        }
        return h * 3600 + m * 60 + sec;
    }

    private static int monthByName(String word) {
        if (word.length() < 3) {
            return 0;
        }
        for (int i = 0; i < 12; i++) {
            if (MONTH_NAMES[i].startsWith(word) || (word.equals("sept") && i == 8)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static boolean isDayName(String word) {
        if (word.length() < 3) {
            return false;
        }
        for (String d : DAY_NAMES) {
            if (d.startsWith(word) || word.equals("tues") || word.equals("wednes") || word.equals("thur")
                    || word.equals("thurs")) {
                return true;
            }
        }
        return false;
    }

    private static void parseWord(String word, Fields f, String text, String typeName) {
        switch (word) {
            case "am", "a.m." -> f.ampm = 1;
            case "pm", "p.m." -> f.ampm = 2;
            case "bc" -> f.bc = true;
            case "ad" -> {
            }
            case "epoch", "infinity", "now", "today", "tomorrow", "yesterday", "allballs" -> {
                if (f.special != null) {
                    throw badSyntax(typeName, text);
                }
                f.special = word;
            }
            case "at", "on" -> {
            }
            default -> {
                int month = monthByName(word);
                if (month > 0) {
                    if (f.month != null) {
                        throw badSyntax(typeName, text);
                    }
                    f.month = month;
                    return;
                }
                if (isDayName(word)) {
                    return;
                }
                ZoneId dynamic = TimeZones.dynamicAbbreviation(word);
                if (dynamic != null && f.zone == null && f.offsetSeconds == null) {
                    f.zone = dynamic;
                    f.zoneIsAbbreviation = true;
                    return;
                }
                Integer abbrev = ABBREVIATIONS.get(word);
                if (abbrev != null && f.zone == null && f.offsetSeconds == null) {
                    f.offsetSeconds = abbrev;
                    return;
                }
                ZoneId zone = zoneByName(word);
                if (zone != null && f.zone == null && f.offsetSeconds == null) {
                    f.zone = zone;
                    return;
                }
                throw badSyntax(typeName, text);
            }
        }
    }

    private static void setYear(Fields f, String digits) {
        f.year = Integer.parseInt(digits);
        f.yearTwoDigits = digits.length() <= 2;
    }

    private static void parseDateToken(String tok, Fields f, FormatSettings settings, String text, String typeName) {
        if (f.year != null || f.day != null) {
            throw badSyntax(typeName, text);
        }
        char sep = tok.indexOf('-') > 0 ? '-' : tok.indexOf('/') > 0 ? '/' : '.';
        String[] parts = tok.split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1);
        if (parts.length != 3) {
            throw badSyntax(typeName, text);
        }
        int textual = -1;
        for (int i = 0; i < 3; i++) {
            if (!isDigits(parts[i])) {
                int m = monthByName(parts[i]);
                if (m == 0 || textual >= 0) {
                    throw badSyntax(typeName, text);
                }
                textual = i;
                f.month = m;
            }
        }
        if (textual >= 0) {
            String[] rest = new String[2];
            int k = 0;
            for (int i = 0; i < 3; i++) {
                if (i != textual) {
                    rest[k++] = parts[i];
                }
            }
            boolean yearFirst = rest[0].length() > 2
                    || (rest[1].length() <= 2 && "YMD".equals(settings.dateOrder()) && textual == 1);
            if (yearFirst) {
                setYear(f, rest[0]);
                f.day = Integer.parseInt(rest[1]);
            } else {
                f.day = Integer.parseInt(rest[0]);
                setYear(f, rest[1]);
            }
            return;
        }
        f.monthFromNumber = true;
        if (parts[0].length() > 2 || "YMD".equals(settings.dateOrder())) {
            setYear(f, parts[0]);
            f.month = Integer.parseInt(parts[1]);
            f.day = Integer.parseInt(parts[2]);
        } else if ("DMY".equals(settings.dateOrder())) {
            f.day = Integer.parseInt(parts[0]);
            f.month = Integer.parseInt(parts[1]);
            setYear(f, parts[2]);
        } else {
            f.month = Integer.parseInt(parts[0]);
            f.day = Integer.parseInt(parts[1]);
            setYear(f, parts[2]);
        }
    }

    private static void assembleLooseNumbers(Fields f, String text, String typeName) {
        List<String> nums = f.looseNumbers;
        if (nums.isEmpty()) {
            return;
        }
        if (f.month == null || f.day != null || nums.size() > 2) {
            throw badSyntax(typeName, text);
        }
        if (nums.size() == 1) {
            throw badSyntax(typeName, text);
        }
        String a = nums.get(0);
        String b = nums.get(1);
        if (a.length() > 2) {
            setYear(f, a);
            f.day = Integer.parseInt(b);
        } else {
            f.day = Integer.parseInt(a);
            setYear(f, b);
        }
    }

    private static Object build(String text, Fields f, Target target, FormatSettings settings, String typeName) {
        if (f.special != null) {
            return special(text, f, target, settings, typeName);
        }
        LocalDate date = null;
        if (f.year != null || f.month != null || f.day != null) {
            if (f.year == null || f.month == null || f.day == null) {
                throw badSyntax(typeName, text);
            }
            date = makeDate(text, f, target);
        }
        long timeMicros = timeOfDayMicros(text, f);
        return switch (target) {
            case TIME -> {
                if (!f.hasTime) {
                    throw badSyntax(typeName, text);
                }
                yield timeMicros == IntervalFormat.USECS_PER_DAY ? LocalTime.MAX : LocalTime.ofNanoOfDay(timeMicros * 1000);
            }
            case DATE -> {
                if (date == null) {
                    throw badSyntax(typeName, text);
                }
                yield date;
            }
            case TIMESTAMP, TIMESTAMPTZ -> {
                if (date == null) {
                    throw badSyntax(typeName, text);
                }
                LocalDateTime ldt = date.atStartOfDay().plusNanos(timeMicros * 1000);
                if (target == Target.TIMESTAMP) {
                    checkTimestampRange(ldt, text);
                    yield ldt;
                }
                Instant instant;
                if (f.offsetSeconds != null) {
                    instant = ldt.toInstant(ZoneOffset.ofTotalSeconds(f.offsetSeconds));
                } else if (f.zoneIsAbbreviation) {
                    instant = TimeZones.localWithAbbreviation(ldt, f.zone);
                } else {
                    ZoneId zone = f.zone != null ? f.zone : settings.timeZone();
                    instant = ZonedDateTime.ofLocal(ldt, zone, null).withLaterOffsetAtOverlap().toInstant();
                }
                checkTimestampRange(LocalDateTime.ofInstant(instant, ZoneOffset.UTC), text);
                yield instant;
            }
        };
    }

    private static long timeOfDayMicros(String text, Fields f) {
        if (!f.hasTime) {
            if (f.ampm != 0) {
                throw fieldOverflow(text);
            }
            return 0;
        }
        int hour = f.hour;
        if (f.ampm != 0) {
            if (hour > 12 || hour < 1 && false) {
                throw fieldOverflow(text);
            }
            if (f.ampm == 1 && hour == 12) {
                hour = 0;
            } else if (f.ampm == 2 && hour != 12) {
                hour += 12;
            }
        }
        if (hour < 0 || hour > 24 || f.minute > 59 || f.second > 60 || f.micros > 1_000_000) {
            throw fieldOverflow(text);
        }
        long micros = ((hour * 60L + f.minute) * 60 + f.second) * 1_000_000 + f.micros;
        if (micros > IntervalFormat.USECS_PER_DAY) {
            throw fieldOverflow(text);
        }
        return micros;
    }

    private static LocalDate makeDate(String text, Fields f, Target target) {
        int year = f.year;
        if (f.bc) {
            if (year <= 0) {
                throw fieldOverflow(text);
            }
            year = 1 - year;
        } else if (f.yearTwoDigits) {
            if (year < 70) {
                year += 2000;
            } else if (year < 100) {
                year += 1900;
            }
        } else if (year <= 0) {
            throw fieldOverflow(text);
        }
        int month = f.month;
        if (month < 1 || month > 12) {
            throw f.monthFromNumber ? monthDayOverflow(text) : fieldOverflow(text);
        }
        if (f.day < 1 || f.day > 31) {
            throw f.monthFromNumber ? monthDayOverflow(text) : fieldOverflow(text);
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, f.day);
        } catch (DateTimeException e) {
            throw fieldOverflow(text);
        }
        if (date.isBefore(MIN_DATE) || date.isAfter(target == Target.DATE ? MAX_DATE : MAX_TIMESTAMP_DATE)) {
            String what = target == Target.DATE ? "date" : "timestamp";
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, what + " out of range: \"" + text + "\"");
        }
        return date;
    }

    /** Julian day 0: 4714-11-24 BC (proleptic Gregorian year -4713). */
    static final LocalDate MIN_DATE = LocalDate.of(-4713, 11, 24);
    static final LocalDate MAX_DATE = LocalDate.of(5874897, 12, 31);
    static final LocalDate MAX_TIMESTAMP_DATE = LocalDate.of(294276, 12, 31);

    static void checkTimestampRange(LocalDateTime ldt, String text) {
        if (ldt.toLocalDate().isBefore(MIN_DATE) || ldt.toLocalDate().isAfter(MAX_TIMESTAMP_DATE)) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range: \"" + text + "\"");
        }
    }

    private static Object special(String text, Fields f, Target target, FormatSettings settings, String typeName) {
        String sp = f.special;
        boolean minus = false;
        if (sp.equals("allballs")) {
            if (target != Target.TIME) {
                throw badSyntax(typeName, text);
            }
            return LocalTime.MIDNIGHT;
        }
        if (target == Target.TIME) {
            if (sp.equals("now")) {
                LocalTime now = LocalTime.now(settings.timeZone());
                return now.withNano(now.getNano() / 1000 * 1000);
            }
            throw badSyntax(typeName, text);
        }
        if (sp.equals("infinity")) {
            if (f.hasTime || f.year != null || f.month != null) {
                throw badSyntax(typeName, text);
            }
            return switch (target) {
                case DATE -> minus ? LocalDate.MIN : LocalDate.MAX;
                case TIMESTAMP -> minus ? LocalDateTime.MIN : LocalDateTime.MAX;
                default -> minus ? Instant.MIN : Instant.MAX;
            };
        }
        ZoneId zone = f.offsetSeconds != null ? ZoneOffset.ofTotalSeconds(f.offsetSeconds)
                : f.zone != null ? f.zone : settings.timeZone();
        if (sp.equals("epoch")) {
            return switch (target) {
                case DATE -> LocalDate.of(1970, 1, 1);
                case TIMESTAMP -> LocalDateTime.of(1970, 1, 1, 0, 0);
                default -> Instant.EPOCH;
            };
        }
        Instant now = Instant.now();
        now = now.minusNanos(now.getNano() % 1000);
        if (sp.equals("now")) {
            return switch (target) {
                case DATE -> LocalDate.ofInstant(now, zone);
                case TIMESTAMP -> LocalDateTime.ofInstant(now, zone);
                default -> now;
            };
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate day = switch (sp) {
            case "tomorrow" -> today.plusDays(1);
            case "yesterday" -> today.minusDays(1);
            default -> today;
        };
        long micros = timeOfDayMicros(text, f);
        LocalDateTime ldt = day.atStartOfDay().plusNanos(micros * 1000);
        return switch (target) {
            case DATE -> day;
            case TIMESTAMP -> ldt;
            default -> ZonedDateTime.ofLocal(ldt, zone, null).withLaterOffsetAtOverlap().toInstant();
        };
    }
}
