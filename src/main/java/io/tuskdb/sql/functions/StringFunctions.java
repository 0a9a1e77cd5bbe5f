package io.tuskdb.sql.functions;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static io.tuskdb.sql.functions.Volatility.IMMUTABLE;
import static io.tuskdb.sql.functions.Volatility.STABLE;
import static io.tuskdb.types.PgType.BOOL;
import static io.tuskdb.types.PgType.BPCHAR;
import static io.tuskdb.types.PgType.BYTEA;
import static io.tuskdb.types.PgType.INT4;
import static io.tuskdb.types.PgType.INT8;
import static io.tuskdb.types.PgType.TEXT;

/**
 * String functions (varlena.c, oracle_compat.c) with character (code point) semantics on UTF-8 text and the C
 * locale's ASCII-only case mapping for lower, upper and initcap.
 */
final class StringFunctions {
    private StringFunctions() {
    }

    static void register(Registry r) {
        r.fn("lower", TEXT, IMMUTABLE, (c, a) -> asciiCase((String) a[0], false), TEXT);
        r.fn("upper", TEXT, IMMUTABLE, (c, a) -> asciiCase((String) a[0], true), TEXT);
        r.fn("initcap", TEXT, IMMUTABLE, (c, a) -> initcap((String) a[0]), TEXT);
        for (String name : new String[]{"length", "char_length", "character_length"}) {
            r.fn(name, INT4, IMMUTABLE, (c, a) -> charLength((String) a[0]), TEXT);
            r.fn(name, INT4, IMMUTABLE, (c, a) -> charLength(rtrimSpaces((String) a[0])), BPCHAR);
        }
        r.fn("length", INT4, IMMUTABLE, (c, a) -> ((byte[]) a[0]).length, BYTEA);
        r.fn("octet_length", INT4, IMMUTABLE, (c, a) -> utf8Length((String) a[0]), TEXT);
        r.fn("octet_length", INT4, IMMUTABLE, (c, a) -> utf8Length((String) a[0]), BPCHAR);
        r.fn("octet_length", INT4, IMMUTABLE, (c, a) -> ((byte[]) a[0]).length, BYTEA);
        r.fn("bit_length", INT4, IMMUTABLE, (c, a) -> utf8Length((String) a[0]) * 8, TEXT);
        for (String name : new String[]{"substr", "substring"}) {
            r.fn(name, TEXT, IMMUTABLE, (c, a) -> substr((String) a[0], (Integer) a[1], null), TEXT, INT4);
            r.fn(name, TEXT, IMMUTABLE, (c, a) -> substr((String) a[0], (Integer) a[1], (Integer) a[2]), TEXT, INT4, INT4);
        }
        r.fn("strpos", INT4, IMMUTABLE, (c, a) -> strpos((String) a[0], (String) a[1]), TEXT, TEXT);
        r.fn("position", INT4, IMMUTABLE, (c, a) -> strpos((String) a[0], (String) a[1]), TEXT, TEXT);
        r.fn("overlay", TEXT, IMMUTABLE, (c, a) -> overlay((String) a[0], (String) a[1], (Integer) a[2],
                charLength((String) a[1])), TEXT, TEXT, INT4);
        r.fn("overlay", TEXT, IMMUTABLE, (c, a) -> overlay((String) a[0], (String) a[1], (Integer) a[2],
                (Integer) a[3]), TEXT, TEXT, INT4, INT4);
        r.fn("btrim", TEXT, IMMUTABLE, (c, a) -> trim((String) a[0], " ", true, true), TEXT);
        r.fn("btrim", TEXT, IMMUTABLE, (c, a) -> trim((String) a[0], (String) a[1], true, true), TEXT, TEXT);
        r.fn("ltrim", TEXT, IMMUTABLE, (c, a) -> trim((String) a[0], " ", true, false), TEXT);
        r.fn("ltrim", TEXT, IMMUTABLE, (c, a) -> trim((String) a[0], (String) a[1], true, false), TEXT, TEXT);
        r.fn("rtrim", TEXT, IMMUTABLE, (c, a) -> trim((String) a[0], " ", false, true), TEXT);
        r.fn("rtrim", TEXT, IMMUTABLE, (c, a) -> trim((String) a[0], (String) a[1], false, true), TEXT, TEXT);
        r.fn("replace", TEXT, IMMUTABLE, (c, a) -> replace((String) a[0], (String) a[1], (String) a[2]), TEXT, TEXT, TEXT);
        r.variadic("concat", TEXT, false, STABLE, null, (c, a) -> concat(c, a, null, 0));
        r.variadic("concat_ws", TEXT, false, STABLE, null, (c, a) -> a[0] == null ? null : concat(c, a, (String) a[0], 1), TEXT);
        r.fn("left", TEXT, IMMUTABLE, (c, a) -> left((String) a[0], (Integer) a[1]), TEXT, INT4);
        r.fn("right", TEXT, IMMUTABLE, (c, a) -> right((String) a[0], (Integer) a[1]), TEXT, INT4);
        r.fn("repeat", TEXT, IMMUTABLE, (c, a) -> repeat((String) a[0], (Integer) a[1]), TEXT, INT4);
        r.fn("reverse", TEXT, IMMUTABLE, (c, a) -> new StringBuilder((String) a[0]).reverse().toString(), TEXT);
        r.fn("lpad", TEXT, IMMUTABLE, (c, a) -> pad((String) a[0], (Integer) a[1], " ", true), TEXT, INT4);
        r.fn("lpad", TEXT, IMMUTABLE, (c, a) -> pad((String) a[0], (Integer) a[1], (String) a[2], true), TEXT, INT4, TEXT);
        r.fn("rpad", TEXT, IMMUTABLE, (c, a) -> pad((String) a[0], (Integer) a[1], " ", false), TEXT, INT4);
        r.fn("rpad", TEXT, IMMUTABLE, (c, a) -> pad((String) a[0], (Integer) a[1], (String) a[2], false), TEXT, INT4, TEXT);
        r.fn("md5", TEXT, IMMUTABLE, (c, a) -> md5(((String) a[0]).getBytes(StandardCharsets.UTF_8)), TEXT);
        r.fn("md5", TEXT, IMMUTABLE, (c, a) -> md5((byte[]) a[0]), BYTEA);
        r.fn("ascii", INT4, IMMUTABLE, (c, a) -> ((String) a[0]).isEmpty() ? 0 : ((String) a[0]).codePointAt(0), TEXT);
        r.fn("chr", TEXT, IMMUTABLE, (c, a) -> chr((Integer) a[0]), INT4);
        r.fn("split_part", TEXT, IMMUTABLE, (c, a) -> splitPart((String) a[0], (String) a[1], (Integer) a[2]), TEXT, TEXT, INT4);
        r.fn("starts_with", BOOL, IMMUTABLE, (c, a) -> ((String) a[0]).startsWith((String) a[1]), TEXT, TEXT);
        r.fn("to_hex", TEXT, IMMUTABLE, (c, a) -> Integer.toHexString((Integer) a[0]), INT4);
        r.fn("to_hex", TEXT, IMMUTABLE, (c, a) -> Long.toHexString((Long) a[0]), INT8);
        r.fn("translate", TEXT, IMMUTABLE, (c, a) -> translate((String) a[0], (String) a[1], (String) a[2]), TEXT, TEXT, TEXT);
        r.fn("quote_ident", TEXT, IMMUTABLE, (c, a) -> quoteIdent((String) a[0]), TEXT);
        r.fn("quote_literal", TEXT, IMMUTABLE, (c, a) -> quoteLiteral((String) a[0]), TEXT);
        r.fnNullable("quote_nullable", TEXT, IMMUTABLE, (c, a) -> a[0] == null ? "NULL" : quoteLiteral((String) a[0]), TEXT);
        r.fn("like_escape", TEXT, IMMUTABLE, (c, a) -> LikeMatcher.withEscape((String) a[0], (String) a[1]), TEXT, TEXT);
        r.fn("textlike", BOOL, IMMUTABLE, (c, a) -> LikeMatcher.like((String) a[0], (String) a[1]), TEXT, TEXT);
        r.fn("texticlike", BOOL, IMMUTABLE, (c, a) -> LikeMatcher.ilike((String) a[0], (String) a[1]), TEXT, TEXT);
    }

