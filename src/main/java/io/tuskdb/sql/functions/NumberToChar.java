package io.tuskdb.sql.functions;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.types.NumericSpecial;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * to_char for numbers: a port of formatting.c's {@code NUMDesc_prepare}, {@code NUM_processor} and
 * {@code NUM_numpart_to_char} (to_char direction) in the C locale, for the patterns 9 0 . D , G FM S MI PL SG
 * TH th V EEEE, RN / rn alone (with FM and literal text), and to_number (the from_char direction). PR, L, B and RN
 * among other patterns report 0A000.
 */
final class NumberToChar {
    private NumberToChar() {
    }

    private enum Key { NINE, ZERO, DEC, D, COMMA, G, FM, S, MI, PL, SG, TH_UPPER, TH_LOWER, V, EEEE, RN_UPPER, RN_LOWER }

    /** A format node: an action or a literal string. */
    private record Node(Key key, String literal) {
    }

    private static final String[][] KEYWORDS = {
            {"EEEE", "EEEE"}, {"eeee", "EEEE"}, {"RN", "RN_UPPER"}, {"rn", "RN_LOWER"}, {"FM", "FM"}, {"fm", "FM"}, {"MI", "MI"}, {"mi", "MI"}, {"PL", "PL"}, {"pl", "PL"}, {"SG", "SG"},
            {"sg", "SG"}, {"TH", "TH_UPPER"}, {"th", "TH_LOWER"}, {"9", "NINE"}, {"0", "ZERO"}, {".", "DEC"},
            {",", "COMMA"}, {"D", "D"}, {"d", "D"}, {"G", "G"}, {"g", "G"}, {"S", "S"}, {"s", "S"}, {"V", "V"},
            {"v", "V"}};
    private static final String[] UNSUPPORTED = {"PR", "pr", "L", "l", "B", "b"};

    private static PgException syntax(String message) {
        return new PgException(SqlState.SYNTAX_ERROR, message);
    }

