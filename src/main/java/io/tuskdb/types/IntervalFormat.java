package io.tuskdb.types;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * interval text input and output (datetime.c {@code DecodeInterval}, {@code DecodeISO8601Interval},
 * {@code EncodeInterval}) for the four IntervalStyles.
 */
final class IntervalFormat {
    private IntervalFormat() {
    }

    static final long USECS_PER_SEC = 1_000_000L;
    static final long USECS_PER_MINUTE = 60 * USECS_PER_SEC;
    static final long USECS_PER_HOUR = 60 * USECS_PER_MINUTE;
    static final long USECS_PER_DAY = 24 * USECS_PER_HOUR;

    // ------------------------------------------------------------------------------------------- output

    static String toText(Interval iv, String style) {
        int year = iv.months() / 12;
        int mon = iv.months() % 12;
        long mday = iv.days();
        long time = iv.micros();
        long hour = time / USECS_PER_HOUR;
        time -= hour * USECS_PER_HOUR;
        int min = (int) (time / USECS_PER_MINUTE);
        time -= min * USECS_PER_MINUTE;
        int sec = (int) (time / USECS_PER_SEC);
        int fsec = (int) (time - sec * USECS_PER_SEC);
        StringBuilder out = new StringBuilder(48);
        switch (style) {
            case "sql_standard" -> sqlStandard(out, year, mon, mday, hour, min, sec, fsec);
            case "iso_8601" -> iso8601(out, year, mon, mday, hour, min, sec, fsec);
            case "postgres_verbose" -> verbose(out, year, mon, mday, hour, min, sec, fsec);
            default -> postgres(out, year, mon, mday, hour, min, sec, fsec);
        }
        return out.toString();
    }

    private static void appendSeconds(StringBuilder out, int sec, int fsec, boolean fillZeros) {
        int abs = Math.abs(sec);
        if (fillZeros && abs < 10) {
            out.append('0');
        }
        out.append(abs);
        DateTimeFormat.appendFraction(out, Math.abs(fsec));
    }

    private static void sqlStandard(StringBuilder out, int year, int mon, long mday, long hour, int min, int sec,
                                    int fsec) {
        boolean hasNegative = year < 0 || mon < 0 || mday < 0 || hour < 0 || min < 0 || sec < 0 || fsec < 0;
        boolean hasPositive = year > 0 || mon > 0 || mday > 0 || hour > 0 || min > 0 || sec > 0 || fsec > 0;
        boolean hasYearMonth = year != 0 || mon != 0;
        boolean hasDayTime = mday != 0 || hour != 0 || min != 0 || sec != 0 || fsec != 0;
        boolean hasDay = mday != 0;
        boolean standard = !(hasNegative && hasPositive) && !(hasYearMonth && hasDayTime);
        if (hasNegative && standard) {
            out.append('-');
            year = -year;
            mon = -mon;
            mday = -mday;
            hour = -hour;
            min = -min;
            sec = -sec;
            fsec = -fsec;
        }
        if (!hasNegative && !hasPositive) {
            out.append('0');
        } else if (!standard) {
            char yearSign = (year < 0 || mon < 0) ? '-' : '+';
            char daySign = mday < 0 ? '-' : '+';
            char secSign = (hour < 0 || min < 0 || sec < 0 || fsec < 0) ? '-' : '+';
            out.append(yearSign).append(Math.abs(year)).append('-').append(Math.abs(mon)).append(' ')
                    .append(daySign).append(Math.abs(mday)).append(' ')
                    .append(secSign).append(Math.abs(hour)).append(':');
            DateTimeFormat.pad2(out, Math.abs(min));
            out.append(':');
            appendSeconds(out, sec, fsec, true);
        } else if (hasYearMonth) {
            out.append(year).append('-').append(mon);
        } else if (hasDay) {
            out.append(mday).append(' ').append(hour).append(':');
            DateTimeFormat.pad2(out, min);
            out.append(':');
            appendSeconds(out, sec, fsec, true);
        } else {
            out.append(hour).append(':');
            DateTimeFormat.pad2(out, min);
            out.append(':');
            appendSeconds(out, sec, fsec, true);
        }
    }

    private static void iso8601(StringBuilder out, int year, int mon, long mday, long hour, int min, int sec,
                                int fsec) {
        if (year == 0 && mon == 0 && mday == 0 && hour == 0 && min == 0 && sec == 0 && fsec == 0) {
            out.append("PT0S");
            return;
        }
        out.append('P');
        isoPart(out, year, 'Y');
        isoPart(out, mon, 'M');
        isoPart(out, mday, 'D');
        if (hour != 0 || min != 0 || sec != 0 || fsec != 0) {
            out.append('T');
        }
        isoPart(out, hour, 'H');
        isoPart(out, min, 'M');
        if (sec != 0 || fsec != 0) {
            if (sec < 0 || fsec < 0) {
                out.append('-');
            }
            appendSeconds(out, sec, fsec, false);
            out.append('S');
        }
    }

