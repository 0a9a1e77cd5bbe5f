package io.tuskdb.sql.functions;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static io.tuskdb.sql.functions.Volatility.IMMUTABLE;
import static io.tuskdb.types.PgType.BOOL;
import static io.tuskdb.types.PgType.BPCHAR;
import static io.tuskdb.types.PgType.INT4;
import static io.tuskdb.types.PgType.NAME;
import static io.tuskdb.types.PgType.TEXT;

/**
 * POSIX regular expressions (~ ~* !~ !~*, regexp_replace, regexp_like, regexp_count, regexp_substr,
 * regexp_instr) on java.util.regex. PostgreSQL's ARE syntax is translated where the two differ: bracket classes
 * such as [[:digit:]], the word-boundary escapes \m \M \y \Y, and '.' matching newlines. Compiled patterns are
 * cached per (pattern, flags), so a constant pattern compiles once.
 */
final class RegexFunctions {
    private RegexFunctions() {
    }

    private static final int CACHE_SIZE = 256;
    private static final Map<String, Pattern> CACHE = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    static void register(Registry r) {
        for (var left : new io.tuskdb.types.PgType[]{TEXT, BPCHAR, NAME}) {
            r.op("~", left, TEXT, BOOL, (s, a, b) -> find((String) a, (String) b, 0));
            r.op("!~", left, TEXT, BOOL, (s, a, b) -> !find((String) a, (String) b, 0));
            r.op("~*", left, TEXT, BOOL, (s, a, b) -> find((String) a, (String) b, Pattern.CASE_INSENSITIVE));
            r.op("!~*", left, TEXT, BOOL, (s, a, b) -> !find((String) a, (String) b, Pattern.CASE_INSENSITIVE));
        }
        r.fn("regexp_replace", TEXT, IMMUTABLE, (c, a) -> replace((String) a[0], (String) a[1], (String) a[2], ""), TEXT, TEXT, TEXT);
        r.fn("regexp_replace", TEXT, IMMUTABLE, (c, a) -> replace((String) a[0], (String) a[1], (String) a[2], (String) a[3]), TEXT, TEXT, TEXT, TEXT);
        r.fn("regexp_like", BOOL, IMMUTABLE, (c, a) -> pattern((String) a[1], "").matcher((String) a[0]).find(), TEXT, TEXT);
        r.fn("regexp_like", BOOL, IMMUTABLE, (c, a) -> {
            if (((String) a[2]).indexOf('g') >= 0) {
                throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "regexp_like() does not support the \"global\" option");
            }
            return pattern((String) a[1], (String) a[2]).matcher((String) a[0]).find();
        }, TEXT, TEXT, TEXT);
        r.fn("regexp_count", INT4, IMMUTABLE, (c, a) -> count((String) a[0], (String) a[1]), TEXT, TEXT);
        r.fn("regexp_substr", TEXT, IMMUTABLE, (c, a) -> substr((String) a[0], (String) a[1]), TEXT, TEXT);
        r.fn("regexp_instr", INT4, IMMUTABLE, (c, a) -> instr((String) a[0], (String) a[1]), TEXT, TEXT);
    }

    private static boolean find(String text, String regex, int flags) {
        return compile(regex, flags).matcher(text).find();
    }

    private static Pattern pattern(String regex, String flagText) {
        int flags = 0;
        for (int i = 0; i < flagText.length(); i++) {
            switch (flagText.charAt(i)) {
                case 'i' -> flags |= Pattern.CASE_INSENSITIVE;
                case 'c', 'g' -> {
                }
                case 'n', 'm' -> flags |= Pattern.MULTILINE | NEWLINE_SENSITIVE;
                default -> throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                        "invalid regular expression option: \"" + flagText.charAt(i) + "\"");
            }
        }
        return compile(regex, flags);
    }

    /** A private flag bit: '.' and bracket negations stop at newlines (the 'n' option). */
    private static final int NEWLINE_SENSITIVE = 1 << 30;

    static Pattern compile(String regex, int flags) {
        String key = flags + ":" + regex;
        synchronized (CACHE) {
            Pattern p = CACHE.get(key);
            if (p != null) {
                return p;
            }
        }
        Pattern p;
        try {
            int javaFlags = flags & ~NEWLINE_SENSITIVE;
            if ((flags & NEWLINE_SENSITIVE) == 0) {
                javaFlags |= Pattern.DOTALL;
            }
            p = Pattern.compile(translate(regex), javaFlags);
        } catch (PatternSyntaxException e) {
            throw new PgException(SqlState.INVALID_REGULAR_EXPRESSION,
                    "invalid regular expression: " + e.getDescription());
        }
        synchronized (CACHE) {
            CACHE.put(key, p);
        }
        return p;
    }

    /** Rewrites the ARE constructs Java reads differently. */
    static String translate(String re) {
        StringBuilder out = new StringBuilder(re.length() + 8);
        int i = 0;
        boolean inBracket = false;
        while (i < re.length()) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < re.length()) {
                char n = re.charAt(i + 1);
                if (!inBracket && (n == 'm' || n == 'M' || n == 'y')) {
                    out.append(n == 'm' ? "\\b(?=\\w)" : n == 'M' ? "\\b(?<=\\w)" : "\\b");
                } else if (!inBracket && n == 'Y') {
                    out.append("\\B");
                } else {
                    out.append(c).append(n);
                }
                i += 2;
                continue;
            }
            if (inBracket) {
                if (c == '[' && i + 1 < re.length() && re.charAt(i + 1) == ':') {
                    int end = re.indexOf(":]", i + 2);
                    if (end > 0) {
                        out.append(posixClass(re.substring(i + 2, end)));
                        i = end + 2;
                        continue;
                    }
                }
                if (c == '[') {
                    out.append("\\[");
                    i++;
                    continue;
                }
                if (c == ']') {
                    inBracket = false;
                }
                out.append(c);
                i++;
                continue;
            }
            if (c == '[') {
                inBracket = true;
                out.append(c);
                i++;
                if (i < re.length() && re.charAt(i) == '^') {
                    out.append('^');
                    i++;
                }
                if (i < re.length() && re.charAt(i) == ']') {
                    out.append("\\]");
                    i++;
                }
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String posixClass(String name) {
        return switch (name) {
            case "alpha" -> "\\p{Alpha}";
            case "digit" -> "\\d";
            case "alnum" -> "\\p{Alnum}";
            case "upper" -> "\\p{Upper}";
            case "lower" -> "\\p{Lower}";
            case "space" -> "\\s";
            case "punct" -> "\\p{Punct}";
            case "xdigit" -> "\\p{XDigit}";
            case "blank" -> "\\p{Blank}";
            case "cntrl" -> "\\p{Cntrl}";
            case "graph" -> "\\p{Graph}";
            case "print" -> "\\p{Print}";
            case "word" -> "\\w";
            default -> throw new PgException(SqlState.INVALID_REGULAR_EXPRESSION,
                    "invalid regular expression: invalid character class");
        };
    }

    /** regexp_replace: \1..\9 insert groups, \& the whole match; flag g replaces every match. */
    static String replace(String source, String regex, String replacement, String flags) {
        Matcher m = pattern(regex, flags).matcher(source);
        boolean global = flags.indexOf('g') >= 0;
        StringBuilder out = new StringBuilder(source.length());
        int last = 0;
        while (m.find()) {
            out.append(source, last, m.start());
            appendReplacement(out, m, replacement);
            last = m.end();
            if (!global) {
                break;
            }
        }
        out.append(source, last, source.length());
        return out.toString();
    }

    private static void appendReplacement(StringBuilder out, Matcher m, String replacement) {
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '\\' && i + 1 < replacement.length()) {
                char n = replacement.charAt(i + 1);
                if (n >= '1' && n <= '9') {
                    int group = n - '0';
                    if (group <= m.groupCount() && m.group(group) != null) {
                        out.append(m.group(group));
                    }
                    i++;
                    continue;
                }
                if (n == '&') {
                    out.append(m.group());
                    i++;
                    continue;
                }
                if (n == '\\') {
                    out.append('\\');
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
    }

    private static int count(String source, String regex) {
        Matcher m = pattern(regex, "").matcher(source);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String substr(String source, String regex) {
        Matcher m = pattern(regex, "").matcher(source);
        return m.find() ? m.group() : null;
    }

    private static int instr(String source, String regex) {
        Matcher m = pattern(regex, "").matcher(source);
        return m.find() ? source.codePointCount(0, m.start()) + 1 : 0;
    }
}