    private static List<Node> parse(String format) {
        List<Node> nodes = new ArrayList<>();
        int i = 0;
        outer:
        while (i < format.length()) {
            for (String u : UNSUPPORTED) {
                if (format.startsWith(u, i)) {
                    throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                            "to_char number format \"" + u.toUpperCase(Locale.ROOT) + "\" is not supported");
                }
            }
            for (String[] k : KEYWORDS) {
                if (format.startsWith(k[0], i)) {
                    nodes.add(new Node(Key.valueOf(k[1]), null));
                    i += k[0].length();
                    continue outer;
                }
            }
            char c = format.charAt(i);
            if (c == '"') {
                i = ToChar.quoted(format, i, ch -> nodes.add(new Node(null, String.valueOf((char) ch))));
                continue;
            }
            if (c == '\\' && i + 1 < format.length() && format.charAt(i + 1) == '"') {
                c = '"';
                i++;
            }
            nodes.add(new Node(null, String.valueOf(c)));
            i++;
        }
        return nodes;
    }

    /** NUMDesc: the counts and flags NUMDesc_prepare derives from the format. */
    private static final class Desc {
        int pre;
        int post;
        int multi;
        int zeroStart;
        int zeroEnd;
        int preLsignNum;
        boolean zero;
        boolean decimal;
        boolean fillMode;
        boolean lsign;
        boolean lsignPre;
        boolean lsignPost;
        boolean minus;
        boolean plus;
        boolean isMulti;
        boolean eeee;
        boolean roman;
    }

    private static Desc prepare(List<Node> nodes) {
        Desc num = new Desc();
        for (Node n : nodes) {
            if (n.key() == null) {
                continue;
            }
            if (num.eeee && n.key() != Key.EEEE) {
                throw syntax("\"EEEE\" must be the last pattern used");
            }
            switch (n.key()) {
                case NINE -> {
                    if (num.isMulti) {
                        num.multi++;
                    } else if (num.decimal) {
                        num.post++;
                    } else {
                        num.pre++;
                    }
                }
                case ZERO -> {
                    if (!num.zero && !num.decimal) {
                        num.zero = true;
                        num.zeroStart = num.pre + 1;
                    }
                    if (!num.decimal) {
                        num.pre++;
                    } else {
                        num.post++;
                    }
                    num.zeroEnd = num.pre + num.post;
                }
                case D, DEC -> {
                    if (num.decimal) {
                        throw syntax("multiple decimal points");
                    }
                    if (num.isMulti) {
                        throw syntax("cannot use \"V\" and decimal point together");
                    }
                    num.decimal = true;
                }
                case FM -> num.fillMode = true;
                case S -> {
                    if (num.lsign) {
                        throw syntax("cannot use \"S\" twice");
                    }
                    if (num.plus || num.minus) {
                        throw syntax("cannot use \"S\" and \"PL\"/\"MI\"/\"SG\"/\"PR\" together");
                    }
                    if (!num.decimal) {
                        num.lsignPre = true;
                        num.preLsignNum = num.pre;
                        num.lsign = true;
                    } else if (!num.lsignPre && !num.lsignPost) {
                        num.lsignPost = true;
                        num.lsign = true;
                    }
                }
                case MI, PL, SG -> {
                    if (num.lsign) {
                        throw syntax("cannot use \"S\" and \"" + n.key().name() + "\" together");
                    }
                    num.minus |= n.key() != Key.PL;
                    num.plus |= n.key() != Key.MI;
                }
                case EEEE -> {
                    if (num.eeee) {
                        throw syntax("cannot use \"EEEE\" twice");
                    }
                    if (num.fillMode || num.lsign || num.minus || num.plus || num.isMulti || num.roman) {
                        throw syntax("\"EEEE\" is incompatible with other formats").withDetail(
                                "\"EEEE\" may only be used together with digit and decimal point patterns.");
                    }
                    num.eeee = true;
                }
                case RN_UPPER, RN_LOWER -> num.roman = true;
                case V -> {
                    if (num.decimal) {
                        throw syntax("cannot use \"V\" and decimal point together");
                    }
                    num.isMulti = true;
                }
                default -> {
                }
            }
        }
        return num;
    }

    /** to_char(numeric, text): rounds to the format's decimals, then lays the digits into the pattern. */
    static String format(Object value, String format) {
        List<Node> nodes = parse(format);
        Desc num = prepare(nodes);
        if (num.eeee) {
            return value instanceof BigDecimal d ? scientific(d, num.post, false) : notFinite(num);
        }
        if (num.roman) {
            if (value instanceof NumericSpecial special) {
                throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, special == NumericSpecial.NAN
                        ? "cannot convert NaN to integer" : "cannot convert infinity to integer");
            }
            return roman(nodes, integer(((BigDecimal) value).setScale(0, RoundingMode.HALF_UP).longValue()));
        }
        String orgnum;
        if (value instanceof NumericSpecial special) {
            orgnum = io.tuskdb.types.TypeIO.toText(io.tuskdb.types.PgType.NUMERIC, special, null);
        } else {
            BigDecimal val = (BigDecimal) value;
            if (num.isMulti) {
                val = val.movePointRight(num.multi);
                num.pre += num.multi;
            }
            orgnum = val.setScale(num.post, RoundingMode.HALF_UP).toPlainString();
        }
        return layout(nodes, num, orgnum);
    }

    /** to_char(int4/int8, text): V multiplies in the integer's own width, wrapping as C does. */
    static String format(long value, String format, boolean isInt4) {
        List<Node> nodes = parse(format);
        Desc num = prepare(nodes);
        if (num.eeee) {
            // int4 goes through float8 (exact) and printf, int8 through numeric_out_sci
            return scientific(BigDecimal.valueOf(value), num.post, isInt4);
        }
        if (num.roman) {
            return roman(nodes, integer(value));
        }
        long val = value;
        if (num.isMulti) {
            long factor = (long) Math.pow(10, num.multi);
            val = isInt4 ? (int) value * (int) factor : value * factor;
            num.pre += num.multi;
        }
        String orgnum = Long.toString(val);
        if (num.post > 0) {
            orgnum = orgnum + "." + "0".repeat(num.post);
        }
        return layout(nodes, num, orgnum);
    }

    /** to_char(float8/float4, text): %.*f with at most DBL_DIG (FLT_DIG) significant digits. */
    static String format(double value, String format, boolean isFloat4) {
        List<Node> nodes = parse(format);
        Desc num = prepare(nodes);
        if (num.eeee) {
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return notFinite(num);
            }
            // printf("%+.*e"): the exact binary value rounded half-even; -0 keeps its sign
            String text = scientific(new BigDecimal(value), num.post, true);
            return value == 0 && 1 / value < 0 ? "-" + text.substring(1) : text;
        }
        if (num.roman) {
            return roman(nodes, (int) Math.rint(value));
        }
        double val = value;
        if (num.isMulti) {
            val = val * Math.pow(10, num.multi);
            num.pre += num.multi;
        }
        String orgnum;
        if (Double.isNaN(val) || Double.isInfinite(val)) {
            orgnum = Double.isNaN(val) ? "NaN" : val > 0 ? "Infinity" : "-Infinity";
        } else {
            int maxDigits = isFloat4 ? 6 : 15;
            int preLen = new BigDecimal(Math.abs(val)).setScale(0, RoundingMode.HALF_EVEN).toPlainString().length();
            if (preLen >= maxDigits) {
                num.post = 0;
            } else if (preLen + num.post > maxDigits) {
                num.post = maxDigits - preLen;
            }
            BigDecimal rounded = new BigDecimal(val).setScale(num.post, RoundingMode.HALF_EVEN);
            orgnum = (val < 0 || (val == 0 && 1 / val < 0) ? "-" : "") + rounded.abs().toPlainString();
        }
        return layout(nodes, num, orgnum);
    }

    /**
     * EEEE output: one digit, {@code post} decimals, e, the exponent's sign and at least two digits; a space stands
     * where a minus would. printf's %e rounds the exact value half-even and renormalises 9.96 to 1.0e+01;
     * numeric_out_sci rounds half away from zero and does not ("10.0e+00").
     */
    private static String scientific(BigDecimal value, int post, boolean printf) {
        RoundingMode rounding = printf ? RoundingMode.HALF_EVEN : RoundingMode.HALF_UP;
        int exponent = value.signum() == 0 ? 0 : value.precision() - value.scale() - 1;
        BigDecimal mantissa = value.movePointLeft(exponent).setScale(post, rounding);
        if (printf && mantissa.abs().compareTo(BigDecimal.TEN) >= 0) {
            exponent++;
            mantissa = value.movePointLeft(exponent).setScale(post, rounding);
        }
        StringBuilder out = new StringBuilder(post + 8);
        out.append(mantissa.signum() < 0 ? "" : " ").append(mantissa.toPlainString());
        out.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            out.append('0');
        }
        return out.append(abs).toString();
    }

    private static int integer(long value) {
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw io.tuskdb.error.Errors.outOfRange("integer");
        }
        return (int) value;
    }

    private static final String[] ROMAN_HUNDREDS = {"C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"};
    private static final String[] ROMAN_TENS = {"X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"};
    private static final String[] ROMAN_ONES = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};

    /**
     * RN / rn (int_to_roman): 1 to 3999 in Roman numerals, else 15 '#'; right-aligned in 15 characters unless FM.
     * Only formats of RN with FM and literal text are supported: what digit patterns do next to RN is obscure.
     */
    private static String roman(List<Node> nodes, int value) {
        boolean fill = false;
        for (Node n : nodes) {
            if (n.key() == Key.FM) {
                fill = true;
            } else if (n.key() != null && n.key() != Key.RN_UPPER && n.key() != Key.RN_LOWER) {
                throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                        "to_char number format \"RN\" together with other patterns is not supported");
            }
        }
        String numeral;
        if (value < 1 || value > 3999) {
            numeral = "#".repeat(15);
        } else {
            StringBuilder r = new StringBuilder("M".repeat(value / 1000));
            int[] digits = {value / 100 % 10, value / 10 % 10, value % 10};
            String[][] tables = {ROMAN_HUNDREDS, ROMAN_TENS, ROMAN_ONES};
            for (int i = 0; i < 3; i++) {
                if (digits[i] > 0) {
                    r.append(tables[i][digits[i] - 1]);
                }
            }
            numeral = r.toString();
        }
        StringBuilder out = new StringBuilder(16);
        for (Node n : nodes) {
            if (n.key() == null) {
                out.append(n.literal());
            } else if (n.key() != Key.FM) {
                String text = n.key() == Key.RN_LOWER ? numeral.toLowerCase(Locale.ROOT) : numeral;
                out.append(fill ? text : " ".repeat(Math.max(0, 15 - text.length())) + text);
            }
        }
        return out.toString();
    }

    /** NaN and infinities under EEEE: '#' for every position, the decimal point kept. */
    private static String notFinite(Desc num) {
        char[] out = "#".repeat(num.pre + num.post + 6).toCharArray();
        out[0] = ' ';
        out[num.pre + 1] = '.';
        return new String(out);
    }

    private static String layout(List<Node> nodes, Desc num, String orgnum) {
        char sign;
        String numstr;
        if (orgnum.startsWith("-")) {
            sign = '-';
            numstr = orgnum.substring(1);
        } else {
            sign = '+';
            numstr = orgnum;
        }
        int dot = numstr.indexOf('.');
        int preLen = dot >= 0 ? dot : numstr.length();
        int outPreSpaces = 0;
        if (preLen < num.pre) {
            outPreSpaces = num.pre - preLen;
        } else if (preLen > num.pre) {
            StringBuilder hashes = new StringBuilder("#".repeat(num.pre + num.post + 1));
            hashes.setCharAt(num.pre, '.');
            numstr = hashes.toString();
        }
        return new Processor(nodes, num, numstr, outPreSpaces, sign).run();
    }

    /**
     * The output buffer. Writing the number's terminating NUL (when the format has more digit positions than
     * the rounded number has digits) ends PostgreSQL's C string there; later writes are lost, as here.
     */
    private static final class Output {
        private final StringBuilder text = new StringBuilder();
        private boolean terminated;

        Output append(char c) {
            if (c == '\0') {
                terminated = true;
            } else if (!terminated) {
                text.append(c);
            }
            return this;
        }

        Output append(String s) {
            if (!terminated) {
                text.append(s);
            }
            return this;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** NUM_processor's state (NUMProc) for the to_char direction. */
    private static final class Processor {
        private final List<Node> nodes;
        private final Desc num;
        private final String number;
        private final Output out = new Output();
        private final int outPreSpaces;
        private final char sign;
        private boolean signWrote;
        private int numberP;
        private int numCurr;
        private int numCount;
        private boolean numIn;
        private int lastRelevant = -1;

        Processor(List<Node> nodes, Desc num, String number, int outPreSpaces, char sign) {
            this.nodes = nodes;
            this.num = num;
            this.number = number;
            this.outPreSpaces = outPreSpaces;
            this.sign = sign;
        }

        private char numberAt(int i) {
            return i < number.length() ? number.charAt(i) : '\0';
        }

        String run() {
            if (num.zeroStart > 0) {
                num.zeroStart--;
            }
            if (num.plus || num.minus) {
                signWrote = !(num.plus && !num.minus);
            } else {
                if (sign != '-') {
                    num.minus = false;
                } else if (num.plus) {
                    num.plus = false;
                }
                signWrote = sign == '+' && num.fillMode && !num.lsign;
                if (num.lsignPre && num.pre == num.preLsignNum) {
                    num.lsignPre = false;
                    num.lsignPost = true;
                }
            }
            numCount = num.post + num.pre - 1;
            if (num.fillMode && num.decimal) {
                lastRelevant = lastRelevantDecimal();
                if (lastRelevant >= 0 && num.zeroEnd > outPreSpaces) {
                    int lastZero = Math.min(number.length() - 1, num.zeroEnd - outPreSpaces);
                    if (lastRelevant < lastZero) {
                        lastRelevant = lastZero;
                    }
                }
            }
            if (!signWrote && outPreSpaces == 0) {
                numCount++;
            }
            for (Node n : nodes) {
                if (n.key() == null) {
                    out.append(n.literal());
                    continue;
                }
                switch (n.key()) {
                    case NINE, ZERO, DEC, D -> numpart(n.key());
                    case COMMA, G -> {
                        if (!numIn) {
                            if (!num.fillMode) {
                                out.append(' ');
                            }
                        } else {
                            out.append(',');
                        }
                    }
                    case TH_UPPER, TH_LOWER -> {
                        if (numberAt(0) != '#' && sign != '-' && !num.decimal) {
                            String th = ordinal(number);
                            out.append(n.key() == Key.TH_UPPER ? th.toUpperCase(Locale.ROOT) : th);
                        }
                    }
                    case MI -> {
                        if (sign == '-') {
                            out.append('-');
                        } else if (!num.fillMode) {
                            out.append(' ');
                        }
                    }
                    case PL -> {
                        if (sign == '+') {
                            out.append('+');
                        } else if (!num.fillMode) {
                            out.append(' ');
                        }
                    }
                    case SG -> out.append(sign);
                    default -> {
                    }
                }
            }
            return out.toString();
        }

        private int lastRelevantDecimal() {
            int p = number.indexOf('.');
            if (p < 0) {
                return -1;
            }
            int result = p;
            for (int i = p + 1; i < number.length(); i++) {
                if (number.charAt(i) != '0') {
                    result = i;
                }
            }
            return result;
        }

        private boolean predecSpace() {
            return !num.zero && numberP == 0 && numberAt(0) == '0' && num.post != 0;
        }

        /** NUM_numpart_to_char. */
        private void numpart(Key id) {
            numIn = false;
            if (!signWrote
                    && (numCurr >= outPreSpaces || (num.zero && num.zeroStart == numCurr))
                    && (!predecSpace() || (lastRelevant >= 0 && numberAt(lastRelevant) == '.'))) {
                if (num.lsign) {
                    if (num.lsignPre) {
                        out.append(sign == '-' ? '-' : '+');
                        signWrote = true;
                    }
                } else if (sign == '+') {
                    if (!num.fillMode) {
                        out.append(' ');
                    }
                    signWrote = true;
                } else if (sign == '-') {
                    out.append('-');
                    signWrote = true;
                }
            }
            if (numCurr < outPreSpaces && (num.zeroStart > numCurr || !num.zero)) {
                if (!num.fillMode) {
                    out.append(' ');
                }
            } else if (num.zero && numCurr < outPreSpaces && num.zeroStart <= numCurr) {
                out.append('0');
                numIn = true;
            } else {
                if (numberAt(numberP) == '.') {
                    if (lastRelevant < 0 || numberAt(lastRelevant) != '.') {
                        out.append('.');
                    } else if (num.fillMode) {
                        out.append('.');
                    }
                } else {
                    if (lastRelevant >= 0 && numberP > lastRelevant && id != Key.ZERO) {
                        // trailing zero dropped by FM
                    } else if (predecSpace()) {
                        if (!num.fillMode) {
                            out.append(' ');
                        } else if (lastRelevant >= 0 && numberAt(lastRelevant) == '.') {
                            out.append('0');
                        }
                    } else {
                        out.append(numberAt(numberP));
                        numIn = true;
                    }
                }
                if (numberP < number.length()) {
                    numberP++;
                }
            }
            int end = numCount + (outPreSpaces > 0 ? 1 : 0) + (num.decimal ? 1 : 0);
            if (lastRelevant >= 0 && lastRelevant == numberP) {
                end = numCurr;
            }
            if (numCurr + 1 == end && num.lsign && num.lsignPost) {
                out.append(sign == '-' ? '-' : '+');
            }
            numCurr++;
        }

        private static String ordinal(String digits) {
            int len = digits.length();
            char last = digits.charAt(len - 1);
            if (!Character.isDigit(last)) {
                throw new PgException(SqlState.INVALID_TEXT_REPRESENTATION, "\"" + digits + "\" is not a number");
            }
            if (len > 1 && digits.charAt(len - 2) == '1') {
                return "th";
            }
            return switch (last) {
                case '1' -> "st";
                case '2' -> "nd";
                case '3' -> "rd";
                default -> "th";
            };
        }
    }

    /**
     * to_number(text, text): reads digits, one decimal point and a sign where the format puts them (formatting.c
     * NUM_processor with is_to_char = false and NUM_numpart_from_char), then numeric_in with the format's
     * precision and scale.
     */
    static Object parseNumber(String input, String format) {
        if (format.isEmpty()) {
            return null;
        }
        List<Node> nodes = parse(format);
        Desc num = prepare(nodes);
        if (num.eeee || num.roman) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    "\"" + (num.roman ? "RN" : "EEEE") + "\" not supported for input");
        }
        Reader reader = new Reader(input, num);
        reader.run(nodes);
        String numstr = reader.number.toString();
        int scale = reader.readPost;
        int precision = num.pre + num.multi + scale;
        Object value = io.tuskdb.types.TypeIO.fromText(io.tuskdb.types.PgType.NUMERIC, numstr,
                io.tuskdb.types.FormatSettings.DEFAULT);
        value = io.tuskdb.types.Casts.applyTypmod(io.tuskdb.types.PgType.NUMERIC, value,
                io.tuskdb.types.Typmods.numeric(Math.max(precision, 1), scale), false);
        if (num.isMulti && value instanceof BigDecimal d) {
            value = NumericOps.multiply(d, NumericOps.power(BigDecimal.TEN, BigDecimal.valueOf(-num.multi)));
        }
        return value;
    }

    /** NUMProc for the from_char direction. */
    private static final class Reader {
        private final String in;
        private final Desc num;
        private final StringBuilder number = new StringBuilder(" ");
        private int p;
        private int readPre;
        private int readPost;
        private boolean readDec;

        Reader(String in, Desc num) {
            this.in = in;
            this.num = num;
        }

        private boolean overload() {
            return p >= in.length();
        }

        private char at(int i) {
            return i < in.length() ? in.charAt(i) : '\0';
        }

        private void eatNonData(int n) {
            while (n-- > 0 && !overload()) {
                if ("0123456789.,+-".indexOf(at(p)) >= 0) {
                    break;
                }
                p += Character.charCount(in.codePointAt(p));
            }
        }

        void run(List<Node> nodes) {
            for (Node n : nodes) {
                if (overload()) {
                    break;
                }
                if (n.key() == null) {
                    p += Character.charCount(in.codePointAt(p));
                    continue;
                }
                switch (n.key()) {
                    case NINE, ZERO, DEC, D -> numpart(n.key());
                    case COMMA, G -> {
                        if (num.fillMode || at(p) != ',') {
                            continue;
                        }
                    }
                    case TH_UPPER, TH_LOWER -> {
                        eatNonData(2);
                        continue;
                    }
                    case MI, PL, SG -> {
                        char c = at(p);
                        boolean minus = c == '-' && n.key() != Key.PL;
                        boolean plus = c == '+' && n.key() != Key.MI;
                        if (minus || plus) {
                            number.setCharAt(0, c);
                        } else {
                            eatNonData(1);
                            continue;
                        }
                    }
                    default -> {
                        continue;
                    }
                }
                p++;
            }
            if (number.length() > 1 && number.charAt(number.length() - 1) == '.') {
                number.setLength(number.length() - 1);
            }
        }

        /** NUM_numpart_from_char. */
        private void numpart(Key id) {
            boolean isread = false;
            if (overload()) {
                return;
            }
            if (at(p) == ' ') {
                p++;
            }
            if (overload()) {
                return;
            }
            if (number.charAt(0) == ' ' && (id == Key.ZERO || id == Key.NINE) && readPre + readPost == 0) {
                if (num.lsign && num.lsignPre) {
                    if (at(p) == '-' || at(p) == '+') {
                        number.setCharAt(0, at(p));
                        p++;
                    }
                } else if (at(p) == '-' || at(p) == '+') {
                    number.setCharAt(0, at(p));
                    p++;
                }
            }
            if (overload()) {
                return;
            }
            char c = at(p);
            if (c >= '0' && c <= '9') {
                if (readDec && readPost == num.post) {
                    return;
                }
                number.append(c);
                if (readDec) {
                    readPost++;
                } else {
                    readPre++;
                }
                isread = true;
            } else if (num.decimal && !readDec && c == '.') {
                number.append('.');
                readDec = true;
                isread = true;
            }
            if (overload()) {
                return;
            }
            if (number.charAt(0) == ' ' && readPre + readPost > 0) {
                if (num.lsign && isread && p + 1 < in.length() && !Character.isDigit(at(p + 1))) {
                    char next = at(p + 1);
                    if (next == '-' || next == '+') {
                        p++;
                        number.setCharAt(0, next);
                    }
                } else if (!isread && !num.lsign && (num.plus || num.minus)) {
                    if (c == '-' || c == '+') {
                        number.setCharAt(0, c);
                    }
                }
            }
        }
    }
}