    static String rtrimSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    static int charLength(String s) {
        return s.codePointCount(0, s.length());
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    static String asciiCase(String s, boolean upper) {
        char[] chars = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean change = upper ? (c >= 'a' && c <= 'z') : (c >= 'A' && c <= 'Z');
            if (change) {
                if (chars == null) {
                    chars = s.toCharArray();
                }
                chars[i] = (char) (upper ? c - 32 : c + 32);
            }
        }
        return chars == null ? s : new String(chars);
    }

    /** initcap: the first letter of each run of alphanumerics upper case, the rest lower (ASCII, C locale). */
    static String initcap(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean wasAlnum = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (wasAlnum) {
                out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            } else {
                out.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
            }
            wasAlnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return out.toString();
    }

    /** text_substr: characters [start, start + count), clipped to the string; a negative count is an error. */
    static String substr(String s, int start, Integer count) {
        long from = start;
        long to;
        if (count == null) {
            to = Long.MAX_VALUE;
        } else {
            if (count < 0) {
                throw new PgException(SqlState.SUBSTRING_ERROR, "negative substring length not allowed");
            }
            to = (long) start + count;
        }
        int length = charLength(s);
        long begin = Math.max(from, 1);
        long end = Math.min(to, (long) length + 1);
        if (begin >= end) {
            return "";
        }
        int b = s.offsetByCodePoints(0, (int) begin - 1);
        int e = s.offsetByCodePoints(b, (int) (end - begin));
        return s.substring(b, e);
    }

