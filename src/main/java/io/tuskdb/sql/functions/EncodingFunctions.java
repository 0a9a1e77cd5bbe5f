package io.tuskdb.sql.functions;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.ExecutionContext;
import io.tuskdb.types.FormatSettings;
import io.tuskdb.types.TypeIO;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import static io.tuskdb.sql.functions.Volatility.IMMUTABLE;
import static io.tuskdb.sql.functions.Volatility.STABLE;
import static io.tuskdb.types.PgType.BYTEA;
import static io.tuskdb.types.PgType.INT4;
import static io.tuskdb.types.PgType.TEXT;

/** encode/decode (encode.c), the SHA-2 digests, format() (varlena.c text_format) and num_nulls/num_nonnulls. */
final class EncodingFunctions {
    private EncodingFunctions() {
    }

    private static final char[] BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    static void register(Registry r) {
        r.fn("encode", TEXT, IMMUTABLE, (c, a) -> encode((byte[]) a[0], (String) a[1]), BYTEA, TEXT);
        r.fn("decode", BYTEA, IMMUTABLE, (c, a) -> decode((String) a[0], (String) a[1]), TEXT, TEXT);
        for (String algorithm : new String[]{"sha224", "sha256", "sha384", "sha512"}) {
            String javaName = "SHA-" + algorithm.substring(3);
            r.fn(algorithm, BYTEA, IMMUTABLE, (c, a) -> digest(javaName, (byte[]) a[0]), BYTEA);
        }
        r.fnNullable("format", TEXT, STABLE, EncodingFunctions::format, TEXT);
        r.variadic("format", TEXT, false, STABLE, null, EncodingFunctions::format, TEXT);
        r.variadic("num_nulls", INT4, false, IMMUTABLE, null, (c, a) -> countNulls(a, true));
        r.variadic("num_nonnulls", INT4, false, IMMUTABLE, null, (c, a) -> countNulls(a, false));
    }

    private static PgException badParameter(String message) {
        return new PgException(SqlState.INVALID_PARAMETER_VALUE, message);
    }

