package io.tuskdb.sql.executor;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

/**
 * LIKE / ILIKE pattern matching (PostgreSQL's like_match.c semantics): % any sequence, _ one character, the
 * escape character (default backslash; empty string for none) makes the next character literal.
 */
public final class LikeMatcher {
    private static final int ANY_SEQ = -1;
    private static final int ANY_ONE = -2;
    private final int[] pattern;
    private final boolean caseInsensitive;

    private LikeMatcher(int[] pattern, boolean caseInsensitive) {
        this.pattern = pattern;
        this.caseInsensitive = caseInsensitive;
    }

    public static LikeMatcher compile(String pattern, String escape, boolean caseInsensitive) {
        int esc;
        if (escape == null) {
            esc = '\\';
        } else if (escape.isEmpty()) {
            esc = -1;
        } else if (escape.codePointCount(0, escape.length()) != 1) {
            throw new PgException(SqlState.INVALID_ESCAPE_SEQUENCE, "invalid escape string")
                    .withHint("Escape string must be empty or one character.");
        } else {
            esc = escape.codePointAt(0);
        }
        String p = caseInsensitive ? pattern.toLowerCase() : pattern;
        int[] cps = p.codePoints().toArray();
        int[] out = new int[cps.length];
        int n = 0;
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c == esc) {
                if (i + 1 >= cps.length) {
                    throw new PgException(SqlState.INVALID_ESCAPE_SEQUENCE,
                            "LIKE pattern must not end with escape character");
                }
                out[n++] = cps[++i];
            } else if (c == '%') {
                if (n == 0 || out[n - 1] != ANY_SEQ) {
                    out[n++] = ANY_SEQ;
                }
            } else if (c == '_') {
                out[n++] = ANY_ONE;
            } else {
                out[n++] = c;
            }
        }
        return new LikeMatcher(java.util.Arrays.copyOf(out, n), caseInsensitive);
    }

    public boolean matches(String value) {
        int[] s = (caseInsensitive ? value.toLowerCase() : value).codePoints().toArray();
        int si = 0;
        int pi = 0;
        int starP = -1;
        int starS = 0;
        while (si < s.length) {
            if (pi < pattern.length && pattern[pi] == ANY_SEQ) {
                starP = pi++;
                starS = si;
            } else if (pi < pattern.length && (pattern[pi] == ANY_ONE || pattern[pi] == s[si])) {
                pi++;
                si++;
            } else if (starP >= 0) {
                pi = starP + 1;
                si = ++starS;
            } else {
                return false;
            }
        }
        while (pi < pattern.length && pattern[pi] == ANY_SEQ) {
            pi++;
        }
        return pi == pattern.length;
    }
}