    static int strpos(String s, String sub) {
        int idx = s.indexOf(sub);
        return idx < 0 ? 0 : s.codePointCount(0, idx) + 1;
    }

    /** overlay(s placing r from start for count) = substr(s, 1, start - 1) || r || substr(s, start + count). */
    static String overlay(String s, String replacement, int start, int count) {
        long rest = (long) start + count;
        if (rest > Integer.MAX_VALUE || rest < Integer.MIN_VALUE) {
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
        }
        return substr(s, 1, start - 1) + replacement + substr(s, (int) rest, null);
    }

    static String trim(String s, String chars, boolean leading, boolean trailing) {
        int begin = 0;
        int end = s.length();
        if (leading) {
            while (begin < end) {
                int cp = s.codePointAt(begin);
                if (chars.indexOf(cp) < 0) {
                    break;
                }
                begin += Character.charCount(cp);
            }
        }
        if (trailing) {
            while (end > begin) {
                int cp = s.codePointBefore(end);
                if (chars.indexOf(cp) < 0) {
                    break;
                }
                end -= Character.charCount(cp);
            }
        }
        return s.substring(begin, end);
    }

    static String replace(String s, String from, String to) {
        return from.isEmpty() ? s : s.replace(from, to);
    }

    private static String concat(io.tuskdb.sql.ExecutionContext context, Object[] args, String separator, int first) {
        StringBuilder out = new StringBuilder();
        boolean any = false;
        for (int i = first; i < args.length; i++) {
            if (args[i] == null) {
                continue;
            }
            if (separator != null && any) {
                out.append(separator);
            }
            out.append(AnyText.of(args[i], AnyText.settings(context)));
            any = true;
        }
        return out.toString();
    }

    static String left(String s, int n) {
        int length = charLength(s);
        int keep = n >= 0 ? Math.min(n, length) : Math.max(0, length + n);
        return s.substring(0, s.offsetByCodePoints(0, keep));
    }

    static String right(String s, int n) {
        int length = charLength(s);
        int keep = n >= 0 ? Math.min(n, length) : Math.max(0, length + n);
        return s.substring(s.offsetByCodePoints(0, length - keep));
    }