    static String encode(byte[] data, String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "hex" -> HexFormat.of().formatHex(data);
            case "base64" -> base64(data);
            case "escape" -> escape(data);
            default -> throw badParameter("unrecognized encoding: \"" + format + "\"");
        };
    }

    static byte[] decode(String text, String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "hex" -> TypeIO.decodeHex(text, SqlState.INVALID_PARAMETER_VALUE);
            case "base64" -> unbase64(text);
            case "escape" -> {
                if (text.startsWith("\\x")) {
                    // "\x" is no escape sequence (byteain would read the text as hex instead)
                    throw new PgException(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea");
                }
                yield (byte[]) TypeIO.fromText(BYTEA, text, FormatSettings.DEFAULT);
            }
            default -> throw badParameter("unrecognized encoding: \"" + format + "\"");
        };
    }

    /** Base64 in lines of 76 characters separated by newlines, as pg_base64_encode. */
    private static String base64(byte[] data) {
        StringBuilder out = new StringBuilder(data.length * 4 / 3 + 4);
        int lineLength = 0;
        for (int i = 0; i < data.length; i += 3) {
            int b0 = data[i] & 0xff;
            int b1 = i + 1 < data.length ? data[i + 1] & 0xff : 0;
            int b2 = i + 2 < data.length ? data[i + 2] & 0xff : 0;
            if (lineLength >= 76) {
                out.append('\n');
                lineLength = 0;
            }
            out.append(BASE64[b0 >> 2]).append(BASE64[((b0 & 3) << 4) | (b1 >> 4)]);
            out.append(i + 1 < data.length ? BASE64[((b1 & 15) << 2) | (b2 >> 6)] : '=');
            out.append(i + 2 < data.length ? BASE64[b2 & 63] : '=');
            lineLength += 4;
        }
        return out.toString();
    }

    private static byte[] unbase64(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 3 / 4);
        int buffer = 0;
        int bits = 0;
        int padding = 0;
        int symbols = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            int v;
            symbols++;
            if (c == '=') {
                padding++;
                continue;
            }
            if (padding > 0) {
                throw badParameter("invalid base64 end sequence")
                        .withHint("Input data is missing padding, is truncated, or is otherwise corrupted.");
            }
            if (c >= 'A' && c <= 'Z') {
                v = c - 'A';
            } else if (c >= 'a' && c <= 'z') {
                v = c - 'a' + 26;
            } else if (c >= '0' && c <= '9') {
                v = c - '0' + 52;
            } else if (c == '+') {
                v = 62;
            } else if (c == '/') {
                v = 63;
            } else {
                throw badParameter("invalid symbol \"" + c + "\" found while decoding base64 sequence");
            }
            buffer = (buffer << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.write((buffer >> bits) & 0xff);
            }
        }
        if (symbols % 4 != 0 || bits >= 6 || padding > 2) {
            throw badParameter("invalid base64 end sequence")
                    .withHint("Input data is missing padding, is truncated, or is otherwise corrupted.");
        }
        return out.toByteArray();
    }

    /** encode(..., 'escape'): NUL and bytes with the high bit set as \ooo, a backslash doubled. */
    private static String escape(byte[] data) {
        StringBuilder out = new StringBuilder(data.length);
        for (byte b : data) {
            int v = b & 0xff;
            if (v == 0 || v >= 0x80) {
                out.append('\\').append((char) ('0' + (v >> 6))).append((char) ('0' + ((v >> 3) & 7)))
                        .append((char) ('0' + (v & 7)));
            } else if (v == '\\') {
                out.append("\\\\");
            } else {
                out.append((char) v);
            }
        }
        return out.toString();
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Integer countNulls(Object[] args, boolean nulls) {
        int n = 0;
        for (Object a : args) {
            if ((a == null) == nulls) {
                n++;
            }
        }
        return n;
    }

    /** format(formatstr, VARIADIC args): %s, %I, %L and %% with optional position n$, '-' flag and width. */
    static Object format(ExecutionContext context, Object[] args) {
        if (args[0] == null) {
            return null;
        }
        String f = (String) args[0];
        StringBuilder out = new StringBuilder(f.length() + 16);
        int nextArg = 1;
        int i = 0;
        while (i < f.length()) {
            char c = f.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i >= f.length()) {
                throw badParameter("unterminated format() type specifier")
                        .withHint("For a single \"%\" use \"%%\".");
            }
            if (f.charAt(i) == '%') {
                out.append('%');
                i++;
                continue;
            }
            int position = -1;
            int digitsStart = i;
            while (i < f.length() && Character.isDigit(f.charAt(i))) {
                i++;
            }
            if (i > digitsStart && i < f.length() && f.charAt(i) == '$') {
                position = Integer.parseInt(f.substring(digitsStart, i));
                if (position == 0) {
                    throw badParameter("format specifies argument 0, but arguments are numbered from 1");
                }
                i++;
            } else {
                i = digitsStart;
            }
            boolean leftAlign = false;
            if (i < f.length() && f.charAt(i) == '-') {
                leftAlign = true;
                i++;
            }
            int widthStart = i;
            while (i < f.length() && Character.isDigit(f.charAt(i))) {
                i++;
            }
            int width = i > widthStart ? Integer.parseInt(f.substring(widthStart, i)) : 0;
            if (i >= f.length()) {
                throw badParameter("unterminated format() type specifier")
                        .withHint("For a single \"%\" use \"%%\".");
            }
            char type = f.charAt(i++);
            if (type != 's' && type != 'I' && type != 'L') {
                throw badParameter("unrecognized format() type specifier \"" + type + "\"")
                        .withHint("For a single \"%\" use \"%%\".");
            }
            int argIndex = position > 0 ? position : nextArg;
            if (argIndex >= args.length) {
                throw badParameter("too few arguments for format()");
            }
            nextArg = argIndex + 1;
            Object value = args[argIndex];
            String text = switch (type) {
                case 's' -> value == null ? "" : AnyText.of(value, AnyText.settings(context));
                case 'I' -> {
                    if (value == null) {
                        throw new PgException(SqlState.NULL_VALUE_NOT_ALLOWED,
                                "null values cannot be formatted as an SQL identifier");
                    }
                    yield StringFunctions.quoteIdent(AnyText.of(value, AnyText.settings(context)));
                }
                default -> value == null ? "NULL" : StringFunctions.quoteLiteral(AnyText.of(value, AnyText.settings(context)));
            };
            int pad = width - StringFunctions.charLength(text);
            if (pad > 0 && !leftAlign) {
                out.append(" ".repeat(pad));
            }
            out.append(text);
            if (pad > 0 && leftAlign) {
                out.append(" ".repeat(pad));
            }
        }
        return out.toString();
    }
}