    private static void isoPart(StringBuilder out, long value, char unit) {
        if (value != 0) {
            out.append(value).append(unit);
        }
    }

    private static void postgres(StringBuilder out, int year, int mon, long mday, long hour, int min, int sec,
                                 int fsec) {
        boolean[] state = {true, false}; // is_zero, is_before
        postgresPart(out, year, "year", state);
        postgresPart(out, mon, "mon", state);
        postgresPart(out, mday, "day", state);
        boolean isZero = state[0];
        if (isZero || hour != 0 || min != 0 || sec != 0 || fsec != 0) {
            boolean minus = hour < 0 || min < 0 || sec < 0 || fsec < 0;
            if (!isZero) {
                out.append(' ');
            }
            out.append(minus ? "-" : (state[1] ? "+" : ""));
            long absHour = Math.abs(hour);
            if (absHour < 10) {
                out.append('0');
            }
            out.append(absHour).append(':');
            DateTimeFormat.pad2(out, Math.abs(min));
            out.append(':');
            appendSeconds(out, sec, fsec, true);
        }
    }

    private static void postgresPart(StringBuilder out, long value, String unit, boolean[] state) {
        if (value == 0) {
            return;
        }
        if (!state[0]) {
            out.append(' ');
        }
        if (state[1] && value > 0) {
            out.append('+');
        }
        out.append(value).append(' ').append(unit);
        if (value != 1) {
            out.append('s');
        }
        state[1] = value < 0;
        state[0] = false;
    }

    private static void verbose(StringBuilder out, int year, int mon, long mday, long hour, int min, int sec,
                                int fsec) {
        boolean[] state = {true, false};
        out.append('@');
        verbosePart(out, year, "year", state);
        verbosePart(out, mon, "mon", state);
        verbosePart(out, mday, "day", state);
        verbosePart(out, hour, "hour", state);
        verbosePart(out, min, "min", state);
        if (sec != 0 || fsec != 0) {
            out.append(' ');
            if (sec < 0 || (sec == 0 && fsec < 0)) {
                if (state[0]) {
                    state[1] = true;
                } else if (!state[1]) {
                    out.append('-');
                }
            } else if (state[1]) {
                out.append('-');
            }
            appendSeconds(out, sec, fsec, false);
            out.append(" sec").append((Math.abs(sec) != 1 || fsec != 0) ? "s" : "");
            state[0] = false;
        }
        if (state[0]) {
            out.append(" 0");
        }
        if (state[1]) {
            out.append(" ago");
        }
    }

    private static void verbosePart(StringBuilder out, long value, String unit, boolean[] state) {
        if (value == 0) {
            return;
        }
        if (state[0]) {
            state[1] = value < 0;
            value = Math.abs(value);
        } else if (state[1]) {
            value = -value;
        }
        out.append(' ').append(value).append(' ').append(unit).append(value == 1 ? "" : "s");
        state[0] = false;
    }

    // -------------------------------------------------------------------------------------------- input

    /** Accumulates fields as PostgreSQL's pg_itm_in: months, days, microseconds. */
    private static final class Acc {
        long months;
        long days;
        long micros;

        void addMicros(double value) {
            micros = Math.addExact(micros, (long) Math.rint(value));
        }

        void addFractDays(double frac, int scale) {
            double f = frac * scale;
            long whole = (long) f;
            days = Math.addExact(days, whole);
            addMicros((f - whole) * USECS_PER_DAY);
        }
    }

    static Interval fromText(String text, String intervalStyle) {
        String s = text.strip();
        try {
            Acc acc = new Acc();
            String lower = s.toLowerCase(Locale.ROOT);
            if (lower.startsWith("p")) {
                parseIso8601(lower, acc, text);
            } else {
                parsePostgres(lower, acc, text, "sql_standard".equals(intervalStyle));
            }
            if (acc.months > Integer.MAX_VALUE || acc.months < Integer.MIN_VALUE
                    || acc.days > Integer.MAX_VALUE || acc.days < Integer.MIN_VALUE) {
                throw fieldOverflow(text);
            }
            return new Interval((int) acc.months, (int) acc.days, acc.micros);
        } catch (ArithmeticException e) {
            throw fieldOverflow(text);
        }
    }