    static String repeat(String s, int n) {
        if (n <= 0 || s.isEmpty()) {
            return "";
        }
        if ((long) s.length() * n > 0x3FFFFFFF) {
            throw new PgException(SqlState.PROGRAM_LIMIT_EXCEEDED, "requested length too large");
        }
        return s.repeat(n);
    }

    static String pad(String s, int length, String fill, boolean left) {
        if (length <= 0) {
            return "";
        }
        int current = charLength(s);
        if (current >= length || fill.isEmpty()) {
            return s.substring(0, s.offsetByCodePoints(0, Math.min(current, length)));
        }
        int need = length - current;
        StringBuilder padding = new StringBuilder();
        int fillLength = charLength(fill);
        while (need > 0) {
            int take = Math.min(need, fillLength);
            padding.append(fill, 0, fill.offsetByCodePoints(0, take));
            need -= take;
        }
        return left ? padding + s : s + padding;
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String chr(int code) {
        if (code == 0) {
            throw new PgException(SqlState.PROGRAM_LIMIT_EXCEEDED, "null character not permitted");
        }
        if (code < 0) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "character number must be positive");
        }
        if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            throw new PgException(SqlState.PROGRAM_LIMIT_EXCEEDED, "requested character too large for encoding: " + code);
        }
        return new String(Character.toChars(code));
    }

    static String splitPart(String s, String delimiter, int field) {
        if (field == 0) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "field position must not be zero");
        }
        if (delimiter.isEmpty()) {
            return (field == 1 || field == -1) ? s : "";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        int from = 0;
        while (true) {
            int idx = s.indexOf(delimiter, from);
            if (idx < 0) {
                parts.add(s.substring(from));
                break;
            }
            parts.add(s.substring(from, idx));
            from = idx + delimiter.length();
        }
        if (s.isEmpty()) {
            return "";
        }
        int index = field > 0 ? field - 1 : parts.size() + field;
        return index >= 0 && index < parts.size() ? parts.get(index) : "";
    }

    static String translate(String s, String from, String to) {
        StringBuilder out = new StringBuilder(s.length());
        int[] fromCps = from.codePoints().toArray();
        int[] toCps = to.codePoints().toArray();
        s.codePoints().forEach(cp -> {
            for (int i = 0; i < fromCps.length; i++) {
                if (fromCps[i] == cp) {
                    if (i < toCps.length) {
                        out.appendCodePoint(toCps[i]);
                    }
                    return;
                }
            }
            out.appendCodePoint(cp);
        });
        return out.toString();
    }

    /** PostgreSQL 15's keywords that are not UNRESERVED_KEYWORD (kwlist.h): quote_ident quotes them. */
    private static final java.util.Set<String> NON_UNRESERVED = java.util.Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
            "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role",
            "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
            "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
            "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
            "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
            "session_user", "some", "symmetric", "table", "then", "to", "trailing", "true", "union", "unique", "user",
            "using", "variadic", "when", "where", "window", "with",
            "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
            "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps",
            "right", "similar", "tablesample", "verbose",
            "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists",
            "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval", "least", "national",
            "nchar", "none", "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real",
            "row", "setof", "smallint", "substring", "time", "timestamp", "treat", "trim", "values", "varchar",
            "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse",
            "xmlpi", "xmlroot", "xmlserialize", "xmltable");

    /** quote_ident: quotes unless the name is a lower-case identifier that is not a keyword. */
    static String quoteIdent(String s) {
        boolean safe = !NON_UNRESERVED.contains(s)
                && !s.isEmpty() && ((s.charAt(0) >= 'a' && s.charAt(0) <= 'z') || s.charAt(0) == '_');
        for (int i = 0; i < s.length() && safe; i++) {
            char c = s.charAt(i);
            safe = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        }
        return safe ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static String quoteLiteral(String s) {
        boolean backslash = s.indexOf('\\') >= 0;
        String body = s.replace("'", "''");
        if (backslash) {
            return "E'" + body.replace("\\", "\\\\") + "'";
        }
        return "'" + body + "'";
    }
}
