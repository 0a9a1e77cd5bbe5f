package io.tuskdb.types;

import io.tuskdb.error.Errors;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Text and binary input/output of every {@link PgType}, exactly as PostgreSQL's typinput/typoutput and
 * typreceive/typsend functions. Errors are {@link io.tuskdb.error.PgException}s with PostgreSQL's SQLSTATE and
 * wording (22P02 invalid input syntax, 22003 out of range, 22007/22008 datetime, 22P03 binary; a binary value
 * shorter than its type needs is 08P01 "insufficient data left in message", as pq_getmsg* reports it).
 */
public final class TypeIO {
    private TypeIO() {
    }

    /** PostgreSQL's epoch for binary date/timestamp values, 2000-01-01. */
    static final LocalDate PG_EPOCH_DATE = LocalDate.of(2000, 1, 1);
    static final long PG_EPOCH_DAY = PG_EPOCH_DATE.toEpochDay();
    static final long PG_EPOCH_SECONDS = PG_EPOCH_DAY * 86400L;

    /** typoutput: the text form of a non-null value. */
    public static String toText(PgType type, Object value, FormatSettings settings) {
        return switch (type) {
            case BOOL -> ((Boolean) value) ? "t" : "f";
            case INT2, INT4, INT8 -> value.toString();
            case OID -> Integer.toUnsignedString((Integer) value);
            case FLOAT4 -> FloatFormat.format(((Float) value).doubleValue(), true, settings.extraFloatDigits());
            case FLOAT8 -> FloatFormat.format((Double) value, false, settings.extraFloatDigits());
            case NUMERIC -> NumericFormat.toText(value);
            case TEXT, VARCHAR, BPCHAR, NAME, UNKNOWN, CHAR -> (String) value;
            case BYTEA -> ByteaFormat.toText((byte[]) value, settings.byteaHex());
            case DATE -> DateTimeFormat.date((LocalDate) value, settings);
            case TIME -> DateTimeFormat.time((LocalTime) value);
            case TIMESTAMP -> DateTimeFormat.timestamp((LocalDateTime) value, settings);
            case TIMESTAMPTZ -> DateTimeFormat.timestamptz((Instant) value, settings);
            case INTERVAL -> IntervalFormat.toText((Interval) value, settings.intervalStyle());
            case UUID -> value.toString();
            case VOID -> "";
        };
    }

