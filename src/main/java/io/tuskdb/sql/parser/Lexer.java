package io.tuskdb.sql.parser;

import io.tuskdb.error.Errors;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A hand-written single-pass scanner following PostgreSQL 15's
 * <a href="https://github.com/postgres/postgres/blob/REL_15_STABLE/src/backend/parser/scan.l">scan.l</a> with
 * standard_conforming_strings on: identifiers are folded to lower case (ASCII only), keywords are recognised
 * case-insensitively, string constants in all their quoting forms are decoded, and multi-character operators
 * follow scan.l's trailing {@code +}/{@code -} rule. Errors carry scan.l's wording and the token position.
 */
final class Lexer {
    /** NAMEDATALEN - 1: longer identifiers are truncated (PostgreSQL also sends a NOTICE). */
    private static final int MAX_IDENTIFIER_BYTES = 63;

    private final String src;
    private final int len;
    /** For input with surrogate pairs: code points before each char index (PostgreSQL counts characters). */
    private final int[] codePointsBefore;
    private int pos;

    Lexer(String src) {
        this.src = src;
        this.len = src.length();
        boolean surrogates = false;
        for (int i = 0; i < len; i++) {
            if (Character.isSurrogate(src.charAt(i))) {
                surrogates = true;
                break;
            }
        }
        if (surrogates) {
            codePointsBefore = new int[len + 1];
            int count = 0;
            for (int i = 0; i < len; i++) {
                codePointsBefore[i] = count;
                if (!Character.isLowSurrogate(src.charAt(i)) || i == 0 || !Character.isHighSurrogate(src.charAt(i - 1))) {
                    count++;
                }
            }
            codePointsBefore[len] = count;
        } else {
            codePointsBefore = null;
        }
    }

    String source() {
        return src;
    }

    /** 1-based character position of the 0-based offset {@code index}, as PostgreSQL counts (code points). */
    int position(int index) {
        return codePointsBefore != null ? codePointsBefore[index] + 1 : index + 1;
    }

    /** The syntax error PostgreSQL reports at {@code token}. */
    PgException syntaxErrorAt(Token token) {
        if (token.kind() == Token.Kind.EOF) {
            return Errors.syntaxError(null, position(len));
        }
        return Errors.syntaxError(src.substring(token.start(), token.end()), position(token.start()));
    }

    /** scan.l's yyerror: {@code message at or near "rest of token"} (or at end of input). */
    private PgException lexError(String message, int start, int end) {
        if (start >= len) {
            return new PgException(SqlState.SYNTAX_ERROR, message + " at end of input").withPosition(position(len));
        }
        return new PgException(SqlState.SYNTAX_ERROR, message + " at or near \"" + src.substring(start, end) + "\"")
                .withPosition(position(start));
    }

    Token next() {
        skipWhitespace();
        if (pos >= len) {
            return new Token(Token.Kind.EOF, "", len, len, null, 0);
        }
        int start = pos;
        char c = src.charAt(pos);
        char n = pos + 1 < len ? src.charAt(pos + 1) : '\0';
        switch (c) {
            case '\'':
                return quotedString(start, pos + 1, false);
            case '"':
                return quotedIdentifier(start);
            case '$':
                return dollar(start);
            default:
                break;
        }
        if ((c == 'e' || c == 'E') && n == '\'') {
            return quotedString(start, pos + 2, true);
        }
        if ((c == 'b' || c == 'B' || c == 'x' || c == 'X') && n == '\'') {
            throw Errors.featureNotSupported(c == 'b' || c == 'B' ? "bit string constants" : "hexadecimal bit string constants")
                    .withPosition(position(start));
        }
        if ((c == 'n' || c == 'N') && n == '\'') {
            // National character string: PostgreSQL returns the NCHAR keyword then the string; as a value it is
            // just a string constant.
            return quotedString(start, pos + 2, false);
        }
        if ((c == 'u' || c == 'U') && n == '&' && pos + 2 < len && (src.charAt(pos + 2) == '\'' || src.charAt(pos + 2) == '"')) {
            return unicodeEscaped(start);
        }
        if (isIdentStart(c)) {
            return identifier(start);
        }
        if (isDigit(c) || (c == '.' && isDigit(n))) {
            return number(start);
        }
        if (c == ':' && n == ':') {
            pos += 2;
            return new Token(Token.Kind.TYPECAST, "::", start, pos, null, 0);
        }
        if (c == ':' && n == '=') {
            pos += 2;
            return new Token(Token.Kind.COLON_EQUALS, ":=", start, pos, null, 0);
        }
        if (c == '.' && n == '.') {
            pos += 2;
            return new Token(Token.Kind.DOT_DOT, "..", start, pos, null, 0);
        }
        if (isOpChar(c)) {
            return operator(start);
        }
        pos++;
        return new Token(Token.Kind.SELF, String.valueOf(c), start, pos, null, 0);
    }