    private static PgException bad(String text) {
        return new PgException(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type interval: \"" + text + "\"");
    }

    private static PgException fieldOverflow(String text) {
        return new PgException(SqlState.INTERVAL_FIELD_OVERFLOW, "interval field value out of range: \"" + text + "\"");
    }

    private enum Unit { MICRO, MILLI, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, YEAR, DECADE, CENTURY, MILLENNIUM }

    static Unit unit(String word) {
        String canonical = DateUnits.canonical(word);
        return canonical == null ? null : switch (canonical) {
            case "microsecond" -> Unit.MICRO;
            case "millisecond" -> Unit.MILLI;
            case "second" -> Unit.SECOND;
            case "minute" -> Unit.MINUTE;
            case "hour" -> Unit.HOUR;
            case "day" -> Unit.DAY;
            case "week" -> Unit.WEEK;
            case "month" -> Unit.MONTH;
            case "year" -> Unit.YEAR;
            case "decade" -> Unit.DECADE;
            case "century" -> Unit.CENTURY;
            case "millennium" -> Unit.MILLENNIUM;
            default -> null;
        };
    }

    /** Adds {@code whole + frac} of a unit, as DecodeInterval's per-unit cases do. */
    private static void addUnit(Acc acc, Unit unit, long whole, double frac) {
        switch (unit) {
            case MICRO -> acc.micros = Math.addExact(acc.micros, Math.addExact(whole, (long) Math.rint(frac)));
            case MILLI -> {
                acc.micros = Math.addExact(acc.micros, Math.multiplyExact(whole, 1000L));
                acc.addMicros(frac * 1000);
            }
            case SECOND -> {
                acc.micros = Math.addExact(acc.micros, Math.multiplyExact(whole, USECS_PER_SEC));
                acc.addMicros(frac * USECS_PER_SEC);
            }
            case MINUTE -> {
                acc.micros = Math.addExact(acc.micros, Math.multiplyExact(whole, USECS_PER_MINUTE));
                acc.addMicros(frac * USECS_PER_MINUTE);
            }
            case HOUR -> {
                acc.micros = Math.addExact(acc.micros, Math.multiplyExact(whole, USECS_PER_HOUR));
                acc.addMicros(frac * USECS_PER_HOUR);
            }
            case DAY -> {
                acc.days = Math.addExact(acc.days, whole);
                acc.addMicros(frac * USECS_PER_DAY);
            }
            case WEEK -> {
                acc.days = Math.addExact(acc.days, Math.multiplyExact(whole, 7L));
                acc.addFractDays(frac, 7);
            }
            case MONTH -> {
                acc.months = Math.addExact(acc.months, whole);
                acc.addFractDays(frac, 30);
            }
            case YEAR, DECADE, CENTURY, MILLENNIUM -> {
                int scale = switch (unit) {
                    case DECADE -> 10;
                    case CENTURY -> 100;
                    case MILLENNIUM -> 1000;
                    default -> 1;
                };
                acc.months = Math.addExact(acc.months, Math.multiplyExact(whole, 12L * scale));
                acc.months = Math.addExact(acc.months, (long) Math.rint(frac * scale * 12));
            }
        }
    }

