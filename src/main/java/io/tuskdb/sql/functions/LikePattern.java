package io.tuskdb.sql.functions;

/**
 * A LIKE / ILIKE pattern prepared once for many values: the public face of like_match.c's {@code MatchText}
 * ({@link LikeMatcher}) for callers outside this package. ESCAPE is applied when compiling (a null escape means the
 * default backslash, an empty one none); ILIKE folds ASCII letters only, as the C locale does, so 'É' ILIKE 'é' is
 * false. An escape at the very end of the pattern is an error only when matching reaches it, as in PostgreSQL
 * ({@code 'a' LIKE 'a\'} is false, {@code 'ab' LIKE 'a\'} fails). For char(n) values pass the blank-padded string
 * (bpcharlike matches the padding).
 */
public final class LikePattern {
    private final String pattern;
    private final boolean caseInsensitive;

    private LikePattern(String pattern, boolean caseInsensitive) {
        this.pattern = pattern;
        this.caseInsensitive = caseInsensitive;
    }

    public static LikePattern compile(String pattern, String escape, boolean caseInsensitive) {
        String backslashForm = escape == null ? pattern : LikeMatcher.withEscape(pattern, escape);
        return new LikePattern(caseInsensitive ? LikeMatcher.asciiLower(backslashForm) : backslashForm,
                caseInsensitive);
    }

    public boolean matches(String value) {
        return LikeMatcher.like(caseInsensitive ? LikeMatcher.asciiLower(value) : value, pattern);
    }
}