    private void skipWhitespace() {
        while (pos < len) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '-' && pos + 1 < len && src.charAt(pos + 1) == '-') {
                while (pos < len && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (c == '/' && pos + 1 < len && src.charAt(pos + 1) == '*') {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    /** Nested C-style comments, as scan.l's xc state. */
    private void skipBlockComment() {
        int start = pos;
        int depth = 0;
        pos += 2;
        while (pos < len) {
            char c = src.charAt(pos);
            if (c == '/' && pos + 1 < len && src.charAt(pos + 1) == '*') {
                depth++;
                pos += 2;
            } else if (c == '*' && pos + 1 < len && src.charAt(pos + 1) == '/') {
                pos += 2;
                if (depth == 0) {
                    return;
                }
                depth--;
            } else {
                pos++;
            }
        }
        throw lexError("unterminated /* comment", start, len);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean isIdentCont(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }

    static boolean isOpChar(char c) {
        return switch (c) {
            case '~', '!', '@', '#', '^', '&', '|', '`', '?', '+', '-', '*', '/', '%', '<', '>', '=' -> true;
            default -> false;
        };
    }

    /** The end of the identifier characters starting at {@code p} (scan.l's {identifier} continuation). */
    private int identifierEnd(int p) {
        int q = p;
        while (q < len && isIdentCont(src.charAt(q))) {
            q++;
        }
        return q;
    }

    private Token identifier(int start) {
        int p = identifierEnd(start + 1);
        pos = p;
        String lower = downcase(start, p);
        Keywords.Keyword kw = Keywords.lookup(lower);
        if (kw != null) {
            return new Token(Token.Kind.KEYWORD, kw.name(), start, p, kw, 0);
        }
        return new Token(Token.Kind.IDENT, truncated(lower, start), start, p, null, 0);
    }

    /** ASCII-only case folding, as downcase_identifier with a multi-byte server encoding. */
    private String downcase(int start, int end) {
        boolean upper = false;
        for (int i = start; i < end; i++) {
            char c = src.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
                break;
            }
        }
        if (!upper) {
            return src.substring(start, end);
        }
        char[] out = new char[end - start];
        for (int i = start; i < end; i++) {
            char c = src.charAt(i);
            out[i - start] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return new String(out);
    }

    /** An identifier truncated by the scanner: PostgreSQL's NOTICE text and where the identifier starts. */
    record Truncation(int start, String notice) {
    }

    private final java.util.List<Truncation> truncations = new java.util.ArrayList<>();

    java.util.List<Truncation> truncations() {
        return truncations;
    }

    /** {@link #truncate}, remembering the NOTICE truncate_identifier(…, warn = true) sends. */
    private String truncated(String ident, int start) {
        String t = truncate(ident);
        if (t.length() != ident.length()) {
            truncations.add(new Truncation(start, "identifier \"" + ident + "\" will be truncated to \"" + t + "\""));
        }
        return t;
    }

    /** Truncates to NAMEDATALEN-1 bytes of UTF-8 at a character boundary, as truncate_identifier. */
    static String truncate(String ident) {
        if (ident.length() <= MAX_IDENTIFIER_BYTES / 3) {
            return ident;
        }
        int bytes = 0;
        for (int i = 0; i < ident.length(); ) {
            int cp = ident.codePointAt(i);
            int b = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + b > MAX_IDENTIFIER_BYTES) {
                return ident.substring(0, i);
            }
            bytes += b;
            i += Character.charCount(cp);
        }
        return ident;
    }

    private Token quotedIdentifier(int start) {
        StringBuilder sb = new StringBuilder();
        int p = start + 1;
        while (true) {
            if (p >= len) {
                throw lexError("unterminated quoted identifier", start, len);
            }
            char c = src.charAt(p);
            if (c == '"') {
                if (p + 1 < len && src.charAt(p + 1) == '"') {
                    sb.append('"');
                    p += 2;
                    continue;
                }
                p++;
                break;
            }
            sb.append(c);
            p++;
        }
        pos = p;
        if (sb.isEmpty()) {
            throw lexError("zero-length delimited identifier", start, p);
        }
        return new Token(Token.Kind.IDENT, truncated(sb.toString(), start), start, p, null, 0);
    }

    /**
     * A '...' or E'...' string starting at {@code start} with content from {@code p}, including scan.l's
     * continuation of literals separated by whitespace containing a newline.
     */
    private Token quotedString(int start, int p, boolean escapes) {
        StringBuilder sb = new StringBuilder();
        EscapeBytes bytes = escapes ? new EscapeBytes() : null;
        while (true) {
            if (p >= len) {
                throw lexError("unterminated quoted string", start, len);
            }
            char c = src.charAt(p);
            if (c == '\'') {
                if (p + 1 < len && src.charAt(p + 1) == '\'') {
                    appendChar(sb, bytes, '\'');
                    p += 2;
                    continue;
                }
                int cont = continuation(p + 1);
                if (cont >= 0) {
                    p = cont + 1;
                    continue;
                }
                p++;
                break;
            }
            if (escapes && c == '\\') {
                p = escape(sb, bytes, p, start);
                continue;
            }
            appendChar(sb, bytes, c);
            p++;
        }
        if (bytes != null) {
            bytes.flush(sb, this, start);
        }
        pos = p;
        return new Token(Token.Kind.STRING, sb.toString(), start, p, null, 0);
    }

    private static void appendChar(StringBuilder sb, EscapeBytes bytes, char c) {
        if (bytes != null && bytes.count > 0) {
            bytes.pendingChar(sb);
        }
        sb.append(c);
    }

    /**
     * After a closing quote at {@code p - 1}: if only whitespace with at least one newline (comments allowed)
     * separates it from another quote, returns that quote's offset, else -1 (scan.l's quotecontinue).
     */
    private int continuation(int p) {
        boolean newline = false;
        while (p < len) {
            char c = src.charAt(p);
            if (c == '\n' || c == '\r') {
                newline = true;
                p++;
            } else if (c == ' ' || c == '\t' || c == '\f') {
                p++;
            } else if (c == '-' && p + 1 < len && src.charAt(p + 1) == '-') {
                while (p < len && src.charAt(p) != '\n' && src.charAt(p) != '\r') {
                    p++;
                }
            } else if (c == '\'' && newline) {
                return p;
            } else {
                return -1;
            }
        }
        return -1;
    }

    /** One backslash escape of an E'...' string at {@code p}; returns the offset after it. */
    private int escape(StringBuilder sb, EscapeBytes bytes, int p, int start) {
        if (p + 1 >= len) {
            throw lexError("unterminated quoted string", start, len);
        }
        char e = src.charAt(p + 1);
        switch (e) {
            case 'b' -> appendChar(sb, bytes, '\b');
            case 'f' -> appendChar(sb, bytes, '\f');
            case 'n' -> appendChar(sb, bytes, '\n');
            case 'r' -> appendChar(sb, bytes, '\r');
            case 't' -> appendChar(sb, bytes, '\t');
            case 'x' -> {
                int q = p + 2;
                int v = 0;
                while (q < len && q < p + 4 && Character.digit(src.charAt(q), 16) >= 0) {
                    v = v * 16 + Character.digit(src.charAt(q), 16);
                    q++;
                }
                if (q == p + 2) {
                    appendChar(sb, bytes, 'x'); // "\x" without hex digits is just x
                    return p + 2;
                }
                bytes.add(v, sb, this, start);
                return q;
            }
            case 'u', 'U' -> {
                int digits = e == 'u' ? 4 : 8;
                int q = p + 2;
                int v = 0;
                while (q < len && q < p + 2 + digits && Character.digit(src.charAt(q), 16) >= 0) {
                    v = v * 16 + Character.digit(src.charAt(q), 16);
                    q++;
                }
                if (q - (p + 2) < digits) {
                    throw new PgException(SqlState.INVALID_ESCAPE_SEQUENCE, "invalid Unicode escape")
                            .withHint("Unicode escapes must be \\uXXXX or \\UXXXXXXXX.").withPosition(position(p));
                }
                if (Character.isHighSurrogate((char) v) && digits == 4) {
                    // A UTF-16 surrogate pair written as two escapes.
                    if (q + 6 <= len && src.charAt(q) == '\\' && src.charAt(q + 1) == 'u') {
                        int low = Integer.parseInt(src, q + 2, q + 6, 16);
                        if (Character.isLowSurrogate((char) low)) {
                            appendChar(sb, bytes, (char) v);
                            sb.append((char) low);
                            return q + 6;
                        }
                    }
                    throw lexError("invalid Unicode surrogate pair", p, q);
                }
                if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
                    throw lexError(v >= 0xDC00 && v <= 0xDFFF ? "invalid Unicode surrogate pair"
                            : "invalid Unicode escape value", p, q);
                }
                if (bytes.count > 0) {
                    bytes.pendingChar(sb);
                }
                sb.appendCodePoint(v);
                return q;
            }
            default -> {
                if (e >= '0' && e <= '7') {
                    int q = p + 1;
                    int v = 0;
                    while (q < len && q < p + 4 && src.charAt(q) >= '0' && src.charAt(q) <= '7') {
                        v = v * 8 + (src.charAt(q) - '0');
                        q++;
                    }
                    bytes.add(v & 0xFF, sb, this, start);
                    return q;
                }
                appendChar(sb, bytes, e);
            }
        }
        return p + 2;
    }

    /**
     * Bytes written as {@code \xHH} or octal escapes: PostgreSQL adds them raw and then verifies the string is valid
     * in the server encoding (UTF-8), so a sequence of escapes may form one multi-byte character.
     */
    private static final class EscapeBytes {
        byte[] buf = new byte[8];
        int count;

        void add(int b, StringBuilder sb, Lexer lexer, int start) {
            if (b == 0) {
                throw new PgException(SqlState.CHARACTER_NOT_IN_REPERTOIRE,
                        "invalid byte sequence for encoding \"UTF8\": 0x00");
            }
            if (b < 0x80 && count == 0) {
                sb.append((char) b);
                return;
            }
            if (count == buf.length) {
                buf = java.util.Arrays.copyOf(buf, count * 2);
            }
            buf[count++] = (byte) b;
        }

        void pendingChar(StringBuilder sb) {
            flush(sb, null, 0);
        }

        void flush(StringBuilder sb, Lexer lexer, int start) {
            if (count == 0) {
                return;
            }
            try {
                CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(buf, 0, count));
                sb.append(chars);
            } catch (CharacterCodingException e) {
                StringBuilder hex = new StringBuilder();
                for (int i = 0; i < Math.min(count, 2); i++) {
                    hex.append(i == 0 ? "0x" : " 0x").append(String.format("%02x", buf[i] & 0xFF));
                }
                throw new PgException(SqlState.CHARACTER_NOT_IN_REPERTOIRE,
                        "invalid byte sequence for encoding \"UTF8\": " + hex);
            }
            count = 0;
        }
    }

    private Token dollar(int start) {
        int p = start + 1;
        if (p < len && isDigit(src.charAt(p))) {
            while (p < len && isDigit(src.charAt(p))) {
                p++;
            }
            if (p < len && isIdentStart(src.charAt(p))) {
                throw lexError("trailing junk after parameter", start, identifierEnd(p));
            }
            pos = p;
            long number;
            try {
                number = Long.parseLong(src, start + 1, p, 10);
            } catch (NumberFormatException e) {
                number = Long.MAX_VALUE;
            }
            return new Token(Token.Kind.PARAM, src.substring(start, p), start, p, null, number);
        }
        // $tag$ or $$: the tag follows identifier rules without '$'.
        if (p < len && (isIdentStart(src.charAt(p)) || src.charAt(p) == '$')) {
            int q = p;
            if (src.charAt(q) != '$') {
                while (q < len && (isIdentStart(src.charAt(q)) || isDigit(src.charAt(q)))) {
                    q++;
                }
            }
            if (q < len && src.charAt(q) == '$') {
                String delim = src.substring(start, q + 1);
                int bodyStart = q + 1;
                int end = src.indexOf(delim, bodyStart);
                if (end < 0) {
                    throw lexError("unterminated dollar-quoted string", start, len);
                }
                pos = end + delim.length();
                return new Token(Token.Kind.STRING, src.substring(bodyStart, end), start, pos, null, 0);
            }
        }
        // dolqfailed and a lone '$': the '$' alone is a character token.
        pos = start + 1;
        return new Token(Token.Kind.SELF, "$", start, pos, null, 0);
    }

    private Token number(int start) {
        int p = start;
        while (p < len && isDigit(src.charAt(p))) {
            p++;
        }
        boolean decimal = false;
        if (p < len && src.charAt(p) == '.') {
            if (p + 1 < len && src.charAt(p + 1) == '.' && p > start) {
                // decimalfail: "1..10" is 1, DOT_DOT, 10
                return integer(start, p);
            }
            decimal = true;
            p++;
            while (p < len && isDigit(src.charAt(p))) {
                p++;
            }
        }
        boolean real = false;
        if (p < len && (src.charAt(p) == 'e' || src.charAt(p) == 'E')) {
            int q = p + 1;
            if (q < len && (src.charAt(q) == '+' || src.charAt(q) == '-')) {
                q++;
                if (q >= len || !isDigit(src.charAt(q))) {
                    throw lexError("trailing junk after numeric literal", start, q);
                }
            }
            if (q < len && isDigit(src.charAt(q))) {
                real = true;
                p = q;
                while (p < len && isDigit(src.charAt(p))) {
                    p++;
                }
            }
        }
        if (p < len && isIdentStart(src.charAt(p))) {
            throw lexError("trailing junk after numeric literal", start, identifierEnd(p));
        }
        if (!decimal && !real) {
            return integer(start, p);
        }
        pos = p;
        return new Token(Token.Kind.NUMERIC, src.substring(start, p), start, p, null, 0);
    }

    /** process_integer_literal: int4 values are INTEGER, anything bigger NUMERIC (make_const decides int8). */
    private Token integer(int start, int end) {
        pos = end;
        long v = 0;
        int i = start;
        while (i < end && src.charAt(i) == '0') {
            i++;
        }
        if (end - i > 10) {
            return new Token(Token.Kind.NUMERIC, src.substring(start, end), start, end, null, 0);
        }
        for (; i < end; i++) {
            v = v * 10 + (src.charAt(i) - '0');
        }
        if (v > Integer.MAX_VALUE) {
            return new Token(Token.Kind.NUMERIC, src.substring(start, end), start, end, null, 0);
        }
        return new Token(Token.Kind.INTEGER, src.substring(start, end), start, end, null, v);
    }

    private Token operator(int start) {
        int p = start;
        while (p < len && isOpChar(src.charAt(p))) {
            p++;
        }
        int nchars = p - start;
        // A comment start inside the run ends the operator.
        for (int i = start + 1; i + 1 < p; i++) {
            char a = src.charAt(i);
            char b = src.charAt(i + 1);
            if ((a == '/' && b == '*') || (a == '-' && b == '-')) {
                nchars = i - start;
                break;
            }
        }
        if (nchars > 1 && (src.charAt(start + nchars - 1) == '+' || src.charAt(start + nchars - 1) == '-')) {
            int ic;
            for (ic = nchars - 2; ic >= 0; ic--) {
                char c = src.charAt(start + ic);
                if (c == '~' || c == '!' || c == '@' || c == '#' || c == '^' || c == '&' || c == '|' || c == '`'
                        || c == '?' || c == '%') {
                    break;
                }
            }
            if (ic < 0) {
                do {
                    nchars--;
                } while (nchars > 1 && (src.charAt(start + nchars - 1) == '+' || src.charAt(start + nchars - 1) == '-'));
            }
        }
        int end = start + nchars;
        pos = end;
        if (nchars == 1) {
            char c = src.charAt(start);
            if (",()[].;:+-*/%^<>=".indexOf(c) >= 0) {
                return new Token(Token.Kind.SELF, String.valueOf(c), start, end, null, 0);
            }
        }
        if (nchars == 2) {
            char a = src.charAt(start);
            char b = src.charAt(start + 1);
            if (a == '=' && b == '>') {
                return new Token(Token.Kind.EQUALS_GREATER, "=>", start, end, null, 0);
            }
            if (a == '>' && b == '=') {
                return new Token(Token.Kind.GREATER_EQUALS, ">=", start, end, null, 0);
            }
            if (a == '<' && b == '=') {
                return new Token(Token.Kind.LESS_EQUALS, "<=", start, end, null, 0);
            }
            if ((a == '<' && b == '>') || (a == '!' && b == '=')) {
                return new Token(Token.Kind.NOT_EQUALS, "<>", start, end, null, 0);
            }
        }
        if (nchars >= 64) {
            throw lexError("operator too long", start, end);
        }
        return new Token(Token.Kind.OP, src.substring(start, end), start, end, null, 0);
    }

    /**
     * U&'...' strings and U&"..." identifiers: the raw text is read like an ordinary literal, then an optional
     * UESCAPE 'c' is looked for and the escapes decoded (parser.c's str_udeescape).
     */
    private Token unicodeEscaped(int start) {
        boolean ident = src.charAt(start + 2) == '"';
        Token raw = ident ? quotedIdentifier(start + 2) : quotedString(start + 2, start + 3, false);
        char escape = '\\';
        int save = pos;
        skipWhitespace();
        if (pos + 7 <= len && src.regionMatches(true, pos, "uescape", 0, 7)
                && (pos + 7 == len || !isIdentCont(src.charAt(pos + 7)))) {
            pos += 7;
            skipWhitespace();
            if (pos >= len || src.charAt(pos) != '\'') {
                Token t = next();
                throw lexError("UESCAPE must be followed by a simple string literal", t.start(), t.end());
            }
            Token e = quotedString(pos, pos + 1, false);
            String esc = e.text();
            if (esc.length() != 1 || Character.digit(esc.charAt(0), 16) >= 0 || esc.charAt(0) == '+'
                    || esc.charAt(0) == '\'' || esc.charAt(0) == '"' || Character.isWhitespace(esc.charAt(0))) {
                throw new PgException(SqlState.SYNTAX_ERROR, "invalid Unicode escape character at or near \""
                        + src.substring(e.start(), e.end()) + "\"").withPosition(position(e.start()));
            }
            escape = esc.charAt(0);
        } else {
            pos = save;
        }
        String raw0 = raw.text();
        StringBuilder sb = new StringBuilder(raw0.length());
        for (int i = 0; i < raw0.length(); i++) {
            char ch = raw0.charAt(i);
            if (ch != escape) {
                sb.append(ch);
                continue;
            }
            if (i + 1 < raw0.length() && raw0.charAt(i + 1) == escape) {
                sb.append(escape);
                i++;
                continue;
            }
            int digits = i + 1 < raw0.length() && raw0.charAt(i + 1) == '+' ? 6 : 4;
            int from = digits == 6 ? i + 2 : i + 1;
            int v = 0;
            int k = from;
            while (k < raw0.length() && k < from + digits && Character.digit(raw0.charAt(k), 16) >= 0) {
                v = v * 16 + Character.digit(raw0.charAt(k), 16);
                k++;
            }
            if (k - from < digits) {
                throw new PgException(SqlState.SYNTAX_ERROR, "invalid Unicode escape")
                        .withHint("Unicode escapes must be \\XXXX or \\+XXXXXX.").withPosition(position(start + 3 + i));
            }
            if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
                throw new PgException(SqlState.SYNTAX_ERROR, "invalid Unicode escape value")
                        .withPosition(position(start + 3 + i));
            }
            sb.appendCodePoint(v);
            i = k - 1;
        }
        String value = ident ? truncated(sb.toString(), start) : sb.toString();
        return new Token(ident ? Token.Kind.IDENT : Token.Kind.STRING, value, start, pos, null, 0);
    }

}