    /** Splits "1day", "-2hours", "1 day" into tokens: numbers (with sign, '.', ':', '-') and words. */
    private static List<String> tokenize(String s, String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
            } else if (c == '@') {
                tokens.add("@");
                i++;
            } else if (Character.isLetter(c)) {
                int start = i;
                while (i < n && Character.isLetter(s.charAt(i))) {
                    i++;
                }
                tokens.add(s.substring(start, i));
            } else if (Character.isDigit(c) || c == '+' || c == '-' || c == '.') {
                int start = i;
                i++;
                while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == ':'
                        || s.charAt(i) == '-')) {
                    i++;
                }
                tokens.add(s.substring(start, i));
            } else {
                throw bad(text);
            }
        }
        return tokens;
    }

    private static void parsePostgres(String s, Acc acc, String text, boolean sqlStandard) {
        List<String> tokens = tokenize(s, text);
        if (tokens.isEmpty()) {
            throw bad(text);
        }
        boolean ago = false;
        boolean sawTime = false;
        boolean sawAnything = false;
        int fmask = 0;
        boolean forceNegative = sqlStandard && forcesNegative(tokens);
        // Walk backwards as DecodeInterval does: a unit word gives the number before it its meaning.
        Unit pending = null;
        Unit defaultUnit = Unit.SECOND;
        for (int idx = tokens.size() - 1; idx >= 0; idx--) {
            String tok = tokens.get(idx);
            char c = tok.charAt(0);
            if (tok.equals("@")) {
                continue;
            }
            if (Character.isLetter(c)) {
                if (tok.equals("ago")) {
                    if (ago || pending != null) {
                        throw bad(text);
                    }
                    ago = true;
                    continue;
                }
                Unit u = unit(tok);
                if (u == null || pending != null) {
                    throw bad(text);
                }
                pending = u;
                continue;
            }
            sawAnything = true;
            if (tok.indexOf(':') >= 0) {
                if (pending != null) {
                    throw bad(text);
                }
                parseTimeField(tok, acc, text);
                if (forceNegative && acc.micros > 0) {
                    acc.micros = -acc.micros;
                }
                fmask = addMask(fmask, TIME_MASK, text);
                sawTime = true;
                defaultUnit = Unit.DAY;
                continue;
            }
            boolean negative = c == '-';
            String body = (c == '-' || c == '+') ? tok.substring(1) : tok;
            int dash = body.indexOf('-');
            if (dash >= 0) {
                // SQL "years-months"
                if (pending != null) {
                    throw bad(text);
                }
                long years = parseLong(body.substring(0, dash), text);
                long months = parseLong(body.substring(dash + 1), text);
                if (months > 11) {
                    throw fieldOverflow(text);
                }
                fmask = addMask(fmask, 1 << Unit.MONTH.ordinal(), text);
                long total = Math.addExact(Math.multiplyExact(years, 12L), months);
                acc.months = Math.addExact(acc.months, (negative || forceNegative) ? -total : total);
                defaultUnit = Unit.DAY;
                continue;
            }
            if (body.isEmpty()) {
                throw bad(text);
            }
            int dot = body.indexOf('.');
            long whole;
            double frac;
            if (dot >= 0) {
                String intPart = body.substring(0, dot);
                String fracPart = body.substring(dot + 1);
                if ((intPart.isEmpty() && fracPart.isEmpty()) || fracPart.indexOf('.') >= 0) {
                    throw bad(text);
                }
                whole = intPart.isEmpty() ? 0 : parseLong(intPart, text);
                frac = fracPart.isEmpty() ? 0 : Double.parseDouble("0." + fracPart);
            } else {
                whole = parseLong(body, text);
                frac = 0;
            }
            if (negative || forceNegative) {
                whole = -whole;
                frac = -frac;
            }
            Unit u = pending != null ? pending : defaultUnit;
            if (ago && pending == null && idx == tokens.size() - 2) {
                throw bad(text);
            }
            addUnit(acc, u, whole, frac);
            int tmask = 1 << u.ordinal();
            if (u == Unit.SECOND && frac != 0) {
                tmask |= SECONDS_MASK;
            }
            fmask = addMask(fmask, tmask, text);
            pending = null;
            if (u == Unit.DAY && !sawTime) {
                defaultUnit = Unit.SECOND;
            }
        }
        if (pending != null || !sawAnything) {
            throw bad(text);
        }
        if (ago) {
            acc.months = -acc.months;
            acc.days = -acc.days;
            acc.micros = -acc.micros;
        }
    }

    /**
     * IntervalStyle sql_standard: a leading minus with no other sign applies to every field
     * ("-1 2:03:04" is minus one day, two hours ...).
     */
    private static boolean forcesNegative(List<String> tokens) {
        boolean first = true;
        for (String t : tokens) {
            if (t.equals("@")) {
                continue;
            }
            if (first) {
                if (!t.startsWith("-")) {
                    return false;
                }
                first = false;
            } else if (t.startsWith("-") || t.startsWith("+")) {
                return false;
            }
        }
        return !first;
    }

    private static final int SECONDS_MASK = (1 << Unit.SECOND.ordinal()) | (1 << Unit.MILLI.ordinal())
            | (1 << Unit.MICRO.ordinal());
    private static final int TIME_MASK = SECONDS_MASK | (1 << Unit.MINUTE.ordinal()) | (1 << Unit.HOUR.ordinal());

    /** Each field may be given once (DecodeInterval's fmask/tmask check). */
    private static int addMask(int fmask, int tmask, String text) {
        if ((fmask & tmask) != 0) {
            throw bad(text);
        }
        return fmask | tmask;
    }

    /** [-]h:mm[:ss[.frac]] or mm:ss.frac, all negative when signed. */
    private static void parseTimeField(String tok, Acc acc, String text) {
        boolean negative = tok.startsWith("-");
        String body = (tok.startsWith("-") || tok.startsWith("+")) ? tok.substring(1) : tok;
        String[] parts = body.split(":", -1);
        long micros;
        if (parts.length == 2 && parts[1].indexOf('.') >= 0) {
            micros = Math.addExact(Math.multiplyExact(parseLong(parts[0], text), USECS_PER_MINUTE),
                    secondsMicros(parts[1], text));
        } else if (parts.length == 2) {
            micros = Math.addExact(Math.multiplyExact(parseLong(parts[0], text), USECS_PER_HOUR),
                    Math.multiplyExact(parseMinSec(parts[1], text), USECS_PER_MINUTE));
        } else if (parts.length == 3) {
            micros = Math.addExact(Math.addExact(
                            Math.multiplyExact(parseLong(parts[0], text), USECS_PER_HOUR),
                            Math.multiplyExact(parseMinSec(parts[1], text), USECS_PER_MINUTE)),
                    secondsMicros(parts[2], text));
        } else {
            throw bad(text);
        }
        acc.micros = Math.addExact(acc.micros, negative ? -micros : micros);
    }

    private static long parseMinSec(String s, String text) {
        long v = parseLong(s, text);
        if (v > 59) {
            throw fieldOverflow(text);
        }
        return v;
    }

    private static long secondsMicros(String s, String text) {
        int dot = s.indexOf('.');
        String intPart = dot >= 0 ? s.substring(0, dot) : s;
        long seconds = intPart.isEmpty() ? 0 : parseLong(intPart, text);
        if (seconds > 59) {
            throw fieldOverflow(text);
        }
        long micros = seconds * USECS_PER_SEC;
        if (dot >= 0) {
            String f = s.substring(dot + 1);
            if (!f.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                throw bad(text);
            }
            if (!f.isEmpty()) {
                micros += (long) Math.rint(Double.parseDouble("0." + f) * USECS_PER_SEC);
            }
        }
        return micros;
    }

    private static long parseLong(String s, String text) {
        if (s.isEmpty()) {
            throw bad(text);
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                throw bad(text);
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw fieldOverflow(text);
        }
    }

    /** ISO 8601 "format with designators" P1Y2M3DT4H5M6S and the alternative format P0001-02-03T04:05:06. */
    private static void parseIso8601(String s, Acc acc, String text) {
        int i = 1;
        int n = s.length();
        if (i >= n) {
            throw bad(text);
        }
        boolean timePart = false;
        if (Character.isDigit(s.charAt(i)) && s.indexOf('-') > 0 && !s.contains("y") && !s.contains("d")) {
            parseIsoAlternative(s.substring(1), acc, text);
            return;
        }
        while (i < n) {
            char c = s.charAt(i);
            if (c == 't') {
                if (timePart) {
                    throw bad(text);
                }
                timePart = true;
                i++;
                continue;
            }
            int start = i;
            if (c == '-' || c == '+') {
                i++;
            }
            while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            if (i == start || i >= n) {
                throw bad(text);
            }
            String number = s.substring(start, i);
            char designator = s.charAt(i++);
            double value;
            try {
                value = Double.parseDouble(number);
            } catch (NumberFormatException e) {
                throw bad(text);
            }
            long whole = (long) value;
            double frac = value - whole;
            Unit u = switch (designator) {
                case 'y' -> timePart ? null : Unit.YEAR;
                case 'm' -> timePart ? Unit.MINUTE : Unit.MONTH;
                case 'w' -> timePart ? null : Unit.WEEK;
                case 'd' -> timePart ? null : Unit.DAY;
                case 'h' -> timePart ? Unit.HOUR : null;
                case 's' -> timePart ? Unit.SECOND : null;
                default -> null;
            };
            if (u == null) {
                throw bad(text);
            }
            addUnit(acc, u, whole, frac);
        }
    }

    private static void parseIsoAlternative(String s, Acc acc, String text) {
        String datePart = s;
        String timePart = null;
        int t = s.indexOf('t');
        if (t >= 0) {
            datePart = s.substring(0, t);
            timePart = s.substring(t + 1);
        }
        String[] ymd = datePart.split("-", -1);
        if (ymd.length < 1 || ymd.length > 3) {
            throw bad(text);
        }
        addUnit(acc, Unit.YEAR, parseLong(ymd[0], text), 0);
        if (ymd.length > 1) {
            addUnit(acc, Unit.MONTH, parseLong(ymd[1], text), 0);
        }
        if (ymd.length > 2) {
            addUnit(acc, Unit.DAY, parseLong(ymd[2], text), 0);
        }
        if (timePart != null) {
            parseTimeField(timePart, acc, text);
        }
    }
}
