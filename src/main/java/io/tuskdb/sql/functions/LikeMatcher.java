package io.tuskdb.sql.functions;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

/**
 * SQL LIKE matching as like_match.c's {@code MatchText}: % matches any run, _ one character, a backslash makes the
 * next pattern character literal. Works on the strings directly (no regular expression is compiled); the
 * LIKE_ABORT result stops the search for a % as soon as the rest of the text cannot match.
 */
final class LikeMatcher {
    private LikeMatcher() {
    }

    private static final int FALSE = 0;
    private static final int TRUE = 1;
    private static final int ABORT = -1;

    static boolean like(String text, String pattern) {
        return match(text, 0, pattern, 0) == TRUE;
    }

    /** ILIKE in the C locale: ASCII letters fold to lower case on both sides. */
    static boolean ilike(String text, String pattern) {
        return like(asciiLower(text), asciiLower(pattern));
    }

    static String asciiLower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= 'A' && chars[j] <= 'Z') {
                        chars[j] = (char) (chars[j] + 32);
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }

    private static PgException trailingEscape() {
        return new PgException(SqlState.INVALID_ESCAPE_SEQUENCE, "LIKE pattern must not end with escape character");
    }

    private static int next(String s, int i) {
        return i + (Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() ? 2 : 1);
    }

    private static int match(String t, int ti, String p, int pi) {
        int tlen = t.length();
        int plen = p.length();
        if (plen - pi == 1 && p.charAt(pi) == '%') {
            return TRUE;
        }
        while (ti < tlen && pi < plen) {
            char pc = p.charAt(pi);
            if (pc == '\\') {
                pi++;
                if (pi >= plen) {
                    throw trailingEscape();
                }
                if (p.charAt(pi) != t.charAt(ti)) {
                    return FALSE;
                }
            } else if (pc == '%') {
                pi++;
                while (pi < plen) {
                    char c = p.charAt(pi);
                    if (c == '%') {
                        pi++;
                    } else if (c == '_') {
                        if (ti >= tlen) {
                            return ABORT;
                        }
                        ti = next(t, ti);
                        pi++;
                    } else {
                        break;
                    }
                }
                if (pi >= plen) {
                    return TRUE;
                }
                char first;
                if (p.charAt(pi) == '\\') {
                    if (pi + 1 >= plen) {
                        throw trailingEscape();
                    }
                    first = p.charAt(pi + 1);
                } else {
                    first = p.charAt(pi);
                }
                while (ti < tlen) {
                    if (t.charAt(ti) == first) {
                        int matched = match(t, ti, p, pi);
                        if (matched != FALSE) {
                            return matched;
                        }
                    }
                    ti = next(t, ti);
                }
                return ABORT;
            } else if (pc == '_') {
                ti = next(t, ti);
                pi++;
                continue;
            } else if (pc != t.charAt(ti)) {
                return FALSE;
            }
            ti++;
            pi++;
        }
        if (ti < tlen) {
            return FALSE;
        }
        while (pi < plen && p.charAt(pi) == '%') {
            pi++;
        }
        return pi >= plen ? TRUE : ABORT;
    }

    /**
     * like_escape(pattern, escape): rewrites a pattern written with another ESCAPE character (or none, for an
     * empty escape) into the backslash form {@link #like} reads.
     */
    static String withEscape(String pattern, String escape) {
        int escapeLength = escape.codePointCount(0, escape.length());
        if (escapeLength > 1) {
            throw new PgException(SqlState.INVALID_ESCAPE_SEQUENCE, "invalid escape string")
                    .withHint("Escape string must be empty or one character.");
        }
        StringBuilder out = new StringBuilder(pattern.length() + 4);
        if (escapeLength == 0) {
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            return out.toString();
        }
        int esc = escape.codePointAt(0);
        if (esc == '\\') {
            return pattern;
        }
        boolean afterEscape = false;
        for (int i = 0; i < pattern.length(); ) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            if (afterEscape) {
                if (c == '\\') {
                    out.append('\\');
                }
                out.appendCodePoint(c);
                afterEscape = false;
            } else if (c == esc) {
                out.append('\\');
                afterEscape = true;
            } else if (c == '\\') {
                out.append("\\\\");
            } else {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }
}
