package io.tuskdb.sql.functions;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.types.Casts;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * to_date(text, text) and to_timestamp(text, text): formatting.c's DCH_from_char and do_to_timestamp for the
 * patterns YYYY YYY YY Y MM DD DDD HH HH12 HH24 MI SS MS US FF1-6 AM/PM A.M./P.M. Month/Mon Day/Dy J TZH TZM Q,
 * with FM, FX and TH, separators and spaces matched as PostgreSQL does outside FX mode. Other patterns report
 * 0A000.
 */
final class FromChar {
    private FromChar() {
    }

    private static final String[] KEYWORDS = {"A.M.", "P.M.", "AM", "PM", "DAY", "DDD", "DD", "DY", "FF1", "FF2",
            "FF3", "FF4", "FF5", "FF6", "FX", "HH24", "HH12", "HH", "J", "MI", "MM", "MONTH", "MON", "MS", "Q", "SS",
            "TZH", "TZM", "US", "YYYY", "YYY", "YY", "Y"};
    private static final String[] UNSUPPORTED = {"Y,YYY", "IYYY", "IYY", "IY", "IDDD", "ID", "IW", "I", "SSSSS",
            "SSSS", "TZ", "OF", "RM", "CC", "WW", "W", "D", "BC", "AD", "B.C.", "A.D."};
    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"};
    private static final String[] DAYS = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday"};

    private enum Kind { ACTION, SPACE, SEPARATOR, CHAR }

    private record Node(Kind kind, String key, String written, boolean fillMode, boolean th, char c) {
        boolean isDigitKey() {
            return kind == Kind.ACTION && !(key.startsWith("A") || key.startsWith("P") || key.equals("MONTH")
                    || key.equals("MON") || key.equals("DAY") || key.equals("DY") || key.equals("FX"));
        }
    }

    private static boolean isSeparator(char c) {
        return c > 0x20 && c < 0x7F && !Character.isLetterOrDigit(c);
    }

