package io.tuskdb.types;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** bytea text forms (varlena.c {@code byteain}/{@code byteaout}): hex ({@code \x0102}) and escape. */
final class ByteaFormat {
    private ByteaFormat() {
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static String toText(byte[] bytes, boolean hex) {
        if (hex) {
            char[] out = new char[2 + bytes.length * 2];
            out[0] = '\\';
            out[1] = 'x';
            for (int i = 0; i < bytes.length; i++) {
                out[2 + 2 * i] = HEX[(bytes[i] >> 4) & 0xF];
                out[3 + 2 * i] = HEX[bytes[i] & 0xF];
            }
            return new String(out);
        }
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (v == '\\') {
                out.append("\\\\");
            } else if (v < 0x20 || v > 0x7e) {
                out.append('\\').append((char) ('0' + (v >> 6))).append((char) ('0' + ((v >> 3) & 7)))
                        .append((char) ('0' + (v & 7)));
            } else {
                out.append((char) v);
            }
        }
        return out.toString();
    }

    static byte[] fromText(String text) {
        if (text.length() >= 2 && text.charAt(0) == '\\' && text.charAt(1) == 'x') {
            return fromHex(text);
        }
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        int i = 0;
        while (i < in.length) {
            if (in[i] != '\\') {
                out.write(in[i++]);
            } else if (i + 3 < in.length && isOctal(in, i)) {
                out.write(((in[i + 1] - '0') << 6) | ((in[i + 2] - '0') << 3) | (in[i + 3] - '0'));
                i += 4;
            } else if (i + 1 < in.length && in[i + 1] == '\\') {
                out.write('\\');
                i += 2;
            } else {
                throw new PgException(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea");
            }
        }
        return out.toByteArray();
    }

    private static boolean isOctal(byte[] in, int i) {
        return in[i + 1] >= '0' && in[i + 1] <= '3' && in[i + 2] >= '0' && in[i + 2] <= '7'
                && in[i + 3] >= '0' && in[i + 3] <= '7';
    }

    private static byte[] fromHex(String text) {
        return decodeHex(text, 2, SqlState.INVALID_TEXT_REPRESENTATION);
    }

    /** Pairs of hex digits from {@code start}, blanks between pairs ignored (hex_decode). */
    static byte[] decodeHex(String text, int start, SqlState errorState) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 2);
        int i = start;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                i++;
                continue;
            }
            int hi = hexValue(text, i, errorState);
            i += Character.charCount(text.codePointAt(i));
            if (i >= n) {
                throw new PgException(errorState, "invalid hexadecimal data: odd number of digits");
            }
            int lo = hexValue(text, i, errorState);
            i += Character.charCount(text.codePointAt(i));
            out.write((hi << 4) | lo);
        }
        return out.toByteArray();
    }

    private static int hexValue(String text, int i, SqlState errorState) {
        char c = text.charAt(i);
        int v = c < 128 ? Character.digit(c, 16) : -1;
        if (v < 0) {
            throw new PgException(errorState,
                    "invalid hexadecimal digit: \"" + new String(Character.toChars(text.codePointAt(i))) + "\"");
        }
        return v;
    }
}