    /** typinput: parses the text form (no typmod applied; see {@link Casts#applyTypmod}). */
    public static Object fromText(PgType type, String text, FormatSettings settings) {
        return switch (type) {
            case BOOL -> parseBool(text);
            case INT2 -> (short) parseInteger(text, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
            case INT4 -> (int) parseInteger(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
            case INT8 -> parseInteger(text, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
            case OID -> (int) parseInteger(text, Integer.MIN_VALUE, 0xFFFFFFFFL, "oid");
            case FLOAT4 -> (float) FloatFormat.parse(text, true);
            case FLOAT8 -> FloatFormat.parse(text, false);
            case NUMERIC -> NumericFormat.fromText(text);
            case TEXT, VARCHAR, BPCHAR, UNKNOWN -> text;
            case NAME -> truncateName(text);
            case CHAR -> parseChar(text);
            case BYTEA -> ByteaFormat.fromText(text);
            case DATE -> DateTimeParser.parse(text, DateTimeParser.Target.DATE, settings);
            case TIME -> DateTimeParser.parse(text, DateTimeParser.Target.TIME, settings);
            case TIMESTAMP -> DateTimeParser.parse(text, DateTimeParser.Target.TIMESTAMP, settings);
            case TIMESTAMPTZ -> DateTimeParser.parse(text, DateTimeParser.Target.TIMESTAMPTZ, settings);
            case INTERVAL -> IntervalFormat.fromText(text, settings.intervalStyle());
            case UUID -> parseUuid(text);
            case VOID -> null;
        };
    }

    /** typsend: the binary wire form of a non-null value. */
    public static byte[] toBinary(PgType type, Object value) {
        return switch (type) {
            case BOOL -> new byte[]{(byte) (((Boolean) value) ? 1 : 0)};
            case INT2 -> ByteBuffer.allocate(2).putShort((Short) value).array();
            case INT4, OID -> ByteBuffer.allocate(4).putInt((Integer) value).array();
            case INT8 -> ByteBuffer.allocate(8).putLong((Long) value).array();
            case FLOAT4 -> ByteBuffer.allocate(4).putFloat((Float) value).array();
            case FLOAT8 -> ByteBuffer.allocate(8).putDouble((Double) value).array();
            case NUMERIC -> NumericFormat.toBinary(value);
            case TEXT, VARCHAR, BPCHAR, NAME, UNKNOWN -> ((String) value).getBytes(StandardCharsets.UTF_8);
            case CHAR -> ((String) value).isEmpty() ? new byte[0] : new byte[]{(byte) charByte((String) value)};
            case BYTEA -> ((byte[]) value).clone();
            case DATE -> ByteBuffer.allocate(4).putInt(dateToPg((LocalDate) value)).array();
            case TIME -> ByteBuffer.allocate(8).putLong(timeToMicros((LocalTime) value)).array();
            case TIMESTAMP -> ByteBuffer.allocate(8).putLong(timestampToPg((LocalDateTime) value)).array();
            case TIMESTAMPTZ -> ByteBuffer.allocate(8).putLong(timestamptzToPg((Instant) value)).array();
            case INTERVAL -> {
                Interval iv = (Interval) value;
                yield ByteBuffer.allocate(16).putLong(iv.micros()).putInt(iv.days()).putInt(iv.months()).array();
            }
            case UUID -> {
                UUID u = (UUID) value;
                yield ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits())
                        .array();
            }
            case VOID -> new byte[0];
        };
    }

    /** typreceive: parses the binary wire form. */
    public static Object fromBinary(PgType type, byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        Object result = switch (type) {
            case BOOL -> getByte(buf) != 0;
            case INT2 -> getShort(buf);
            case INT4, OID -> getInt(buf);
            case INT8 -> getLong(buf);
            case FLOAT4 -> Float.intBitsToFloat(getInt(buf));
            case FLOAT8 -> Double.longBitsToDouble(getLong(buf));
            case NUMERIC -> NumericFormat.fromBinary(bytes);
            case TEXT, VARCHAR, BPCHAR, UNKNOWN -> decodeUtf8(bytes);
            case NAME -> truncateName(decodeUtf8(bytes));
            case CHAR -> bytes.length == 0 ? "" : charFromByte(bytes[0] & 0xFF);
            case BYTEA -> bytes.clone();
            case DATE -> dateFromPg(checkDate(getInt(buf)));
            case TIME -> timeFromMicros(getLong(buf));
            case TIMESTAMP -> timestampFromPg(checkTimestamp(getLong(buf)));
            case TIMESTAMPTZ -> timestamptzFromPg(checkTimestamp(getLong(buf)));
            case INTERVAL -> {
                long micros = getLong(buf);
                int days = getInt(buf);
                int months = getInt(buf);
                yield new Interval(months, days, micros);
            }
            case UUID -> new UUID(getLong(buf), getLong(buf));
            case VOID -> null;
        };
        switch (type) {
            case NUMERIC, TEXT, VARCHAR, BPCHAR, UNKNOWN, NAME, CHAR, BYTEA -> {
            }
            default -> expectEnd(buf);
        }
        return result;
    }

    // ------------------------------------------------------------------------------------------ helpers

    /**
     * Decodes hex digit pairs (blanks between pairs allowed) as hex_decode does, reporting bad input with
     * {@code errorState}: 22P02 for bytea input, 22023 for decode(..., 'hex').
     */
    public static byte[] decodeHex(String text, SqlState errorState) {
        return ByteaFormat.decodeHex(text, 0, errorState);
    }

    /** pq_getmsg*: a value needing more bytes than are left is 08P01. */
    private static ByteBuffer need(ByteBuffer buf, int bytes) {
        if (buf.remaining() < bytes) {
            throw insufficientData();
        }
        return buf;
    }

    static byte getByte(ByteBuffer buf) {
        return need(buf, 1).get();
    }

    static short getShort(ByteBuffer buf) {
        return need(buf, 2).getShort();
    }

    static int getInt(ByteBuffer buf) {
        return need(buf, 4).getInt();
    }

    static long getLong(ByteBuffer buf) {
        return need(buf, 8).getLong();
    }

    private static PgException insufficientData() {
        return new PgException(SqlState.PROTOCOL_VIOLATION, "insufficient data left in message");
    }

    /** Bytes left after a fixed-size value: PostgreSQL's exec_bind_message reports 22P03. */
    static void expectEnd(ByteBuffer buf) {
        if (buf.hasRemaining()) {
            throw new PgException(SqlState.INVALID_BINARY_REPRESENTATION, "incorrect binary data format");
        }
    }

    private static String decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw invalidUtf8(bytes, i);
            }
        }
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            throw invalidUtf8(bytes, bad);
        }
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int len = b < 0x80 ? 1 : (b >= 0xC2 && b <= 0xDF) ? 2 : (b >= 0xE0 && b <= 0xEF) ? 3
                    : (b >= 0xF0 && b <= 0xF4) ? 4 : 0;
            if (len == 0 || i + len > bytes.length) {
                return i;
            }
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, i, len));
            } catch (CharacterCodingException e) {
                return i;
            }
            i += len;
        }
        return Math.max(0, bytes.length - 1);
    }

    /** {@code invalid byte sequence for encoding "UTF8": 0xc3 0x28} (report_invalid_encoding). */
    private static PgException invalidUtf8(byte[] bytes, int at) {
        StringBuilder hex = new StringBuilder();
        int b0 = bytes[at] & 0xFF;
        int len = b0 < 0x80 ? 1 : b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1;
        for (int i = at; i < Math.min(bytes.length, at + len); i++) {
            if (i > at) {
                hex.append(' ');
            }
            hex.append(String.format("0x%02x", bytes[i] & 0xFF));
        }
        return new PgException(SqlState.CHARACTER_NOT_IN_REPERTOIRE,
                "invalid byte sequence for encoding \"UTF8\": " + hex);
    }

    /**
     * "char" holds one byte. An ASCII byte is its character; a byte of 0x80 and above is kept as charout prints it,
     * {@code \ooo} (PostgreSQL stores the first byte of a multibyte character, which is no text by itself).
     */
    static String charFromByte(int b) {
        if (b == 0) {
            return "";
        }
        if (b < 0x80) {
            return String.valueOf((char) b);
        }
        return "\\" + (char) ('0' + (b >> 6)) + (char) ('0' + ((b >> 3) & 7)) + (char) ('0' + (b & 7));
    }

    /** The byte a "char" value holds (see {@link #charFromByte}). */
    static int charByte(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        if (s.length() == 4 && s.charAt(0) == '\\') {
            return ((s.charAt(1) - '0') << 6) | ((s.charAt(2) - '0') << 3) | (s.charAt(3) - '0');
        }
        char c = s.charAt(0);
        return c < 0x80 ? c : s.getBytes(StandardCharsets.UTF_8)[0] & 0xFF;
    }

    /** charin: "\ooo" is that byte, otherwise the first byte of the text. */
    static String parseChar(String text) {
        if (text.length() == 4 && text.charAt(0) == '\\' && isOctal(text.charAt(1)) && isOctal(text.charAt(2))
                && isOctal(text.charAt(3))) {
            return charFromByte((((text.charAt(1) - '0') << 6) | ((text.charAt(2) - '0') << 3) | (text.charAt(3) - '0')) & 0xFF);
        }
        if (text.isEmpty()) {
            return "";
        }
        return charFromByte(charByte(text));
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    /** name: at most NAMEDATALEN-1 = 63 bytes, cut at a character boundary (pg_mbcliplen). */
    static String truncateName(String s) {
        if (s.length() <= 63 / 3) {
            return s;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= 63) {
            return s;
        }
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + len > 63) {
                break;
            }
            bytes += len;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    /** boolin / parse_bool_with_len: t, true, y, yes, on, 1 and their prefixes, case-insensitive, trimmed. */
    static Boolean parseBool(String text) {
        String s = text.strip().toLowerCase(java.util.Locale.ROOT);
        int len = s.length();
        if (len > 0) {
            switch (s.charAt(0)) {
                case 't' -> {
                    if ("true".startsWith(s)) {
                        return Boolean.TRUE;
                    }
                }
                case 'f' -> {
                    if ("false".startsWith(s)) {
                        return Boolean.FALSE;
                    }
                }
                case 'y' -> {
                    if ("yes".startsWith(s)) {
                        return Boolean.TRUE;
                    }
                }
                case 'n' -> {
                    if ("no".startsWith(s)) {
                        return Boolean.FALSE;
                    }
                }
                case 'o' -> {
                    if (len >= 2 && "on".startsWith(s)) {
                        return Boolean.TRUE;
                    }
                    if (len >= 2 && "off".startsWith(s)) {
                        return Boolean.FALSE;
                    }
                }
                case '1' -> {
                    if (len == 1) {
                        return Boolean.TRUE;
                    }
                }
                case '0' -> {
                    if (len == 1) {
                        return Boolean.FALSE;
                    }
                }
                default -> {
                }
            }
        }
        throw Errors.invalidTextRepresentation("boolean", text);
    }

    /** pg_strtoint16/32/64: blanks around, an optional sign, decimal digits. */
    static long parseInteger(String text, long min, long max, String typeName) {
        int i = 0;
        int n = text.length();
        while (i < n && isSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int digitsStart = i;
        long acc = 0;
        boolean overflow = false;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            int d = text.charAt(i) - '0';
            // accumulate negatively so Long.MIN_VALUE fits
            if (acc < (Long.MIN_VALUE + d) / 10) {
                overflow = true;
            } else {
                acc = acc * 10 - d;
            }
            i++;
        }
        if (i == digitsStart) {
            throw Errors.invalidTextRepresentation(typeName, text);
        }
        while (i < n && isSpace(text.charAt(i))) {
            i++;
        }
        if (i != n) {
            throw Errors.invalidTextRepresentation(typeName, text);
        }
        if (!negative && acc == Long.MIN_VALUE) {
            overflow = true;
        }
        long value = negative ? acc : -acc;
        if (overflow || value < min || value > max) {
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "value \"" + text + "\" is out of range for type " + typeName);
        }
        return value;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    /** uuid_in (string_to_uuid): 32 hex digits, optional braces, a hyphen allowed after any group of four. */
    static UUID parseUuid(String text) {
        int i = 0;
        int n = text.length();
        boolean braces = false;
        if (n > 0 && text.charAt(0) == '{') {
            braces = true;
            i++;
        }
        long hi = 0;
        long lo = 0;
        for (int b = 0; b < 16; b++) {
            if (i + 1 >= n) {
                throw Errors.invalidTextRepresentation("uuid", text);
            }
            int h1 = Character.digit(text.charAt(i), 16);
            int h2 = Character.digit(text.charAt(i + 1), 16);
            if (h1 < 0 || h2 < 0 || text.charAt(i) > 127 || text.charAt(i + 1) > 127) {
                throw Errors.invalidTextRepresentation("uuid", text);
            }
            int v = (h1 << 4) | h2;
            if (b < 8) {
                hi = (hi << 8) | v;
            } else {
                lo = (lo << 8) | v;
            }
            i += 2;
            if (i < n && text.charAt(i) == '-' && (b % 2) == 1 && b < 15) {
                i++;
            }
        }
        if (braces) {
            if (i >= n || text.charAt(i) != '}') {
                throw Errors.invalidTextRepresentation("uuid", text);
            }
            i++;
        }
        if (i != n) {
            throw Errors.invalidTextRepresentation("uuid", text);
        }
        return new UUID(hi, lo);
    }

    // ----------------------------------------------------------------------- date/time binary helpers

    /** Julian day 0 (4714-11-24 BC) and 5874898-01-01, as days since 2000-01-01. */
    private static final int MIN_DATE_DAYS = -2_451_545;
    private static final int END_DATE_DAYS = 2_145_031_949;
    /** MIN_TIMESTAMP and END_TIMESTAMP (294277-01-01 00:00) in microseconds since 2000-01-01. */
    private static final long MIN_TIMESTAMP = -211_813_488_000_000_000L;
    private static final long END_TIMESTAMP = 9_223_371_331_200_000_000L;

    /** date_recv: finite values must lie in PostgreSQL's date range. */
    private static int checkDate(int days) {
        if (days != Integer.MAX_VALUE && days != Integer.MIN_VALUE && (days < MIN_DATE_DAYS || days >= END_DATE_DAYS)) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range");
        }
        return days;
    }

    /** timestamp_recv: finite values must lie in PostgreSQL's timestamp range. */
    private static long checkTimestamp(long micros) {
        if (micros != Long.MAX_VALUE && micros != Long.MIN_VALUE && (micros < MIN_TIMESTAMP || micros >= END_TIMESTAMP)) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
        }
        return micros;
    }

    /** Days since 2000-01-01; infinities are INT_MAX / INT_MIN (DATEVAL_NOEND / NOBEGIN). */
    public static int dateToPg(LocalDate d) {
        if (d.equals(LocalDate.MAX)) {
            return Integer.MAX_VALUE;
        }
        if (d.equals(LocalDate.MIN)) {
            return Integer.MIN_VALUE;
        }
        return (int) (d.toEpochDay() - PG_EPOCH_DAY);
    }

    public static LocalDate dateFromPg(int days) {
        if (days == Integer.MAX_VALUE) {
            return LocalDate.MAX;
        }
        if (days == Integer.MIN_VALUE) {
            return LocalDate.MIN;
        }
        return LocalDate.ofEpochDay(PG_EPOCH_DAY + days);
    }

    public static long timeToMicros(LocalTime t) {
        if (t.equals(LocalTime.MAX)) {
            return IntervalFormat.USECS_PER_DAY;
        }
        return t.toNanoOfDay() / 1000;
    }

    public static LocalTime timeFromMicros(long micros) {
        if (micros == IntervalFormat.USECS_PER_DAY) {
            return LocalTime.MAX;
        }
        if (micros < 0 || micros > IntervalFormat.USECS_PER_DAY) {
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "time out of range");
        }
        return LocalTime.ofNanoOfDay(micros * 1000);
    }

    /** Microseconds since 2000-01-01 00:00; infinities are Long.MAX_VALUE / Long.MIN_VALUE. */
    public static long timestampToPg(LocalDateTime ts) {
        if (ts.equals(LocalDateTime.MAX)) {
            return Long.MAX_VALUE;
        }
        if (ts.equals(LocalDateTime.MIN)) {
            return Long.MIN_VALUE;
        }
        long seconds = ts.toEpochSecond(ZoneOffset.UTC) - PG_EPOCH_SECONDS;
        return seconds * 1_000_000L + ts.getNano() / 1000;
    }

    public static LocalDateTime timestampFromPg(long micros) {
        if (micros == Long.MAX_VALUE) {
            return LocalDateTime.MAX;
        }
        if (micros == Long.MIN_VALUE) {
            return LocalDateTime.MIN;
        }
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
        return LocalDateTime.ofEpochSecond(seconds + PG_EPOCH_SECONDS, nanos, ZoneOffset.UTC);
    }

    public static long timestamptzToPg(Instant instant) {
        if (instant.equals(Instant.MAX)) {
            return Long.MAX_VALUE;
        }
        if (instant.equals(Instant.MIN)) {
            return Long.MIN_VALUE;
        }
        return (instant.getEpochSecond() - PG_EPOCH_SECONDS) * 1_000_000L + instant.getNano() / 1000;
    }

    public static Instant timestamptzFromPg(long micros) {
        if (micros == Long.MAX_VALUE) {
            return Instant.MAX;
        }
        if (micros == Long.MIN_VALUE) {
            return Instant.MIN;
        }
        return Instant.EPOCH.plus(PG_EPOCH_SECONDS, ChronoUnit.SECONDS).plus(micros, ChronoUnit.MICROS);
    }

}