    private static List<Node> parse(String format) {
        List<Node> nodes = new ArrayList<>();
        int i = 0;
        while (i < format.length()) {
            boolean fill = false;
            int start = i;
            if (format.regionMatches(true, i, "FM", 0, 2)) {
                fill = true;
                i += 2;
            }
            String best = null;
            boolean bestSupported = false;
            for (String[] list : new String[][]{KEYWORDS, UNSUPPORTED}) {
                for (String k : list) {
                    if (format.regionMatches(true, i, k, 0, k.length()) && (best == null || k.length() > best.length())) {
                        best = k;
                        bestSupported = list == KEYWORDS;
                    }
                }
            }
            if (best != null) {
                String written = format.substring(i, i + best.length());
                if (!bestSupported) {
                    throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                            "to_date/to_timestamp format \"" + written + "\" is not supported");
                }
                i += best.length();
                boolean th = format.regionMatches(true, i, "TH", 0, 2);
                if (th) {
                    i += 2;
                }
                nodes.add(new Node(Kind.ACTION, best, written, fill, th, '\0'));
                continue;
            }
            i = start + (fill ? 2 : 0);
            if (fill) {
                continue;
            }
            char c = format.charAt(i);
            if (c == '"') {
                i = ToChar.quoted(format, i, ch -> nodes.add(new Node(Kind.CHAR, null, null, false, false, (char) ch)));
                continue;
            }
            if (c == '\\' && i + 1 < format.length() && format.charAt(i + 1) == '"') {
                nodes.add(new Node(Kind.CHAR, null, null, false, false, '"'));
                i += 2;
                continue;
            }
            nodes.add(new Node(c == ' ' ? Kind.SPACE : isSeparator(c) ? Kind.SEPARATOR : Kind.CHAR, null, null, false,
                    false, c));
            i++;
        }
        return nodes;
    }

    /** TmFromChar: the fields read so far (0 = unset, as in PostgreSQL). */
    private static final class Fields {
        int hh;
        int pm;
        boolean clock12;
        int mi;
        int ss;
        int year;
        int yysz;
        int mm;
        int dd;
        int ddd;
        int j;
        int ms;
        int us;
        int tzsign;
        int tzh;
        int tzm;
        boolean hasTz;
    }

    private static PgException invalid(String message, String detail) {
        PgException e = new PgException(SqlState.INVALID_DATETIME_FORMAT, message);
        return detail == null ? e : e.withDetail(detail);
    }

    private static final class Scanner {
        final String s;
        int p;
        final List<Node> nodes;

        Scanner(String s, List<Node> nodes) {
            this.s = s;
            this.nodes = nodes;
        }

        char at(int i) {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        boolean nextIsSeparator(int index) {
            Node n = nodes.get(index);
            if (n.th()) {
                return true;
            }
            if (index + 1 >= nodes.size()) {
                return true;
            }
            Node next = nodes.get(index + 1);
            if (next.kind() == Kind.ACTION) {
                return !next.isDigitKey();
            }
            return !(next.kind() == Kind.CHAR && Character.isDigit(next.c()));
        }

        /** from_char_parse_int_len: digits consumed, stored through {@code setter}. */
        int parseInt(int index, int len, java.util.function.IntConsumer setter) {
            Node node = nodes.get(index);
            int init = p;
            while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
                p++;
            }
            String copy = s.substring(p, Math.min(s.length(), p + len));
            long result;
            if (node.fillMode() || nextIsSeparator(index)) {
                int q = signedDigitsEnd(s, p);
                if (q < 0) {
                    p = init;
                    throw invalid("invalid value \"" + copy + "\" for \"" + node.written() + "\"", "Value must be an integer.");
                }
                result = parseLong(s.substring(p, q), node);
                p = q;
            } else {
                if (copy.length() < len) {
                    throw invalid("source string too short for \"" + node.written() + "\" formatting field",
                            "Field requires " + len + " characters, but only " + copy.length() + " remain.")
                            .withHint("If your source string is not fixed-width, try using the \"FM\" modifier.");
                }
                int q = 0;
                while (q < copy.length() && Character.isWhitespace(copy.charAt(q))) {
                    q++;
                }
                q = signedDigitsEnd(copy, q);
                if (q < 0) {
                    throw invalid("invalid value \"" + copy + "\" for \"" + node.written() + "\"", "Value must be an integer.");
                }
                if (q < len) {
                    throw invalid("invalid value \"" + copy + "\" for \"" + node.written() + "\"",
                            "Field requires " + len + " characters, but only " + q + " could be parsed.")
                            .withHint("If your source string is not fixed-width, try using the \"FM\" modifier.");
                }
                result = parseLong(copy.substring(0, q).strip(), node);
                p += q;
            }
            setter.accept((int) result);
            return p - init;
        }

        /** strtol's reach: an optional sign and digits from {@code from}; -1 when there are no digits. */
        private static int signedDigitsEnd(String str, int from) {
            int q = from;
            if (q < str.length() && (str.charAt(q) == '+' || str.charAt(q) == '-')) {
                q++;
            }
            int digitsStart = q;
            while (q < str.length() && Character.isDigit(str.charAt(q))) {
                q++;
            }
            return q == digitsStart ? -1 : q;
        }

        private static long parseLong(String digits, Node node) {
            try {
                long v = Long.parseLong(digits.startsWith("+") ? digits.substring(1) : digits);
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW,
                        "value for \"" + node.written() + "\" in source string is out of range")
                        .withDetail("Value must be in the range -2147483648 to 2147483647.");
            }
        }

        /** from_char_seq_search over lower-case names; returns the index. */
        int search(Node node, String[] names, int length) {
            String rest = s.substring(p).toLowerCase(Locale.ROOT);
            for (int i = 0; i < names.length; i++) {
                String candidate = length > 0 ? names[i].substring(0, length) : names[i];
                if (rest.startsWith(candidate)) {
                    p += candidate.length();
                    return i;
                }
            }
            String shown = s.substring(p);
            for (int i = 0; i < shown.length(); i++) {
                if (Character.isWhitespace(shown.charAt(i))) {
                    shown = shown.substring(0, i);
                    break;
                }
            }
            throw invalid("invalid value \"" + shown + "\" for \"" + node.written() + "\"",
                    "The given value did not match any of the allowed values for this field.");
        }
    }

    private static void set(int[] holder, int value, Node node) {
        if (holder[0] != 0 && holder[0] != value) {
            throw invalid("conflicting values for \"" + node.written() + "\" field in formatting string",
                    "This value contradicts a previous setting for the same field type.");
        }
        holder[0] = value;
    }

    private static Fields read(String input, String format) {
        List<Node> nodes = parse(format);
        Scanner sc = new Scanner(input, nodes);
        Fields f = new Fields();
        int[] hh = {0};
        int[] mi = {0};
        int[] ss = {0};
        int[] year = {0};
        int[] mm = {0};
        int[] dd = {0};
        int[] ddd = {0};
        int[] j = {0};
        boolean fx = false;
        int extraSkip = 0;
        for (int idx = 0; idx < nodes.size() && sc.p < input.length(); idx++) {
            Node n = nodes.get(idx);
            if (!fx && !(n.kind() == Kind.ACTION && n.key().equals("FX")) && (n.kind() == Kind.ACTION || idx == 0)) {
                while (sc.p < input.length() && Character.isWhitespace(input.charAt(sc.p))) {
                    sc.p++;
                    extraSkip++;
                }
            }
            if (n.kind() == Kind.SPACE || n.kind() == Kind.SEPARATOR) {
                if (!fx) {
                    extraSkip--;
                    char c = sc.at(sc.p);
                    if (Character.isWhitespace(c) || isSeparator(c)) {
                        sc.p++;
                        extraSkip++;
                    }
                } else {
                    sc.p += Character.charCount(input.codePointAt(sc.p));
                }
                continue;
            }
            if (n.kind() == Kind.CHAR) {
                if (!fx && extraSkip > 0) {
                    extraSkip--;
                } else {
                    sc.p += Character.charCount(input.codePointAt(sc.p));
                }
                continue;
            }
            int consumed;
            switch (n.key()) {
                case "FX" -> fx = true;
                case "A.M.", "P.M.", "AM", "PM" -> {
                    boolean dotted = n.key().contains(".");
                    int which = sc.search(n, dotted ? new String[]{"a.m.", "p.m."} : new String[]{"am", "pm"}, 0);
                    f.pm = which;
                    f.clock12 = true;
                }
                case "HH", "HH12" -> {
                    sc.parseInt(idx, 2, v -> set(hh, v, n));
                    f.clock12 = true;
                }
                case "HH24" -> sc.parseInt(idx, 2, v -> set(hh, v, n));
                case "MI" -> sc.parseInt(idx, 2, v -> set(mi, v, n));
                case "SS" -> sc.parseInt(idx, 2, v -> set(ss, v, n));
                case "MS" -> {
                    int[] v = {0};
                    consumed = sc.parseInt(idx, 3, x -> v[0] = x);
                    f.ms = v[0] * (consumed == 1 ? 100 : consumed == 2 ? 10 : 1);
                }
                case "US", "FF1", "FF2", "FF3", "FF4", "FF5", "FF6" -> {
                    int len = n.key().equals("US") ? 6 : n.key().charAt(2) - '0';
                    int[] v = {0};
                    consumed = sc.parseInt(idx, len, x -> v[0] = x);
                    int scale = 1;
                    for (int k = consumed; k < 6; k++) {
                        scale *= 10;
                    }
                    f.us = v[0] * scale;
                }
                case "TZH" -> {
                    char c = sc.at(sc.p);
                    if (c == '+' || c == '-' || c == ' ') {
                        f.tzsign = c == '-' ? -1 : 1;
                        sc.p++;
                    } else {
                        f.tzsign = extraSkip > 0 && sc.p > 0 && input.charAt(sc.p - 1) == '-' ? -1 : 1;
                    }
                    sc.parseInt(idx, 2, v -> f.tzh = v);
                    f.hasTz = true;
                }
                case "TZM" -> {
                    if (f.tzsign == 0) {
                        f.tzsign = 1;
                    }
                    sc.parseInt(idx, 2, v -> f.tzm = v);
                    f.hasTz = true;
                }
                case "MONTH", "MON" -> {
                    int which = sc.search(n, MONTHS, n.key().equals("MON") ? 3 : 0);
                    set(mm, which + 1, n);
                }
                case "DAY", "DY" -> sc.search(n, DAYS, n.key().equals("DY") ? 3 : 0);
                case "MM" -> sc.parseInt(idx, 2, v -> set(mm, v, n));
                case "DDD" -> sc.parseInt(idx, 3, v -> set(ddd, v, n));
                case "DD" -> sc.parseInt(idx, 2, v -> set(dd, v, n));
                case "Q" -> sc.parseInt(idx, 1, v -> { });
                case "J" -> sc.parseInt(idx, 1, v -> set(j, v, n));
                case "YYYY" -> {
                    sc.parseInt(idx, 4, v -> set(year, v, n));
                    f.yysz = 4;
                }
                case "YYY", "YY", "Y" -> {
                    int len = n.key().length();
                    int[] v = {0};
                    sc.parseInt(idx, len, x -> v[0] = x);
                    set(year, adjustPartialYear(v[0]), n);
                    f.yysz = len;
                }
                default -> throw new IllegalStateException(n.key());
            }
            if (n.th()) {
                // SKIP_THth: two characters of ordinal suffix
                sc.p = Math.min(input.length(), sc.p + 2);
            }
            if (!fx) {
                extraSkip = 0;
                while (sc.p < input.length() && Character.isWhitespace(input.charAt(sc.p))) {
                    sc.p++;
                    extraSkip++;
                }
            }
        }
        f.hh = hh[0];
        f.mi = mi[0];
        f.ss = ss[0];
        f.year = year[0];
        f.mm = mm[0];
        f.dd = dd[0];
        f.ddd = ddd[0];
        f.j = j[0];
        return f;
    }

    private static int adjustPartialYear(int year) {
        if (year < 70) {
            return year + 2000;
        } else if (year < 100) {
            return year + 1900;
        } else if (year < 520) {
            return year + 2000;
        } else if (year < 1000) {
            return year + 1000;
        }
        return year;
    }

    private static PgException outOfRange(String input) {
        return new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + input + "\"");
    }

    private static final int[][] YSUM = {
            {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365},
            {0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366}};

    /** do_to_timestamp: the fields as a local date-time (micros) plus an optional TZH/TZM offset in seconds. */
    private static LocalDateTime toLocal(String input, Fields f) {
        int hour = f.hh;
        if (f.clock12) {
            if (hour < 1 || hour > 12) {
                throw invalid("hour \"" + hour + "\" is invalid for the 12-hour clock", null)
                        .withHint("Use the 24-hour clock, or give an hour between 1 and 12.");
            }
            if (f.pm == 1 && hour < 12) {
                hour += 12;
            } else if (f.pm == 0 && hour == 12) {
                hour = 0;
            }
        }
        int year = 0;
        int month = 1;
        int day = 1;
        if (f.year != 0) {
            year = f.year < 0 ? f.year + 1 : f.year;
        }
        if (f.j != 0) {
            LocalDate d = LocalDate.ofEpochDay(f.j - 2_440_588L);
            year = d.getYear();
            month = d.getMonthValue();
            day = d.getDayOfMonth();
        }
        if (f.dd != 0) {
            day = f.dd;
        }
        if (f.mm != 0) {
            month = f.mm;
        }
        if (f.ddd != 0 && (month <= 1 || day <= 1)) {
            if (year == 0) {
                throw invalid("cannot calculate day of year without year information", null);
            }
            int[] y = YSUM[java.time.Year.isLeap(year) ? 1 : 0];
            int i;
            for (i = 1; i <= 12; i++) {
                if (f.ddd <= y[i]) {
                    break;
                }
            }
            if (month <= 1) {
                month = i;
            }
            if (day <= 1) {
                day = f.ddd - y[Math.min(i, 13) - 1];
            }
        }
        if (month < 1 || month > 12 || day < 1 || f.ddd > (java.time.Year.isLeap(year) ? 366 : 365)) {
            throw outOfRange(input);
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw outOfRange(input);
        }
        long micros = f.ms * 1000L + f.us;
        if (hour < 0 || hour >= 24 || f.mi < 0 || f.mi >= 60 || f.ss < 0 || f.ss >= 60 || micros < 0
                || micros >= 1_000_000) {
            throw outOfRange(input);
        }
        return date.atTime(hour, f.mi, f.ss).plusNanos(micros * 1000);
    }

    static LocalDate toDate(String input, String format) {
        Fields f = read(input, format);
        LocalDate d = toLocal(input, f).toLocalDate();
        if (d.isBefore(LocalDate.of(-4713, 11, 24)) || d.isAfter(LocalDate.of(5874897, 12, 31))) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range: \"" + input + "\"");
        }
        return d;
    }

    static Instant toTimestamp(String input, String format, ZoneId zone) {
        Fields f = read(input, format);
        LocalDateTime local = toLocal(input, f);
        if (local.toLocalDate().isBefore(LocalDate.of(-4713, 11, 24))
                || local.toLocalDate().isAfter(LocalDate.of(294276, 12, 31))) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
        }
        if (f.hasTz) {
            int offset = f.tzsign * (f.tzh * 3600 + f.tzm * 60);
            return local.toInstant(ZoneOffset.ofTotalSeconds(offset));
        }
        return Casts.timestampToTimestamptz(local, zone);
    }
}
